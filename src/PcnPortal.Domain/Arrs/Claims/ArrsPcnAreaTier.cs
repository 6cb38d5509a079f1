using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;

namespace PcnPortal.Domain.Arrs.Claims;

/// <summary>
/// The pay area a PCN's ARRS maximums are taken from (national, outer or inner London). Kept by ARRS, keyed by PCN;
/// a PCN without a row is national.
/// </summary>
public class ArrsPcnAreaTier : IVersioned
{
    public int PcnId { get; set; }

    public Pcn? Pcn { get; set; }

    public AreaTier Tier { get; set; }

    public int Version { get; set; }
}
