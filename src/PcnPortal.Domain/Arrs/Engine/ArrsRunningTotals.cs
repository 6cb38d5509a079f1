namespace PcnPortal.Domain.Arrs.Engine;

/// <summary>
/// The running totals an assessment keeps for its explanations, stored in 8 bytes a figure: a decimal whose
/// unscaled value fits in 55 bits (any WTE or money figure in practice) is packed with its scale and sign, so it
/// comes back bit for bit; any other goes to a side list and the packed value points to it. The role-limit total
/// is kept only for lines where a role limit was assessed.
/// </summary>
internal sealed class ArrsRunningTotals
{
    private const int MantissaBits = 55;
    private const ulong MantissaMask = (1UL << MantissaBits) - 1;
    private List<decimal>? _overflow;
    private Dictionary<int, decimal>? _roleLimitBefore;

    /// <summary>Packs a figure; 0 (the default) stands for 0m.</summary>
    public long Pack(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var lo = (uint)bits[0];
        var mid = (uint)bits[1];
        var hi = (uint)bits[2];
        var flags = bits[3];
        if (hi == 0 && mid < 1u << (MantissaBits - 32))
        {
            var scale = (long)((flags >> 16) & 0xFF);
            var negative = (long)((uint)flags >> 31);
            return (long)(((ulong)mid << 32) | lo) | (scale << MantissaBits) | (negative << (MantissaBits + 5));
        }

        _overflow ??= [];
        _overflow.Add(value);
        return long.MinValue | (long)(_overflow.Count - 1);
    }

    public decimal Unpack(long packed)
    {
        if (packed < 0)
        {
            return _overflow![(int)(packed & int.MaxValue)];
        }

        var mantissa = (ulong)packed & MantissaMask;
        var scale = (byte)((packed >> MantissaBits) & 31);
        var negative = ((packed >> (MantissaBits + 5)) & 1) != 0;
        return new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, scale);
    }

    public void SetRoleLimitBefore(int line, decimal wte) => (_roleLimitBefore ??= [])[line] = wte;

    public decimal RoleLimitBefore(int line) => _roleLimitBefore is not null && _roleLimitBefore.TryGetValue(line, out var wte) ? wte : 0m;
}
