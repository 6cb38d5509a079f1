using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;

namespace PcnPortal.Domain.Arrs.Claims;

/// <summary>A person a PCN employs (or engages) in an ARRS role.</summary>
public class ArrsStaffMember : IVersioned
{
    public int Id { get; set; }

    public int PcnId { get; set; }

    public Pcn? Pcn { get; set; }

    /// <summary>The PCN's own reference for the person (staff_ref in the claim CSV), unique within the PCN.</summary>
    public string StaffRef { get; set; } = "";

    public string Name { get; set; } = "";

    public string RoleCode { get; set; } = "";

    public string Employer { get; set; } = "";

    public decimal Wte { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    /// <summary>Transferred from the NHS England Clinical Pharmacist in General Practice scheme.</summary>
    public bool TransferredFromClinicalPharmacistScheme { get; set; }

    /// <summary>A social prescribing link worker engaged through a third party.</summary>
    public bool ThirdPartySplw { get; set; }

    /// <summary>Covers an absent member of staff.</summary>
    public bool Cover { get; set; }

    public int Version { get; set; }

    public bool InPostOn(DateOnly date) => StartDate <= date && (EndDate is null || EndDate >= date);
}
