using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;

namespace PcnPortal.Domain.Arrs.Claims;

/// <summary>One post in a PCN's ARRS baseline as at 31 March 2019, signed off by its clinical director.</summary>
public class ArrsBaseline : IVersioned
{
    public int Id { get; set; }

    public int PcnId { get; set; }

    public Pcn? Pcn { get; set; }

    public string RoleCode { get; set; } = "";

    public decimal Wte { get; set; }

    public string? StaffRef { get; set; }

    /// <summary>First day the baseline post was empty.</summary>
    public DateOnly? VacantFrom { get; set; }

    /// <summary>Day the vacant post was filled again.</summary>
    public DateOnly? RefilledOn { get; set; }

    /// <summary>Date the clinical director signed the baseline off.</summary>
    public DateOnly? SignedOffOn { get; set; }

    public int Version { get; set; }

    public BaselinePost ToPost() => new(RoleCode, Wte, StaffRef, VacantFrom, RefilledOn);
}
