namespace PcnPortal.Domain.OdFunds;

/// <summary>An amount against a PCN: a request (EOI total), an approval or a payment. Several per PCN are summed.</summary>
public sealed record PcnAmount(string PcnCode, decimal Amount);

/// <summary>
/// One PCN's (or the total's) position. Remaining = Allocated − Approved (negative when the panel approved more than the share);
/// AwaitingPayment = Approved − Paid.
/// </summary>
public sealed record OdFundPositionRow(string PcnCode, decimal Allocated, decimal Requested, decimal Approved, decimal Paid)
{
    public decimal Remaining => Allocated - Approved;

    public decimal AwaitingPayment => Approved - Paid;

    public bool OverCommitted => Approved > Allocated;
}

public sealed record OdFundPosition(IReadOnlyList<OdFundPositionRow> Rows, OdFundPositionRow Total);

public static class OdFundPositions
{
    public const string TotalLabel = "Total";

    /// <summary>
    /// Pure aggregation. Rows follow the allocation's order; PCNs with requests, approvals or payments but no share are added after,
    /// with Allocated £0. PCN codes match ignoring case.
    /// </summary>
    public static OdFundPosition Build(
        IEnumerable<OdShare> allocated,
        IEnumerable<PcnAmount> requested,
        IEnumerable<PcnAmount> approved,
        IEnumerable<PcnAmount> paid)
    {
        var order = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Note(string code)
        {
            if (seen.Add(code.Trim()))
            {
                order.Add(code.Trim());
            }
        }

        Dictionary<string, decimal> Sum(IEnumerable<(string Code, decimal Amount)> items)
        {
            var map = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
            foreach (var (code, amount) in items)
            {
                Note(code);
                map[code.Trim()] = map.GetValueOrDefault(code.Trim()) + amount;
            }

            return map;
        }

        var alloc = Sum(allocated.Select(s => (s.PcnCode, s.Amount)));
        var req = Sum(requested.Select(a => (a.PcnCode, a.Amount)));
        var appr = Sum(approved.Select(a => (a.PcnCode, a.Amount)));
        var pay = Sum(paid.Select(a => (a.PcnCode, a.Amount)));

        var rows = order
            .Select(code => new OdFundPositionRow(code, alloc.GetValueOrDefault(code), req.GetValueOrDefault(code), appr.GetValueOrDefault(code), pay.GetValueOrDefault(code)))
            .ToList();
        var total = new OdFundPositionRow(TotalLabel, rows.Sum(r => r.Allocated), rows.Sum(r => r.Requested), rows.Sum(r => r.Approved), rows.Sum(r => r.Paid));
        return new OdFundPosition(rows, total);
    }
}
