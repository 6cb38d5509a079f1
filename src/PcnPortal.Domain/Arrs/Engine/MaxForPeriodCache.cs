using System.Runtime.CompilerServices;
using PcnPortal.Domain.Arrs.Rules;

namespace PcnPortal.Domain.Arrs.Engine;

/// <summary>
/// The unrounded maximum for the period (<see cref="CapRule.MaxForPeriod"/>) for the last few (annual maximum, WTE,
/// days in post, days in month) seen: a batch has few distinct ones, and the division is the dearest step of a
/// line's own checks. Keys compare the decimals bit for bit (value and scale), so a hit returns exactly what the
/// rule would.
/// </summary>
internal sealed class MaxForPeriodCache
{
    private const int Size = 256;
    private readonly Slot[] _slots = new Slot[Size];

    public decimal Get(decimal annual, decimal wte, int daysInPost, int daysInMonth)
    {
        var a = Bits(annual);
        var w = Bits(wte);
        var hash = HashCode.Combine(a, w, daysInPost, daysInMonth);
        ref var slot = ref _slots[hash & (Size - 1)];
        if (!slot.Used || slot.Annual != a || slot.Wte != w || slot.DaysInPost != daysInPost || slot.DaysInMonth != daysInMonth)
        {
            slot = new Slot(true, a, w, daysInPost, daysInMonth, CapRule.MaxForPeriod(annual, wte, daysInPost, daysInMonth));
        }

        return slot.Max;
    }

    private static Int128 Bits(decimal value) => Unsafe.As<decimal, Int128>(ref value);

    private readonly record struct Slot(bool Used, Int128 Annual, Int128 Wte, int DaysInPost, int DaysInMonth, decimal Max);
}
