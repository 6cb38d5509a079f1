namespace PcnPortal.Domain.Arrs;

/// <summary>The pay area a PCN's maximums are taken from (London weighting from 2021/22).</summary>
public enum AreaTier
{
    National = 0,
    OuterLondon = 1,
    InnerLondon = 2,
}
