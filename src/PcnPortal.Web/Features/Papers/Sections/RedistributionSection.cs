using PcnPortal.Domain.Arrs.Redistribution;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Arrs;

namespace PcnPortal.Web.Features.Papers.Sections;

/// <summary>
/// ARRS underspend and redistribution for the financial year containing the date: each round's pool by giving PCN (expected
/// unused, given up to approved bids, left) as a chart and a table, and the bids with their decisions; with no round, the
/// expected unused entitlement from the finance forecast. Years 2019/20 to 2023/24 only (ADR 0016).
/// </summary>
public sealed class RedistributionSection(RedistributionQuery query, RedistributionService service) : IPaperDataSection
{
    public string Key => "arrs-redistribution";

    public string Title => "ARRS underspend and redistribution";

    public string Description => "Each PCN's expected unused ARR Sum for the year, the redistribution rounds' pools, bids and decisions, and what each giving PCN gave up.";

    public string? DetailOption => "List each reduction of a giving PCN, with its working";

    public async Task<PaperSectionSnapshot> BuildAsync(DateOnly asAt, PaperSectionOptions options, CancellationToken cancellationToken)
    {
        var year = FinancialYear.Containing(asAt);
        if (ArrsRedistribution.CheckYear(year) is { Severity: RuleSeverity.Fail } refused)
        {
            return new PaperSectionSnapshot(Key, asAt, [SnapshotBlock.Paragraph(refused.Explanation)]);
        }

        var rounds = (await query.ListAsync(null, cancellationToken)).Where(r => r.Year == year).OrderBy(r => r.Id).ToList();
        var blocks = new List<SnapshotBlock>();
        if (rounds.Count == 0)
        {
            var pool = ArrsRedistribution.Pool(year, await service.FiguresAsync(year, null, cancellationToken));
            blocks.Add(SnapshotBlock.Paragraph(
                $"No redistribution round has been opened for {year}. From the finance forecast, {pool.Pcns.Count(p => p.ExpectedUnused > 0m)} of {pool.Pcns.Count} PCNs are expected to leave " +
                $"{PaperFormat.Money(pool.Total)} of ARRS entitlement unused (entitlement less claims approved and pending less the forecast to year end)."));
            var givers = pool.Pcns.Where(p => p.ExpectedUnused > 0m).OrderByDescending(p => p.ExpectedUnused).ToList();
            if (givers.Count > 0)
            {
                blocks.Add(SnapshotBlock.Of(new SnapshotTable(
                    $"Expected unused ARRS entitlement by PCN, {year}",
                    [new("PCN", 2.8f), SnapshotColumn.Number("Entitlement", 1.3f), SnapshotColumn.Number("Claimed", 1.3f), SnapshotColumn.Number("Forecast", 1.3f), SnapshotColumn.Number("Expected unused", 1.3f)],
                    [.. givers.Select(p => (IReadOnlyList<SnapshotCell>)
                        [$"{p.Figures.PcnName} ({p.PcnCode})", PaperFormat.Money(p.Figures.Entitlement), PaperFormat.Money(p.Figures.Claimed), PaperFormat.Money(p.Figures.Forecast), PaperFormat.Money(p.ExpectedUnused)]),
                     [new SnapshotCell("Total", Bold: true), "", "", "", new SnapshotCell(PaperFormat.Money(pool.Total), Bold: true)]])));
            }

            return new PaperSectionSnapshot(Key, asAt, blocks);
        }

        foreach (var summary in rounds)
        {
            var round = (await query.RoundAsync(summary.Id, null, cancellationToken))!;
            if (rounds.Count > 1)
            {
                blocks.Add(SnapshotBlock.SubHeading($"Round {round.Id}"));
            }

            var decided = round.Bids.Count(b => b.Status != RedistributionBidStatus.Submitted);
            blocks.Add(SnapshotBlock.Paragraph(
                $"Redistribution round {round.Id} for {year} ({(round.IsOpen ? "open" : "closed")}; bids were due by {PaperFormat.Date(round.Deadline)}): a pool of {PaperFormat.Money(round.Pool)} " +
                $"expected unused by {round.Givers} PCNs when it opened. {round.Bids.Count} bids for {PaperFormat.Money(round.Bids.Sum(b => b.Requested))}, " +
                $"{decided} decided: {PaperFormat.Money(round.Approved)} approved and {PaperFormat.Money(round.Left)} left. Each approved amount was taken from the giving PCNs in proportion to what was left of their expected unused entitlement, to the penny."));

            var givers = round.PoolRows.Where(p => p.ExpectedUnused > 0m).ToList();
            if (givers.Count > 0)
            {
                var most = givers.OrderByDescending(p => p.GivenUp).First();
                blocks.Add(SnapshotBlock.Of(new SnapshotChart(
                    SnapshotChart.Bars,
                    $"Figure: expected unused ARRS entitlement and what was given up, by PCN, {year}",
                    $"Bar chart of each giving PCN's expected unused ARRS entitlement against the amount given up to approved bids, {year}, {givers.Count} PCNs. " +
                    $"In all {PaperFormat.Money(round.Approved)} of the {PaperFormat.Money(round.Pool)} pool was given up; the most by {most.PcnName}, {PaperFormat.Money(most.GivenUp)} of {PaperFormat.Money(most.ExpectedUnused)}. The table after the figure gives every PCN's figures.",
                    [.. givers.Select(p => p.PcnName)],
                    Series:
                    [
                        new SnapshotSeries("Given up", [.. givers.Select(p => (double)p.GivenUp)], [.. givers.Select(p => PaperFormat.WholePounds(p.GivenUp))]),
                        new SnapshotSeries("Expected unused", [.. givers.Select(p => (double)p.ExpectedUnused)], [.. givers.Select(p => PaperFormat.WholePounds(p.ExpectedUnused))]),
                    ])));
                blocks.Add(SnapshotBlock.Of(new SnapshotTable(
                    $"Pool by giving PCN, round {round.Id}, {year}",
                    [new("PCN", 2.8f), SnapshotColumn.Number("Expected unused", 1.3f), SnapshotColumn.Number("Given up", 1.3f), SnapshotColumn.Number("Left", 1.3f)],
                    [.. givers.Select(p => (IReadOnlyList<SnapshotCell>)[$"{p.PcnName} ({p.PcnCode})", PaperFormat.Money(p.ExpectedUnused), PaperFormat.Money(p.GivenUp), PaperFormat.Money(p.Left)]),
                     [new SnapshotCell("Total", Bold: true), new SnapshotCell(PaperFormat.Money(round.Pool), Bold: true), new SnapshotCell(PaperFormat.Money(round.Approved), Bold: true), new SnapshotCell(PaperFormat.Money(round.Left), Bold: true)]])));
            }

            blocks.Add(round.Bids.Count == 0
                ? SnapshotBlock.Paragraph("No PCN has bid in this round.")
                : SnapshotBlock.Of(new SnapshotTable(
                    $"Bids and decisions, round {round.Id}, {year}",
                    [new("PCN", 2.4f), new("Post", 2.4f), SnapshotColumn.Number("Bid for", 1.2f), new("Decision", 1.6f), SnapshotColumn.Number("Approved", 1.2f)],
                    [.. round.Bids.Select(b => (IReadOnlyList<SnapshotCell>)
                    [
                        $"{b.PcnName} ({b.PcnCode})", $"{b.RoleName}, {PaperFormat.Number(b.Wte, 2)} WTE from {ArrsDisplay.Month(b.StartMonth)}", PaperFormat.Money(b.Requested),
                        b.DecisionReason is { } why ? $"{b.StatusText}: {why}" : b.StatusText, b.ApprovedAmount is { } a ? PaperFormat.Money(a) : "",
                    ])])));

            if (options.ShowDetail)
            {
                var reductions = round.Bids.SelectMany(b => b.Reductions.Select(r => (Bid: b, Reduction: r))).ToList();
                blocks.Add(reductions.Count == 0
                    ? SnapshotBlock.Paragraph("No bid has been approved, so no PCN has given anything up.")
                    : SnapshotBlock.Of(new SnapshotTable(
                        $"Reductions of the giving PCNs, round {round.Id}, {year}",
                        [new("Giving PCN", 2.2f), new("For the bid of", 2.2f), SnapshotColumn.Number("Reduction", 1.2f), new("Working", 3.2f)],
                        [.. reductions.Select(x => (IReadOnlyList<SnapshotCell>)[$"{x.Reduction.PcnName} ({x.Reduction.PcnCode})", x.Bid.PcnName, PaperFormat.Money(x.Reduction.Amount), x.Reduction.Working])])));
            }
        }

        return new PaperSectionSnapshot(Key, asAt, blocks);
    }
}
