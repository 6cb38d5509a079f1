namespace PcnPortal.Web.Infrastructure.Pdf;

/// <summary>
/// The finished layout of a <see cref="PdfDocumentModel"/>: every page with what landed on it.
/// Tests inspect this instead of parsing the PDF; the renderer paints its draw operations.
/// </summary>
public sealed class PdfLayout
{
    internal PdfLayout(PdfDocumentModel model, PdfTheme theme, IReadOnlyList<PdfLaidOutPage> pages, IReadOnlyList<PdfContentsEntry> contents)
    {
        Model = model;
        Theme = theme;
        Pages = pages;
        Contents = contents;
    }

    public PdfDocumentModel Model { get; }
    public PdfTheme Theme { get; }
    public IReadOnlyList<PdfLaidOutPage> Pages { get; }
    public int PageCount => Pages.Count;

    /// <summary>Every heading with the page it landed on (whether or not a contents list is shown).</summary>
    public IReadOnlyList<PdfContentsEntry> Contents { get; }

    /// <summary>1-based page numbers on which any part of the block at <paramref name="blockIndex"/> appears.</summary>
    public IReadOnlyList<int> PagesOfBlock(int blockIndex) =>
        Pages.Where(p => p.Items.Any(i => i.BlockIndex == blockIndex)).Select(p => p.Number).ToList();
}

public sealed record PdfContentsEntry(int BlockIndex, int Level, string Text, int PageNumber, string Destination);

public sealed class PdfLaidOutPage
{
    internal PdfLaidOutPage(int number) => Number = number;

    /// <summary>1-based.</summary>
    public int Number { get; }

    /// <summary>Content and running text in the order placed.</summary>
    public IReadOnlyList<PdfPlacedItem> Items => ItemList;

    /// <summary>The content items only (no running header, footer or marking).</summary>
    public IEnumerable<PdfPlacedItem> ContentItems => ItemList.Where(i => i.BlockIndex >= 0);

    public string FooterRight { get; internal set; } = "";

    internal List<PdfPlacedItem> ItemList { get; } = [];

    internal List<PdfDrawOp> Ops { get; } = [];
}

public enum PdfItemKind
{
    Heading,
    TextLine,
    BulletLine,
    TableCaption,
    TableHeaderRow,
    TableRow,
    KeyValueRow,
    Figure,
    ContentsTitle,
    ContentsEntry,
    Spacer,
    RunningHeader,
    Footer,
    Marking,
}

/// <summary>
/// One thing placed on a page. Coordinates are points from the top-left of the page.
/// <see cref="BlockIndex"/> is the index in <see cref="PdfDocumentModel.Blocks"/>, or -1 for running text.
/// </summary>
public sealed record PdfPlacedItem(
    PdfItemKind Kind,
    int BlockIndex,
    string Text,
    float Left,
    float Top,
    float Width,
    float Height)
{
    /// <summary>Row index within a table or cover sheet.</summary>
    public int? RowIndex { get; init; }

    /// <summary>The row did not fit on one page and was split; this is one of its parts.</summary>
    public bool IsSplitRow { get; init; }

    public float Bottom => Top + Height;
}

internal abstract record PdfDrawOp;

internal sealed record PdfTextOp(float X, float Baseline, string Text, PdfFontStyle Style, float Size, uint Colour) : PdfDrawOp
{
    /// <summary>Set for contents page numbers, which are only known once layout has finished.</summary>
    public string? PageNumberOf { get; init; }

    public float RightEdge { get; init; }
}

internal sealed record PdfRectOp(float Left, float Top, float Right, float Bottom, uint Fill, uint Stroke, float StrokeWidth) : PdfDrawOp;

internal sealed record PdfLineOp(float X1, float Y1, float X2, float Y2, uint Colour, float Width) : PdfDrawOp;

/// <summary>Structure types written to the tagged PDF.</summary>
public enum PdfTag
{
    Sect,
    H1,
    H2,
    H3,
    P,
    L,
    LI,
    Lbl,
    LBody,
    Table,
    Caption,
    THead,
    TBody,
    TR,
    TH,
    TD,
    Figure,
    TOC,
    TOCI,
    Link,
}

/// <summary>Opens a structure element; closed by the next unmatched <see cref="PdfEndTagOp"/> (possibly on a later page).</summary>
internal sealed record PdfTagOp(PdfTag Tag) : PdfDrawOp
{
    /// <summary>Alternative text of a figure, or the description of a link.</summary>
    public string? AltText { get; init; }

    /// <summary>Named destination of a link.</summary>
    public string? Destination { get; init; }

    /// <summary>A header cell that heads its row (the cover sheet's labels) rather than its column.</summary>
    public bool RowHeader { get; init; }

    public float Left { get; init; }
    public float Top { get; init; }
    public float Right { get; init; }
    public float Bottom { get; init; }
}

internal sealed record PdfEndTagOp : PdfDrawOp
{
    public static PdfEndTagOp Instance { get; } = new();
}

/// <summary>Begins or ends content that is not part of the document's structure (running text, repeated header rows).</summary>
internal sealed record PdfArtifactOp(bool Begin) : PdfDrawOp
{
    public static PdfArtifactOp Start { get; } = new(true);
    public static PdfArtifactOp Stop { get; } = new(false);
}

internal sealed record PdfDestinationOp(float X, float Y, string Name) : PdfDrawOp;
