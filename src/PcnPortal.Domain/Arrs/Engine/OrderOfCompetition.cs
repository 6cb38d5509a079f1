namespace PcnPortal.Domain.Arrs.Engine;

/// <summary>
/// The order of competition: which of a batch's lines uses the ARR Sum and covers a vacant baseline post first, comparing lines by
/// their position in the batch. One order, refined once:
/// <list type="bullet">
/// <item><see cref="ForArrSum"/>: claim month, then submission order (<see cref="ClaimLineInput.Sequence"/>), then
/// position in the batch; lines outside the year first (they take nothing). A PCN's ARR Sum is spent in this order,
/// and a person's lines are counted in it for duplicates and for their WTE across claims.</item>
/// <item><see cref="ForBaseline"/>: within one PCN, role and month, the earliest start date first, then as for the ARR
/// Sum. Vacant baseline posts are covered (additionality) and role limits are used in this order.</item>
/// </list>
/// A total order (position breaks every tie), so any sort gives the same result.
/// </summary>
internal sealed class OrderOfCompetition : IComparer<int>
{
    private const int InsertionSortLimit = 16;
    private readonly LineWork[] _work;
    private readonly bool _baseline;
    private readonly Comparison<int> _compare;

    private OrderOfCompetition(LineWork[] work, bool baseline)
    {
        _work = work;
        _baseline = baseline;
        _compare = Compare;
    }

    public static OrderOfCompetition ForArrSum(LineWork[] work) => new(work, baseline: false);

    public static OrderOfCompetition ForBaseline(LineWork[] work) => new(work, baseline: true);

    public int Compare(int a, int b)
    {
        ref readonly var x = ref _work[a];
        ref readonly var y = ref _work[b];
        if (_baseline)
        {
            if (x.StartDay != y.StartDay)
            {
                return x.StartDay < y.StartDay ? -1 : 1;
            }
        }

        return x.Month != y.Month ? (x.Month < y.Month ? -1 : 1)
            : x.Sequence != y.Sequence ? (x.Sequence < y.Sequence ? -1 : 1)
            : a.CompareTo(b);
    }

    /// <summary>Fills <paramref name="lines"/> with every position in the batch, in this order.</summary>
    public void PutInOrder(Span<int> lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = i;
        }

        Sort(lines);
    }

    /// <summary>Sorts line positions into this order; lines already in it (a claims file usually is) are left as they are.</summary>
    public void Sort(Span<int> lines)
    {
        var k = 1;
        while (k < lines.Length && Compare(lines[k - 1], lines[k]) < 0)
        {
            k++;
        }

        if (k >= lines.Length)
        {
            return;
        }

        if (lines.Length > InsertionSortLimit)
        {
            lines.Sort(_compare);
            return;
        }

        for (; k < lines.Length; k++)
        {
            var line = lines[k];
            var j = k - 1;
            while (j >= 0 && Compare(line, lines[j]) < 0)
            {
                lines[j + 1] = lines[j];
                j--;
            }

            lines[j + 1] = line;
        }
    }
}
