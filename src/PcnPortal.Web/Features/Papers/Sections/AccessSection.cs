using PcnPortal.Domain.Access;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Access;

namespace PcnPortal.Web.Features.Papers.Sections;

/// <summary>
/// Extended hours and enhanced access for the financial year containing the date: each PCN's minutes delivered against
/// required in the year's declared quarters (chart and table), plans in force, late declarations.
/// </summary>
public sealed class AccessSection(AccessQueries queries) : IPaperDataSection
{
    public string Key => "access";

    public string Title => "Extended hours and enhanced access";

    public string Description => "Each PCN's extended hours or enhanced access minutes delivered against the minutes required, by quarter, with plans and late declarations.";

    public string? DetailOption => "List each PCN's rule outcomes (short, late, plan missing)";

    public async Task<PaperSectionSnapshot> BuildAsync(DateOnly asAt, PaperSectionOptions options, CancellationToken cancellationToken)
    {
        var year = FinancialYear.Containing(asAt);
        var summary = await queries.SummaryAsync(year, null, cancellationToken, asAt);
        var quarters = summary.Quarters.Where(q => q.LastDay < asAt).ToList();
        if (summary.Rows.Count == 0 || quarters.Count == 0)
        {
            return new PaperSectionSnapshot(Key, asAt, [SnapshotBlock.Paragraph($"No quarter of {year} had ended with an extended hours or enhanced access requirement by {PaperFormat.Date(asAt)}, so there is nothing to report.")]);
        }

        var blocks = new List<SnapshotBlock>
        {
            SnapshotBlock.Paragraph(
                "Extended hours (1 July 2019 to 30 September 2022) required 30 minutes a week per 1,000 registered patients outside core hours; " +
                "enhanced access (from 1 October 2022) requires 60 minutes a week per 1,000 of the PCN adjusted population in the network standard hours " +
                "(18:30 to 20:00 Monday to Friday, 09:00 to 17:00 Saturday). The minutes required in a quarter are worked out day by day with the population in force each day. " +
                $"Figures below cover the quarters of {year} ended by {PaperFormat.Date(asAt)}; a PCN's delivered minutes count once all three months of a quarter are declared."),
        };

        var rows = summary.Rows.Select(r =>
        {
            var done = r.Quarters.Where(q => quarters.Contains(q.Quarter)).ToList();
            var complete = done.Where(q => q.Delivered is not null && q.Required.Minutes is not null).ToList();
            return (Row: r, Quarters: done, Delivered: complete.Sum(q => q.Delivered!.Value), Required: complete.Sum(q => q.Required.Minutes!.Value), Complete: complete.Count);
        }).ToList();
        var charted = rows.Where(r => r.Complete > 0).ToList();
        var shortQuarters = rows.Sum(r => r.Quarters.Count(q => q.IsShort));
        var late = rows.Sum(r => r.Quarters.Count(q => q.LateOutcome.Severity == RuleSeverity.Fail));
        var noPlan = rows.Count(r => r.Row.PlanCheck.Outcome.Severity == RuleSeverity.Fail);
        var unknown = rows.Sum(r => r.Quarters.Count(q => !q.Required.IsKnown));
        blocks.Add(SnapshotBlock.Paragraph(
            $"{rows.Count} PCNs: {shortQuarters} declared quarter{(shortQuarters == 1 ? " was" : "s were")} below the requirement (ACCESS-MINUTES-SHORT), " +
            $"{late} quarter{(late == 1 ? " is" : "s are")} overdue (ACCESS-DECLARATION-LATE) and {noPlan} PCN{(noPlan == 1 ? " has" : "s have")} no approved plan in force (ACCESS-PLAN-MISSING)" +
            (unknown > 0 ? $"; for {unknown} PCN quarter{(unknown == 1 ? "" : "s")} the requirement cannot be worked out because the adjusted population is not loaded." : ".")));

        if (charted.Count > 0)
        {
            var worst = charted.OrderBy(r => r.Delivered * 1m / Math.Max(r.Required, 1)).First();
            var delivered = charted.Sum(r => r.Delivered);
            var required = charted.Sum(r => r.Required);
            blocks.Add(SnapshotBlock.Of(new SnapshotChart(
                SnapshotChart.Bars,
                $"Figure: access minutes delivered against required by PCN, {year} to {PaperFormat.Date(asAt)}",
                $"Bar chart of each PCN's access minutes delivered against the minutes required in the declared quarters of {year}, {charted.Count} PCNs. " +
                $"In all {AccessText.Whole(delivered)} of {AccessText.Whole(required)} minutes were delivered ({PercentText(delivered, required)}); " +
                $"the lowest is {worst.Row.PcnName} with {AccessText.Whole(worst.Delivered)} of {AccessText.Whole(worst.Required)} ({PercentText(worst.Delivered, worst.Required)}). The table after the figure gives every PCN's quarters.",
                [.. charted.Select(r => r.Row.PcnName)],
                Series:
                [
                    new SnapshotSeries("Delivered", [.. charted.Select(r => (double)r.Delivered)], [.. charted.Select(r => AccessText.Whole(r.Delivered))]),
                    new SnapshotSeries("Required", [.. charted.Select(r => (double)r.Required)], [.. charted.Select(r => AccessText.Whole(r.Required))]),
                ])));
        }

        blocks.Add(SnapshotBlock.Of(new SnapshotTable(
            $"Access minutes delivered against required by PCN and quarter, {year}",
            [new("PCN", 2.6f), new("Plan", 1.2f), .. quarters.Select(q => SnapshotColumn.Number($"Q{q.Number}", 1.5f))],
            [.. rows.Select(r => (IReadOnlyList<SnapshotCell>)
            [
                $"{r.Row.PcnName} ({r.Row.PcnCode})",
                AccessDisplay.PlanTag(r.Row.PlanCheck),
                .. r.Quarters.Select(Cell),
            ])])));

        if (options.ShowDetail)
        {
            var outcomes = rows.SelectMany(r => r.Quarters.SelectMany(q => new[] { q.MinutesOutcome, q.LateOutcome }).Append(r.Row.PlanCheck.Outcome))
                .Where(o => o is not null && o.Severity != RuleSeverity.Pass)
                .ToList();
            blocks.Add(outcomes.Count == 0
                ? SnapshotBlock.Paragraph("Every access rule passed.")
                : SnapshotBlock.Of(new SnapshotTable(
                    $"Access rule outcomes that need attention, {year}",
                    [new("Rule", 1.6f), new("Outcome", 0.8f), new("Explanation", 5f)],
                    [.. outcomes.Select(o => (IReadOnlyList<SnapshotCell>)[o!.Code, o.Severity.ToString(), o.Explanation])])));
        }

        return new PaperSectionSnapshot(Key, asAt, blocks);
    }

    private static SnapshotCell Cell(AccessQuarterView q) =>
        q.Delivered is { } d && q.Required.Minutes is { } r
            ? new SnapshotCell($"{AccessText.Whole(d)} / {AccessText.Whole(r)} ({PercentText(d, r)})", Bold: q.IsShort)
            : !q.Required.IsKnown ? "not known"
            : q.LateOutcome.Severity == RuleSeverity.Fail ? "late" : q.MonthsDeclared > 0 ? $"{q.MonthsDeclared} of 3 months" : "not due";

    private static string PercentText(int delivered, int required) =>
        AccessMinutesShortRule.Percent(delivered, required) is { } p ? AccessText.Percent(p) : "n/a";
}
