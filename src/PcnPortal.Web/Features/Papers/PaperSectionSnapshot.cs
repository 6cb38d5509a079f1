using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using PcnPortal.Web.Infrastructure.Pdf;

namespace PcnPortal.Web.Features.Papers;

/// <summary>
/// What a data section drew from the portal, as plain serialisable values: stored as JSON when a paper is finalised,
/// so later changes to the data do not alter the finalised paper.
/// </summary>
public sealed record PaperSectionSnapshot(string Key, DateOnly AsAt, IReadOnlyList<SnapshotBlock> Blocks)
{
    public bool HasData => Blocks.Any(b => b.Table is not null);

    /// <summary>
    /// Figures this section shows that are not published for the period (carried forward, say), one sentence each.
    /// Empty when every figure is published. Finalising a paper with any of these needs the secretary's acknowledgement.
    /// </summary>
    public IReadOnlyList<string> Unverified { get; init; } = [];

    /// <summary>The section's figures status: empty (no table of data), unverified, or published.</summary>
    [JsonIgnore]
    public PaperFigures Figures => !HasData
        ? new PaperFigures(PaperFiguresStatus.Empty, [Blocks.FirstOrDefault(b => b.Text is not null)?.Text ?? "The section has no data."])
        : Unverified.Count > 0 ? new PaperFigures(PaperFiguresStatus.Unverified, Unverified) : new PaperFigures(PaperFiguresStatus.Published, []);
}

public enum PaperFiguresStatus
{
    Published,
    Unverified,
    Empty,
}

/// <summary>What a data section reports about its figures: whether it has any, and which are not published, with reasons.</summary>
public sealed record PaperFigures(PaperFiguresStatus Status, IReadOnlyList<string> Reasons);

/// <summary>A paragraph (Text), a sub-heading (Heading), a table or a chart (drawn before the table that gives its values).</summary>
public sealed record SnapshotBlock(string? Text = null, string? Heading = null, SnapshotTable? Table = null, SnapshotChart? Chart = null)
{
    public static SnapshotBlock Of(SnapshotChart chart) => new(Chart: chart);

    public static SnapshotBlock Paragraph(string text) => new(Text: text);

    public static SnapshotBlock SubHeading(string text) => new(Heading: text);

    public static SnapshotBlock Of(SnapshotTable table) => new(Table: table);
}

public sealed record SnapshotTable(string Caption, IReadOnlyList<SnapshotColumn> Columns, IReadOnlyList<IReadOnlyList<SnapshotCell>> Rows);

public sealed record SnapshotColumn(string Header, float Width = 1, PdfAlignment Align = PdfAlignment.Left)
{
    public static SnapshotColumn Number(string header, float width = 1) => new(header, width, PdfAlignment.Right);
}

/// <summary>
/// A chart: "bars" (Categories with one or two Series) or "heatmap" (Categories are rows, Columns the columns, Cells the
/// values with their shade, Legend the shades). AltText states what it shows and its key numbers.
/// </summary>
public sealed record SnapshotChart(
    string Kind,
    string Caption,
    string AltText,
    IReadOnlyList<string> Categories,
    IReadOnlyList<SnapshotSeries>? Series = null,
    IReadOnlyList<string>? Columns = null,
    IReadOnlyList<IReadOnlyList<SnapshotCell>>? Cells = null,
    IReadOnlyList<SnapshotLegend>? Legend = null)
{
    public const string Bars = "bars";
    public const string Heatmap = "heatmap";
}

public sealed record SnapshotSeries(string Name, IReadOnlyList<double> Values, IReadOnlyList<string> Labels);

public sealed record SnapshotLegend(PdfShade Shade, string Label);

public sealed record SnapshotCell(string Text, PdfShade Shade = PdfShade.None, bool Bold = false)
{
    public static implicit operator SnapshotCell(string text) => new(text);
}

/// <summary>Options a secretary sets on a data section: its detail, and (where offered) all England rather than the portal's CCG(s).</summary>
public sealed record PaperSectionOptions(bool ShowDetail, bool AllEngland = false);

/// <summary>A kind of data section: one class per source of data, each independent of the others.</summary>
public interface IPaperDataSection
{
    /// <summary>Stable key stored with the section, e.g. "pcn-register".</summary>
    string Key { get; }

    string Title { get; }

    /// <summary>One sentence for the secretary choosing a section.</summary>
    string Description { get; }

    /// <summary>What "show detail" adds, or null when the section has no detail option.</summary>
    string? DetailOption { get; }

    /// <summary>What "all England" shows instead of the portal's CCG(s), or null when the section has no such option.</summary>
    string? AllEnglandOption => null;

    Task<PaperSectionSnapshot> BuildAsync(DateOnly asAt, PaperSectionOptions options, CancellationToken cancellationToken);
}

/// <summary>Number and date formats used in papers: £ with thousands separators, UK dates.</summary>
public static class PaperFormat
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    public static string Money(decimal pounds) => "£" + pounds.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string WholePounds(decimal pounds) => "£" + Math.Round(pounds, 0, MidpointRounding.AwayFromZero).ToString("#,##0", CultureInfo.InvariantCulture);

    public static string Count(int n) => n.ToString("#,##0", CultureInfo.InvariantCulture);

    public static string Number(decimal n, int decimals = 2) => n.ToString(decimals == 0 ? "#,##0" : "#,##0." + new string('0', decimals), CultureInfo.InvariantCulture);

    public static string Date(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Rate(decimal rate) => "£" + rate.ToString("0.000#", CultureInfo.InvariantCulture);
}
