using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.OdFunds;

namespace PcnPortal.Web.Features.Papers.Sections;

/// <summary>The OD funds of the financial year containing the date: sources, shares per PCN, requested, approved, paid; EOIs and decisions as detail.</summary>
public sealed class OdFundSection(OdFundReportQuery reports) : IPaperDataSection
{
    public string Key => "od-fund";

    public string Title => "OD fund position";

    public string Description => "Organisational development funds for the financial year: sources, each PCN's share, amounts requested, approved and paid.";

    public string? DetailOption => "List each expression of interest and the panel's decision";

    public async Task<PaperSectionSnapshot> BuildAsync(DateOnly asAt, PaperSectionOptions options, CancellationToken cancellationToken)
    {
        var year = FinancialYear.Containing(asAt);
        var funds = await reports.ListAsync(year.StartYear, cancellationToken);
        if (funds.Count == 0)
        {
            return new PaperSectionSnapshot(Key, asAt, [SnapshotBlock.Paragraph($"No OD fund has been set up for {year}, so there is nothing to report.")]);
        }

        var blocks = new List<SnapshotBlock>();
        foreach (var fund in funds)
        {
            if (funds.Count > 1)
            {
                blocks.Add(SnapshotBlock.SubHeading(fund.Name));
            }

            blocks.Add(SnapshotBlock.Paragraph(
                $"{fund.Name} ({fund.Year}) totals {PaperFormat.Money(fund.Total)}: {PaperFormat.Money(fund.CdRingFenceAmount)} ({PaperFormat.Number(fund.CdRingFencePercent, 0)}%) is ring-fenced for clinical director development" +
                (fund.HeldBack > 0 ? $", {PaperFormat.Money(fund.HeldBack)} is held back{(string.IsNullOrWhiteSpace(fund.HeldBackPurpose) ? "" : " for " + fund.HeldBackPurpose)}" : "") +
                $" and {PaperFormat.Money(fund.Distributable)} is shared between PCNs" +
                (fund.RatePerPatient is { } rate ? $" at {PaperFormat.Money(rate)} per patient" : "") +
                $" (populations as at {PaperFormat.Date(fund.PopulationDate)}). Expressions of interest were due by {PaperFormat.Date(fund.EoiDeadline)}."));
            blocks.Add(SnapshotBlock.Of(new SnapshotTable(
                $"Sources of the {fund.Year} OD fund",
                [new("Source", 4), SnapshotColumn.Number("Amount", 1.4f)],
                [.. fund.Sources.Select(s => (IReadOnlyList<SnapshotCell>)[s.Name, PaperFormat.Money(s.Amount)]),
                 [new SnapshotCell("Total", Bold: true), new SnapshotCell(PaperFormat.Money(fund.Total), Bold: true)]])));

            if (fund.Allocation is null || fund.Pcns.Count == 0)
            {
                blocks.Add(SnapshotBlock.Paragraph("No allocation of this fund to PCNs has been approved yet, so PCN shares are not shown."));
            }
            else
            {
                var rows = fund.Pcns.Select(p => (IReadOnlyList<SnapshotCell>)
                [
                    $"{p.PcnName} ({p.PcnCode})", PaperFormat.Number(p.Population, 0), PaperFormat.Money(p.Allocated), PaperFormat.Money(p.Requested),
                    PaperFormat.Money(p.Approved), PaperFormat.Money(p.Paid), PaperFormat.Money(p.Remaining),
                ]).ToList();
                var t = fund.Totals;
                var pcns = fund.Pcns.ToList();
                var most = pcns.OrderByDescending(p => p.Remaining).First();
                blocks.Add(SnapshotBlock.Of(new SnapshotChart(
                    SnapshotChart.Bars,
                    $"Figure: OD fund position by PCN, {fund.Year}",
                    $"Bar chart of each PCN's OD fund share against the amount paid, {fund.Year}, {pcns.Count} PCNs. In all {PaperFormat.Money(t.Paid)} of {PaperFormat.Money(t.Allocated)} " +
                    $"has been paid and {PaperFormat.Money(t.Remaining)} remains; the most remaining is {most.PcnName}'s {PaperFormat.Money(most.Remaining)}. The table after the figure gives every PCN's figures.",
                    [.. pcns.Select(p => p.PcnName)],
                    Series:
                    [
                        new SnapshotSeries("Paid", [.. pcns.Select(p => (double)p.Paid)], [.. pcns.Select(p => PaperFormat.WholePounds(p.Paid))]),
                        new SnapshotSeries("Share", [.. pcns.Select(p => (double)p.Allocated)], [.. pcns.Select(p => PaperFormat.WholePounds(p.Allocated))]),
                    ])));
                rows.Add([
                    new SnapshotCell("Total", Bold: true), new SnapshotCell(PaperFormat.Number(t.Population, 0), Bold: true), new SnapshotCell(PaperFormat.Money(t.Allocated), Bold: true),
                    new SnapshotCell(PaperFormat.Money(t.Requested), Bold: true), new SnapshotCell(PaperFormat.Money(t.Approved), Bold: true),
                    new SnapshotCell(PaperFormat.Money(t.Paid), Bold: true), new SnapshotCell(PaperFormat.Money(t.Remaining), Bold: true),
                ]);
                blocks.Add(SnapshotBlock.Of(new SnapshotTable(
                    $"OD fund shares and position by PCN, {fund.Year}",
                    [new("PCN", 2.8f), SnapshotColumn.Number("Population", 1.1f), SnapshotColumn.Number("Share", 1.2f), SnapshotColumn.Number("Requested", 1.2f),
                     SnapshotColumn.Number("Approved", 1.2f), SnapshotColumn.Number("Paid", 1.2f), SnapshotColumn.Number("Remaining", 1.2f)],
                    rows)));
            }

            if (options.ShowDetail)
            {
                var eois = fund.Eois.Where(e => e.SubmittedAtUtc is not null).ToList();
                blocks.Add(eois.Count == 0
                    ? SnapshotBlock.Paragraph("No expressions of interest have been submitted for this fund.")
                    : SnapshotBlock.Of(new SnapshotTable(
                        $"Expressions of interest and panel decisions, {fund.Year}",
                        [new("PCN", 2.6f), new("Status", 1.6f), SnapshotColumn.Number("Requested", 1.2f), SnapshotColumn.Number("Approved", 1.2f), new("Decision", 2.4f)],
                        [.. eois.Select(e => (IReadOnlyList<SnapshotCell>)
                        [
                            $"{e.PcnName} ({e.PcnCode})", e.StatusText, PaperFormat.Money(e.Requested), PaperFormat.Money(e.Approved),
                            e.LatestDecision is { } d ? $"{d.OutcomeText}, {PaperFormat.Date(d.DecisionDate)}{(string.IsNullOrWhiteSpace(d.Conditions) ? "" : ". Conditions: " + d.Conditions)}" : "Awaiting panel",
                        ])])));
            }
        }

        return new PaperSectionSnapshot(Key, asAt, blocks);
    }
}
