using PcnPortal.Domain.Common;
using PcnPortal.Domain.Maturity;
using PcnPortal.Web.Features.Maturity;
using PcnPortal.Web.Infrastructure.Pdf;

namespace PcnPortal.Web.Features.Papers.Sections;

/// <summary>The maturity round of the financial year containing the date: PCN × domain heatmap, counts per position, movement since last year.</summary>
public sealed class MaturitySection(MaturityReportQuery reports) : IPaperDataSection
{
    public string Key => "maturity";

    public string Title => "Maturity round summary";

    public string Description => "The maturity self-assessment round for the financial year: positions by PCN and domain, counts per position, and movement since the previous round.";

    public string? DetailOption => "Include the count of PCNs at each position per domain";

    public static PdfShade ShadeFor(MaturityPosition? position) => position switch
    {
        null => PdfShade.None,
        MaturityPosition.NotAssessed => PdfShade.Neutral,
        MaturityPosition.PreFoundation or MaturityPosition.Foundation => PdfShade.Lowest,
        MaturityPosition.FoundationToStep1 or MaturityPosition.Step1 => PdfShade.Low,
        MaturityPosition.Step1To2 => PdfShade.Medium,
        MaturityPosition.Step2 or MaturityPosition.Step2To3 => PdfShade.High,
        _ => PdfShade.Highest,
    };

    /// <summary>
    /// The heatmap figure: PCNs down, domains across, each cell shaded and naming the position, with a legend; the
    /// alternative text gives the most common position in each domain and how many PCNs have no return.
    /// </summary>
    private static SnapshotChart Heatmap(MaturityRoundReport report, string year)
    {
        var grid = report.Grid;
        var cells = grid.PcnCodes.Select((_, i) => (IReadOnlyList<SnapshotCell>)[.. grid.Rows.Select(r => r.Cells[i] is { } p
            ? new SnapshotCell(p.DisplayText(), ShadeFor(p))
            : new SnapshotCell("No return"))]).ToList();
        var summary = grid.Rows.Select(r =>
        {
            var common = r.Cells.Where(c => c is not null).GroupBy(c => c!.Value).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).FirstOrDefault();
            return common is null
                ? $"{r.Domain.DisplayName()}: no returns"
                : $"{r.Domain.DisplayName()}: most often {common.Key.DisplayText()} ({common.Count()} of {grid.PcnCodes.Count} PCNs)";
        });
        var noReturn = grid.PcnCodes.Where((_, i) => grid.Rows.All(r => r.Cells[i] is null)).Count();
        var alt = $"Heatmap of maturity positions, {year}: {grid.PcnCodes.Count} PCNs down the side, {grid.Rows.Count} domains across; darker shading is a more mature position and every cell names it. " +
            string.Join("; ", summary) + ". " + (noReturn == 0 ? "Every PCN has a return." : $"{noReturn} PCNs have no return.") + " The table after the figure lists every position.";
        var legend = MaturityPositions.All.Select(p => new SnapshotLegend(ShadeFor(p), p.DisplayText())).ToList();
        legend.Add(new SnapshotLegend(PdfShade.None, "No return"));
        return new SnapshotChart(
            SnapshotChart.Heatmap,
            $"Figure: maturity positions by PCN and domain, {year}",
            alt,
            [.. grid.PcnCodes.Select(code => $"{report.PcnName(code)} ({code})")],
            Columns: [.. grid.Rows.Select(r => r.Domain.DisplayName())],
            Cells: cells,
            Legend: legend);
    }

    public async Task<PaperSectionSnapshot> BuildAsync(DateOnly asAt, PaperSectionOptions options, CancellationToken cancellationToken)
    {
        var year = FinancialYear.Containing(asAt);
        var report = await reports.ForYearAsync(year, cancellationToken);
        if (report is null)
        {
            return new PaperSectionSnapshot(Key, asAt, [SnapshotBlock.Paragraph($"No maturity round has been opened for {year}, so there are no positions to report.")]);
        }

        if (report.Tracker.Received == 0)
        {
            return new PaperSectionSnapshot(Key, asAt, [SnapshotBlock.Paragraph(
                $"The {year} maturity round (returns due {PaperFormat.Date(report.DueDate)}) has no returns received yet: {report.Tracker.ReceivedText}.")]);
        }

        var domains = report.Grid.Rows.Select(r => r.Domain).ToList();
        var blocks = new List<SnapshotBlock>
        {
            SnapshotBlock.Paragraph(
                $"{report.Tracker.ReceivedText} for the {year} round (due {PaperFormat.Date(report.DueDate)}). Each cell shows the PCN's position in the domain " +
                "(the agreed position where the review changed it); darker shading means a more mature position, and the text names the position so the table reads in greyscale."),
        };

        var columns = new List<SnapshotColumn> { new("PCN", 2.4f) };
        columns.AddRange(domains.Select(d => new SnapshotColumn(d.DisplayName(), 1.3f, PdfAlignment.Centre)));
        var rows = report.Grid.PcnCodes.Select((code, i) =>
        {
            var cells = new List<SnapshotCell> { $"{report.PcnName(code)} ({code})" };
            cells.AddRange(report.Grid.Rows.Select(r => r.Cells[i] is { } p
                ? new SnapshotCell(p.DisplayText(), ShadeFor(p))
                : new SnapshotCell("No return")));
            return (IReadOnlyList<SnapshotCell>)cells;
        }).ToList();
        blocks.Add(SnapshotBlock.Of(Heatmap(report, year.ToString())));
        blocks.Add(SnapshotBlock.Of(new SnapshotTable($"Maturity positions by PCN and domain, {year}", columns, rows)));

        if (options.ShowDetail)
        {
            var countColumns = new List<SnapshotColumn> { new("Position", 1.8f) };
            countColumns.AddRange(report.Counts.Select(c => SnapshotColumn.Number(c.Domain.DisplayName(), 1.3f)));
            var countRows = MaturityPositions.All.Select(p =>
            {
                var cells = new List<SnapshotCell> { p.DisplayText() };
                cells.AddRange(report.Counts.Select(c => new SnapshotCell(PaperFormat.Count(c[p]))));
                return (IReadOnlyList<SnapshotCell>)cells;
            }).ToList();
            var missing = new List<SnapshotCell> { "No return" };
            missing.AddRange(report.Counts.Select(c => new SnapshotCell(PaperFormat.Count(c.Missing))));
            countRows.Add(missing);
            blocks.Add(SnapshotBlock.Of(new SnapshotTable($"Number of PCNs at each position, {year}", countColumns, countRows)));
        }

        if (report.PreviousYear is { } previous)
        {
            if (report.MovementByDomain.Count == 0 || report.MovementByDomain.All(m => m.Improved + m.Same + m.Lower == 0))
            {
                blocks.Add(SnapshotBlock.Paragraph($"No PCN has a received return in both {previous} and {year}, so movement cannot be compared."));
            }
            else
            {
                blocks.Add(SnapshotBlock.Of(new SnapshotTable(
                    $"Movement since {previous} (PCNs with a return in both years)",
                    [new("Domain", 3), SnapshotColumn.Number("Improved"), SnapshotColumn.Number("Same"), SnapshotColumn.Number("Lower"), SnapshotColumn.Number("Not comparable", 1.2f)],
                    [.. report.MovementByDomain.Select(m => (IReadOnlyList<SnapshotCell>)
                    [
                        m.Domain.DisplayName(), PaperFormat.Count(m.Improved), PaperFormat.Count(m.Same), PaperFormat.Count(m.Lower), PaperFormat.Count(m.NotComparable),
                    ])])));
            }
        }
        else
        {
            blocks.Add(SnapshotBlock.Paragraph($"There is no earlier round to compare {year} with."));
        }

        return new PaperSectionSnapshot(Key, asAt, blocks);
    }
}
