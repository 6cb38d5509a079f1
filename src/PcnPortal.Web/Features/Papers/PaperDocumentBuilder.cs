using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Pdf;

namespace PcnPortal.Web.Features.Papers;

/// <summary>The data a paper is drawn from at one moment: each data section's snapshot (by section id) and the glossary terms.</summary>
/// <param name="Acknowledged">
/// Empty or unverified sections the secretary acknowledged when finalising (printed in the paper), or null.
/// </param>
public sealed record PaperData(IReadOnlyDictionary<int, PaperSectionSnapshot> Sections, IReadOnlyList<GlossaryEntry> Glossary, IReadOnlyList<string>? Acknowledged = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, PaperFormat.Json);

    public static PaperData FromJson(string json) => JsonSerializer.Deserialize<PaperData>(json, PaperFormat.Json)
        ?? throw new InvalidOperationException("The stored paper snapshot is empty.");
}

public sealed record GlossaryEntry(string Term, string Meaning);

/// <summary>
/// Turns a paper and its data into the engine-neutral <see cref="PdfDocumentModel"/>. The browser preview and the PDF
/// both render this one model, so they read the same.
/// </summary>
public sealed class PaperDocumentBuilder(PortalDbContext db, PaperDataSections dataSections)
{
    public const string PartTwoMarking = "PART II – CONFIDENTIAL";

    /// <summary>Loads a paper with its meeting, sections and risks (tracked, for changes).</summary>
    public Task<CommitteePaper?> LoadPaperAsync(int id, CancellationToken cancellationToken) =>
        db.CommitteePapers.Include(p => p.Meeting).Include(p => p.Sections).Include(p => p.Risks)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>Draws every data section from live data, and the glossary from the managed list.</summary>
    public async Task<PaperData> LiveDataAsync(CommitteePaper paper, CancellationToken cancellationToken)
    {
        var snapshots = new Dictionary<int, PaperSectionSnapshot>();
        foreach (var section in paper.Sections.Where(s => s.Kind == PaperSectionKind.Data))
        {
            var source = dataSections.Find(section.DataKey);
            var asAt = section.AsAt ?? paper.Meeting!.Date;
            snapshots[section.Id] = source is null
                ? new PaperSectionSnapshot(section.DataKey ?? "", asAt, [SnapshotBlock.Paragraph("This data section is no longer available in the portal.")])
                : await source.BuildAsync(asAt, new PaperSectionOptions(section.ShowDetail, section.AllEngland), cancellationToken);
        }

        var terms = await db.GlossaryTerms.AsNoTracking().ToListAsync(cancellationToken);
        var glossary = terms.OrderBy(t => t.Term, StringComparer.OrdinalIgnoreCase).Select(t => new GlossaryEntry(t.Term, t.Meaning)).ToList();
        return new PaperData(snapshots, glossary);
    }

    public static string FileName(CommitteePaper paper, int? version = null)
    {
        var slug = Regex.Replace(paper.Title.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        if (slug.Length > 80)
        {
            slug = slug[..80].TrimEnd('-');
        }

        return $"item-{Regex.Replace(paper.AgendaNumber, "[^A-Za-z0-9.]+", "-")}-{(slug.Length == 0 ? "paper" : slug)}-v{version ?? paper.PaperVersion}.pdf";
    }

    /// <summary>The latest as-at date of the paper's data sections, or the meeting date when it has none.</summary>
    public static DateOnly DataDate(CommitteePaper paper, PaperData data) =>
        data.Sections.Count == 0 ? paper.Meeting!.Date : data.Sections.Values.Max(s => s.AsAt);

    public PdfDocumentModel Build(CommitteePaper paper, PaperData data, DateTime producedAtUtc)
    {
        var meeting = paper.Meeting ?? throw new InvalidOperationException("Load the paper with its meeting.");
        var blocks = new List<PdfBlock>
        {
            new PdfParagraph(new PdfTextRun(meeting.CommitteeName, Bold: true)),
            new PdfParagraph(string.Join(" · ", new[]
            {
                $"Date: {PaperFormat.Date(meeting.Date)}",
                string.IsNullOrWhiteSpace(meeting.Time) ? null : $"Time: {meeting.Time}",
                string.IsNullOrWhiteSpace(meeting.Location) ? null : $"Location: {meeting.Location}",
            }.Where(s => s is not null))),
        };
        if (paper.IsPartTwo)
        {
            blocks.Add(new PdfParagraph(new PdfTextRun("Part II: confidential. Not for publication.", Bold: true)));
        }

        var cover = new List<PdfKeyValueRow>
        {
            new("Agenda number", paper.AgendaNumber),
            new("Title", paper.Title),
            new("Purpose", paper.Purpose.ToString()),
        };
        // Optional fields left blank are left out; a required one still blank (a draft) says so.
        cover.AddRange(CoverSheet.Fields.Where(f => f.Required || !string.IsNullOrWhiteSpace(f.Read(paper)))
            .Select(f => new PdfKeyValueRow(f.Label, TextBlocks(f.Read(paper), "Not completed"))));
        blocks.Add(new PdfKeyValueTable([.. cover]));
        if (data.Acknowledged is { Count: > 0 } acknowledged)
        {
            blocks.Add(new PdfParagraph(new PdfTextRun("Figures not verified. ", Bold: true), new PdfTextRun(
                "The committee secretary finalised this paper acknowledging that the following sections are empty or draw on figures that are not published:")));
            blocks.Add(new PdfBulletList([.. acknowledged.Select(a => new PdfBulletItem(a))]));
        }

        blocks.Add(new PdfPageBreak());
        blocks.Add(new PdfContentsList());

        var ordered = paper.Sections.OrderBy(s => s.Position).ToList();
        var corpus = new StringBuilder();
        foreach (var field in CoverSheet.Fields)
        {
            corpus.AppendLine(field.Read(paper));
        }

        var number = 0;
        foreach (var section in ordered.Where(s => !s.IsAppendix))
        {
            number++;
            AddSection(blocks, section, number.ToString(CultureInfo.InvariantCulture), paper, data, corpus);
        }

        var appendix = 0;
        foreach (var section in ordered.Where(s => s.IsAppendix))
        {
            appendix++;
            blocks.Add(new PdfPageBreak());
            AddSection(blocks, section, $"Appendix {appendix}:", paper, data, corpus, subNumberPrefix: $"A{appendix}");
        }

        var version = $"Version {paper.PaperVersion} ({(paper.Status == PaperStatus.Finalised ? "final" : "draft")})";
        return new PdfDocumentModel
        {
            Metadata = new PdfMetadata
            {
                Title = paper.Title,
                Author = FirstLine(paper.Authors) ?? "Primary Care Commissioning",
                Subject = $"{meeting.CommitteeName}, {PaperFormat.Date(meeting.Date)}, agenda item {paper.AgendaNumber}",
                Keywords = "PCN; PCCC; committee paper",
                ProducedAt = DateTime.SpecifyKind(producedAtUtc, DateTimeKind.Utc),
            },
            HeaderLeft = $"Agenda item: {paper.AgendaNumber}",
            HeaderRight = paper.Title,
            FooterLeft = $"Data as at {PaperFormat.Date(DataDate(paper, data))} · {version}",
            ConfidentialMarking = paper.IsPartTwo ? PartTwoMarking : null,
            Blocks = blocks,
        };
    }

    private static void AddSection(List<PdfBlock> blocks, PaperSection section, string number, CommitteePaper paper, PaperData data, StringBuilder corpus, string? subNumberPrefix = null)
    {
        blocks.Add(new PdfHeading(1, section.Title, number));
        corpus.AppendLine(section.Title).AppendLine(section.Body);
        var sub = 0;
        string SubNumber() => $"{subNumberPrefix ?? number}.{++sub}";

        foreach (var block in TextBlocks(section.Body, null, SubNumber))
        {
            blocks.Add(block);
        }

        switch (section.Kind)
        {
            case PaperSectionKind.Data:
                if (data.Sections.TryGetValue(section.Id, out var snapshot))
                {
                    blocks.Add(new PdfParagraph(new PdfTextRun($"Data as at {PaperFormat.Date(snapshot.AsAt)}.", Italic: true)));
                    foreach (var b in snapshot.Blocks)
                    {
                        if (b.Heading is not null)
                        {
                            blocks.Add(new PdfHeading(2, b.Heading, SubNumber()));
                        }
                        else if (b.Text is not null)
                        {
                            blocks.Add(new PdfParagraph(b.Text));
                            corpus.AppendLine(b.Text);
                        }
                        else if (b.Chart is { } chart)
                        {
                            blocks.Add(ToPdf(chart));
                        }
                        else if (b.Table is { } t)
                        {
                            blocks.Add(ToPdf(t));
                            corpus.AppendLine(t.Caption);
                            foreach (var c in t.Columns)
                            {
                                corpus.AppendLine(c.Header);
                            }
                        }
                    }
                }

                break;
            case PaperSectionKind.RiskTable:
                blocks.Add(RiskTable(paper));
                foreach (var r in paper.Risks)
                {
                    corpus.AppendLine(r.Risk).AppendLine(r.Mitigations);
                }

                break;
            case PaperSectionKind.Glossary:
                var text = corpus.ToString();
                var used = data.Glossary.Where(g => Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(g.Term)}(?![\p{{L}}\p{{N}}])")).ToList();
                blocks.Add(used.Count == 0
                    ? new PdfParagraph("None of the terms in the glossary are used in this paper.")
                    : new PdfTable([new PdfTableColumn("Term", 1.2f), new PdfTableColumn("Meaning", 5)], [.. used.Select(g => (IReadOnlyList<PdfTableCell>)[new PdfTableCell(g.Term) { Bold = true }, g.Meaning])])
                    {
                        Caption = "Terms and abbreviations used in this paper",
                    });
                break;
        }
    }

    private static PdfTable ToPdf(SnapshotTable table) => new(
        [.. table.Columns.Select(c => new PdfTableColumn(c.Header, c.Width, c.Align))],
        [.. table.Rows.Select(r => (IReadOnlyList<PdfTableCell>)[.. r.Select(c => new PdfTableCell(c.Text) { Shade = c.Shade, Bold = c.Bold })])])
    {
        Caption = table.Caption,
    };

    private static PdfChart ToPdf(SnapshotChart chart) => chart.Kind == SnapshotChart.Heatmap
        ? new PdfHeatmap(
            chart.Columns ?? [],
            chart.Categories,
            [.. (chart.Cells ?? []).Select(r => (IReadOnlyList<PdfHeatmapCell>)[.. r.Select(c => new PdfHeatmapCell(c.Text, c.Shade))])],
            [.. (chart.Legend ?? []).Select(l => new PdfLegendEntry(l.Shade, l.Label))])
        {
            Caption = chart.Caption,
            AltText = chart.AltText,
        }
        : new PdfBarChart(chart.Categories, [.. (chart.Series ?? []).Select(s => new PdfChartSeries(s.Name, s.Values, s.Labels))])
        {
            Caption = chart.Caption,
            AltText = chart.AltText,
        };

    /// <summary>
    /// What stands between the paper and finalising: each data section that is empty or draws on figures that are not
    /// published, in one sentence naming the section.
    /// </summary>
    public static IReadOnlyList<string> UnverifiedSections(CommitteePaper paper, PaperData data)
    {
        var problems = new List<string>();
        foreach (var section in paper.Sections.Where(s => s.Kind == PaperSectionKind.Data).OrderBy(s => s.Position))
        {
            if (!data.Sections.TryGetValue(section.Id, out var snapshot))
            {
                continue;
            }

            var figures = snapshot.Figures;
            switch (figures.Status)
            {
                case PaperFiguresStatus.Empty:
                    problems.Add($"“{section.Title}” has no data: {figures.Reasons[0]}");
                    break;
                case PaperFiguresStatus.Unverified:
                    problems.AddRange(figures.Reasons.Select(r => $"“{section.Title}”: {r}"));
                    break;
            }
        }

        return problems;
    }

    private static PdfTable RiskTable(CommitteePaper paper)
    {
        var risks = paper.Risks.OrderBy(r => r.Position).ToList();
        return new PdfTable(
            [new PdfTableColumn("Risk", 2.4f), new PdfTableColumn("Mitigating actions", 3.4f), new PdfTableColumn("Current score", 1.1f, PdfAlignment.Centre), new PdfTableColumn("Target score", 1.1f, PdfAlignment.Centre)],
            risks.Count == 0
                ? [["No risks have been recorded for this paper.", "", "", ""]]
                : [.. risks.Select(r => (IReadOnlyList<PdfTableCell>)
                [
                    new PdfTableCell([.. TextBlocks(r.Risk, "")]),
                    new PdfTableCell([.. TextBlocks(r.Mitigations, "")]),
                    new PdfTableCell(RiskText(r.CurrentLikelihood, r.CurrentImpact, r.CurrentScore)) { Shade = ShadeForRisk(r.CurrentScore) },
                    new PdfTableCell(RiskText(r.TargetLikelihood, r.TargetImpact, r.TargetScore)) { Shade = ShadeForRisk(r.TargetScore) },
                ])])
        {
            Caption = "Risks: likelihood x impact, current and target",
        };
    }

    /// <summary>Red, amber or green by score, always with the words: colour never carries the meaning alone.</summary>
    private static string Rag(int score) => score switch
    {
        <= 6 => "Green",
        <= 12 => "Amber",
        _ => "Red",
    };

    private static string RiskText(int likelihood, int impact, int score) =>
        $"{likelihood} x {impact} = {score}: {Rag(score)} ({RiskScore.Band(score).ToLowerInvariant()})";

    private static PdfShade ShadeForRisk(int score) => Rag(score) switch
    {
        "Green" => PdfShade.Green,
        "Amber" => PdfShade.Amber,
        _ => PdfShade.Red,
    };

    private static string? FirstLine(string? text) =>
        text?.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim().TrimStart('-', ' ')).FirstOrDefault(l => l.Length > 0);

    /// <summary>Plain text to paragraphs, bullets and (numbered) sub-headings. Markup is never interpreted.</summary>
    public static List<PdfBlock> TextBlocks(string? text, string? whenEmpty, Func<string>? subHeadingNumber = null)
    {
        var result = new List<PdfBlock>();
        foreach (var block in PaperText.Parse(text))
        {
            switch (block.Kind)
            {
                case PaperTextKind.Paragraph:
                    result.Add(new PdfParagraph(block.Lines[0]));
                    break;
                case PaperTextKind.Bullets:
                    result.Add(new PdfBulletList([.. block.Lines.Select(l => new PdfBulletItem(l))]));
                    break;
                case PaperTextKind.SubHeading when subHeadingNumber is not null:
                    result.Add(new PdfHeading(2, block.Lines[0], subHeadingNumber()));
                    break;
                case PaperTextKind.SubHeading:
                    result.Add(new PdfParagraph(new PdfTextRun(block.Lines[0], Bold: true)));
                    break;
            }
        }

        if (result.Count == 0 && whenEmpty is not null)
        {
            result.Add(new PdfParagraph(whenEmpty));
        }

        return result;
    }
}
