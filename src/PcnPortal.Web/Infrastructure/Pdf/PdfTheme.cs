namespace PcnPortal.Web.Infrastructure.Pdf;

/// <summary>Page geometry, type sizes and colours (ARGB) of a PCCC paper. A4 portrait in points.</summary>
public sealed record PdfTheme
{
    public static PdfTheme Default { get; } = new();

    public float PageWidth { get; init; } = 595f;
    public float PageHeight { get; init; } = 842f;
    public float MarginLeft { get; init; } = 50f;
    public float MarginRight { get; init; } = 50f;
    public float MarginTop { get; init; } = 64f;
    public float MarginBottom { get; init; } = 60f;

    public float BodySize { get; init; } = 10.5f;
    public float TableSize { get; init; } = 9f;
    public float RunningTextSize { get; init; } = 8f;
    public float LineSpacing { get; init; } = 1.3f;
    public float ParagraphGap { get; init; } = 7f;
    public float Heading1Size { get; init; } = 14f;
    public float Heading2Size { get; init; } = 12f;
    public float Heading3Size { get; init; } = 10.5f;

    public float CellPaddingX { get; init; } = 4f;
    public float CellPaddingY { get; init; } = 3f;
    public float BorderWidth { get; init; } = 0.5f;

    /// <summary>NHS Blue #005EB8.</summary>
    public uint NhsBlue { get; init; } = 0xFF005EB8;

    /// <summary>NHS Black #231F20 for body text.</summary>
    public uint TextColour { get; init; } = 0xFF231F20;

    /// <summary>NHS Dark Grey #425563 for running header and footer.</summary>
    public uint SecondaryTextColour { get; init; } = 0xFF425563;

    /// <summary>NHS Mid Grey #768692 for borders.</summary>
    public uint BorderColour { get; init; } = 0xFFAEB7BD;

    /// <summary>NHS Pale Grey #E8EDEE for cover-sheet labels.</summary>
    public uint LabelBackground { get; init; } = 0xFFE8EDEE;

    public uint ConfidentialColour { get; init; } = 0xFFD5281B;

    public float ContentWidth => PageWidth - MarginLeft - MarginRight;
    public float ContentTop => MarginTop;
    public float ContentBottom => PageHeight - MarginBottom;
    public float ContentHeight => ContentBottom - ContentTop;

    /// <summary>
    /// Heatmap shades, light to dark blue. Lightness (L*) steps by ~15 so they stay distinct on a greyscale printer.
    /// </summary>
    public uint ShadeColour(PdfShade shade) => shade switch
    {
        PdfShade.Lowest => 0xFFE6EFF8,
        PdfShade.Low => 0xFFB9D2EC,
        PdfShade.Medium => 0xFF7FA9D6,
        PdfShade.High => 0xFF3F7CBF,
        PdfShade.Highest => 0xFF003087,
        PdfShade.Neutral => 0xFFE8EDEE,
        PdfShade.Red => 0xFFF6C9C5,
        PdfShade.Amber => 0xFFFFE4A8,
        PdfShade.Green => 0xFFC8E6CF,
        _ => 0x00000000,
    };

    public bool ShadeNeedsLightText(PdfShade shade) => shade is PdfShade.High or PdfShade.Highest;
}
