namespace PcnPortal.Web.Infrastructure.Pdf;

/// <summary>
/// An engine-neutral description of a PDF paper: metadata, running header/footer and a list of blocks.
/// No engine types appear here, so the engine behind <see cref="IPdfRenderer"/> can be swapped.
/// </summary>
public sealed class PdfDocumentModel
{
    public PdfMetadata Metadata { get; init; } = new();

    /// <summary>Left of the running header, e.g. "Agenda item: 7".</summary>
    public string? HeaderLeft { get; init; }

    /// <summary>Right of the running header, usually the paper title.</summary>
    public string? HeaderRight { get; init; }

    /// <summary>Left of the footer, e.g. "Data as at 1 Nov 2026 · Version 2". The right side is always "Page X of Y".</summary>
    public string? FooterLeft { get; init; }

    /// <summary>Optional protective marking printed at the top and bottom of every page, e.g. "PART II – CONFIDENTIAL".</summary>
    public string? ConfidentialMarking { get; init; }

    public List<PdfBlock> Blocks { get; init; } = [];
}

public sealed class PdfMetadata
{
    public string Title { get; init; } = "";
    public string? Author { get; init; }
    public string? Subject { get; init; }
    public string? Keywords { get; init; }
    public string Creator { get; init; } = "PcnPortal";

    /// <summary>Natural language of the text (BCP 47), written to the catalogue and the XMP metadata.</summary>
    public string Language { get; init; } = "en-GB";

    /// <summary>
    /// Written as the PDF creation and modification date. The caller passes it (e.g. when the paper was finalised)
    /// so that the same model always produces byte-identical output; the renderer never reads the clock.
    /// </summary>
    public DateTime ProducedAt { get; init; } = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
}

public enum PdfAlignment
{
    Left,
    Right,
    Centre,
}

/// <summary>A piece of text with one style. Paragraphs are lists of runs so that a few words can be bold.</summary>
public sealed record PdfTextRun(string Text, bool Bold = false, bool Italic = false)
{
    public static implicit operator PdfTextRun(string text) => new(text);
}

public abstract class PdfBlock;

/// <summary>A numbered heading. Becomes a named destination and a contents entry, and is kept with the next block.</summary>
public sealed class PdfHeading : PdfBlock
{
    public PdfHeading(int level, string text, string? number = null)
    {
        if (level is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "Heading level must be 1, 2 or 3.");
        }

        Level = level;
        Text = text;
        Number = number;
    }

    public int Level { get; }
    public string Text { get; }

    /// <summary>Section number such as "3.2"; printed before the text.</summary>
    public string? Number { get; }

    public bool IncludeInContents { get; init; } = true;

    public string DisplayText => string.IsNullOrEmpty(Number) ? Text : $"{Number} {Text}";
}

public sealed class PdfParagraph : PdfBlock
{
    public PdfParagraph(params PdfTextRun[] runs) => Runs = runs;

    public PdfParagraph(string text) => Runs = [new PdfTextRun(text)];

    public IReadOnlyList<PdfTextRun> Runs { get; }

    public PdfAlignment Alignment { get; init; } = PdfAlignment.Left;
}

public sealed class PdfBulletItem
{
    public PdfBulletItem(string text, params PdfBulletItem[] children)
        : this([new PdfTextRun(text)], children)
    {
    }

    public PdfBulletItem(IReadOnlyList<PdfTextRun> runs, params PdfBulletItem[] children)
    {
        Runs = runs;
        Children = children;
    }

    public IReadOnlyList<PdfTextRun> Runs { get; }

    /// <summary>Nested items (one level is drawn; deeper levels are flattened to the second level).</summary>
    public IReadOnlyList<PdfBulletItem> Children { get; }

    public static implicit operator PdfBulletItem(string text) => new(text);
}

public sealed class PdfBulletList : PdfBlock
{
    public PdfBulletList(params PdfBulletItem[] items) => Items = items;

    public IReadOnlyList<PdfBulletItem> Items { get; }
}

public sealed record PdfTableColumn(string Header, float RelativeWidth = 1, PdfAlignment Alignment = PdfAlignment.Left);

/// <summary>
/// Background shades for cells, e.g. a heatmap. Each is distinguishable when printed in greyscale
/// (lightness falls steadily from <see cref="Lowest"/> to <see cref="Highest"/>); text on <see cref="Highest"/> is drawn white.
/// </summary>
public enum PdfShade
{
    None,
    Lowest,
    Low,
    Medium,
    High,
    Highest,
    Neutral,

    /// <summary>Risk ratings: pale red, amber and green, always printed with the rating in words.</summary>
    Red,
    Amber,
    Green,
}

public sealed class PdfTableCell
{
    public PdfTableCell(string text) => Content = [new PdfParagraph(text)];

    /// <summary>Rich content: paragraphs and bullet lists only.</summary>
    public PdfTableCell(params PdfBlock[] content) => Content = content;

    public IReadOnlyList<PdfBlock> Content { get; }
    public PdfShade Shade { get; init; } = PdfShade.None;
    public bool Bold { get; init; }

    public static implicit operator PdfTableCell(string text) => new(text);
}

public sealed class PdfTable : PdfBlock
{
    public PdfTable(IReadOnlyList<PdfTableColumn> columns, IReadOnlyList<IReadOnlyList<PdfTableCell>> rows)
    {
        if (columns.Count == 0)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        }

        foreach (var row in rows)
        {
            if (row.Count != columns.Count)
            {
                throw new ArgumentException($"Every row must have {columns.Count} cells; found a row with {row.Count}.", nameof(rows));
            }
        }

        Columns = columns;
        Rows = rows;
    }

    public IReadOnlyList<PdfTableColumn> Columns { get; }
    public IReadOnlyList<IReadOnlyList<PdfTableCell>> Rows { get; }

    /// <summary>Accessible caption printed above the table (optional).</summary>
    public string? Caption { get; init; }

    /// <summary>Draw the header row (repeated on every page the table spans).</summary>
    public bool ShowHeader { get; init; } = true;
}

public sealed record PdfKeyValueRow(string Label, IReadOnlyList<PdfBlock> Content)
{
    public PdfKeyValueRow(string label, string text)
        : this(label, [new PdfParagraph(text)])
    {
    }
}

/// <summary>The cover sheet: label | content, where content may be paragraphs and bullet lists.</summary>
public sealed class PdfKeyValueTable : PdfBlock
{
    public PdfKeyValueTable(params PdfKeyValueRow[] rows) => Rows = rows;

    public IReadOnlyList<PdfKeyValueRow> Rows { get; }

    public float LabelRelativeWidth { get; init; } = 0.32f;
}

public sealed class PdfPageBreak : PdfBlock;

/// <summary>A list of headings with their page numbers, each a link to the heading. Filled in by the layout.</summary>
public sealed class PdfContentsList : PdfBlock
{
    public string Title { get; init; } = "Contents";

    /// <summary>Deepest heading level listed.</summary>
    public int MaxLevel { get; init; } = 2;
}

public sealed class PdfSpacer : PdfBlock
{
    public PdfSpacer(float heightPoints) => HeightPoints = heightPoints;

    public float HeightPoints { get; }
}

/// <summary>One series of a bar chart: a value and its printed label per category.</summary>
public sealed record PdfChartSeries(string Name, IReadOnlyList<double> Values, IReadOnlyList<string> Labels)
{
    public PdfChartSeries(string name, IReadOnlyList<double> values, Func<double, string> format)
        : this(name, values, [.. values.Select(format)])
    {
    }
}

/// <summary>
/// A chart drawn as vector graphics and tagged as a figure with <see cref="AltText"/>. The caption is printed above it.
/// Put the figures in a data table beside or after it: the alternative text summarises, the table gives every value.
/// </summary>
public abstract class PdfChart : PdfBlock
{
    public string? Caption { get; init; }

    /// <summary>What the chart shows and its key numbers, read by screen readers instead of the drawing. Required.</summary>
    public required string AltText { get; init; }
}

/// <summary>
/// Horizontal bars, one group per category and one bar per series (at most two), each bar labelled with its value.
/// The first series is drawn filled, the second as an outline, so the two differ in shape as well as colour.
/// </summary>
public sealed class PdfBarChart : PdfChart
{
    public PdfBarChart(IReadOnlyList<string> categories, IReadOnlyList<PdfChartSeries> series)
    {
        if (series.Count is < 1 or > 2)
        {
            throw new ArgumentException("A bar chart has one or two series.", nameof(series));
        }

        foreach (var s in series)
        {
            if (s.Values.Count != categories.Count || s.Labels.Count != categories.Count)
            {
                throw new ArgumentException($"Series '{s.Name}' needs one value and one label per category ({categories.Count}).", nameof(series));
            }
        }

        Categories = categories;
        Series = series;
    }

    public IReadOnlyList<string> Categories { get; }
    public IReadOnlyList<PdfChartSeries> Series { get; }
}

public sealed record PdfHeatmapCell(string Text, PdfShade Shade);

public sealed record PdfLegendEntry(PdfShade Shade, string Label);

/// <summary>A grid of shaded cells (rows × columns), each cell also naming its value, with a legend of the shades.</summary>
public sealed class PdfHeatmap : PdfChart
{
    public PdfHeatmap(IReadOnlyList<string> columns, IReadOnlyList<string> rows, IReadOnlyList<IReadOnlyList<PdfHeatmapCell>> cells, IReadOnlyList<PdfLegendEntry> legend)
    {
        if (cells.Count != rows.Count || cells.Any(r => r.Count != columns.Count))
        {
            throw new ArgumentException($"A heatmap needs {rows.Count} rows of {columns.Count} cells.", nameof(cells));
        }

        Columns = columns;
        Rows = rows;
        Cells = cells;
        Legend = legend;
    }

    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<string> Rows { get; }
    public IReadOnlyList<IReadOnlyList<PdfHeatmapCell>> Cells { get; }
    public IReadOnlyList<PdfLegendEntry> Legend { get; }

    /// <summary>Relative width of the row-label column against one data column.</summary>
    public float RowLabelWidth { get; init; } = 2.2f;
}
