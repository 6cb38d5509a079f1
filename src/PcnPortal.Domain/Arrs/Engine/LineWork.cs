namespace PcnPortal.Domain.Arrs.Engine;

/// <summary>
/// What the later steps of an assessment need to know about one line, copied once so they need not go back to
/// it: who it is for (PCN, person, role, as numbered by <see cref="BatchIds"/>), its place in the order of
/// competition, and the amount the rules allow so far.
/// </summary>
internal struct LineWork(ClaimLineInput line, int pcn, int pair, int role)
{
    public decimal Wte = line.Wte;

    /// <summary>Rate × cost within the maximum after the line's own checks; the amount allowed before the ARR Sum after the baseline.</summary>
    public decimal Amount;

    /// <summary>Submission order (<see cref="ClaimLineInput.Sequence"/>).</summary>
    public long Sequence = line.Sequence;

    public int Pcn = pcn;

    /// <summary>The (PCN, person) pair.</summary>
    public int Pair = pair;

    /// <summary>Index of the role in the reference data; -1 for an unknown role code.</summary>
    public int Role = role;

    public int StartDay = line.StartDate.DayNumber;

    /// <summary>Month of the financial year, 0 = April; -1 for a line outside the year.</summary>
    public sbyte Month;

    public bool NamedInBaseline;

    /// <summary>A clinical pharmacist transferred from the NHS England Clinical Pharmacist scheme.</summary>
    public bool Transferred;

    /// <summary>The line's PCN, role and month of the year as one number (for grouping).</summary>
    public readonly int PcnRoleMonth(int roleCount) => (((Pcn * roleCount) + Role) * 12) + Month;
}
