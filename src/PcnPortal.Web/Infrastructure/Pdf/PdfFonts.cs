using SkiaSharp;

namespace PcnPortal.Web.Infrastructure.Pdf;

public enum PdfFontStyle
{
    Regular,
    Bold,
    Italic,
}

/// <summary>
/// The Arimo typefaces (metric-compatible with Arial) copied by the build into <c>Fonts/</c> beside the app.
/// Loaded from files only: on a bare machine Skia has no system fonts and would silently draw no text.
/// </summary>
public static class PdfFonts
{
    public const string FamilyName = "Arimo";
    public const string RegularFile = "Arimo_400Regular.ttf";
    public const string BoldFile = "Arimo_700Bold.ttf";
    public const string ItalicFile = "Arimo_400Regular_Italic.ttf";

    private static readonly Lazy<IReadOnlyDictionary<PdfFontStyle, SKTypeface>> Typefaces = new(Load);
    private static readonly object ScottPlotLock = new();
    private static bool scottPlotRegistered;

    public static string FontDirectory => Path.Combine(AppContext.BaseDirectory, "Fonts");

    /// <summary>
    /// Loads every typeface and checks it has glyphs; registers the same files with ScottPlot.
    /// Call at start-up so that a missing font fails the app, not the first committee paper.
    /// </summary>
    /// <exception cref="InvalidOperationException">A font file is missing or unreadable.</exception>
    public static void EnsureAvailable()
    {
        _ = Typefaces.Value;
        RegisterWithScottPlot();
    }

    public static SKTypeface Get(PdfFontStyle style) => Typefaces.Value[style];

    /// <summary>Checks that every font file in <paramref name="directory"/> loads with glyphs (start-up check, tests).</summary>
    internal static void Verify(string directory)
    {
        foreach (var file in new[] { RegularFile, BoldFile, ItalicFile })
        {
            LoadFile(Path.Combine(directory, file)).Dispose();
        }
    }

    /// <summary>Registers Arimo with ScottPlot and makes it the default chart font. Safe to call more than once.</summary>
    public static void RegisterWithScottPlot()
    {
        lock (ScottPlotLock)
        {
            if (scottPlotRegistered)
            {
                return;
            }

            _ = Typefaces.Value;
            ScottPlot.Fonts.AddFontFile(FamilyName, PathOf(RegularFile), bold: false, italic: false);
            ScottPlot.Fonts.AddFontFile(FamilyName, PathOf(BoldFile), bold: true, italic: false);
            ScottPlot.Fonts.AddFontFile(FamilyName, PathOf(ItalicFile), bold: false, italic: true);
            ScottPlot.Fonts.Default = FamilyName;
            scottPlotRegistered = true;
        }
    }

    private static string PathOf(string file) => Path.Combine(FontDirectory, file);

    private static Dictionary<PdfFontStyle, SKTypeface> Load() => new()
    {
        [PdfFontStyle.Regular] = LoadFile(PathOf(RegularFile)),
        [PdfFontStyle.Bold] = LoadFile(PathOf(BoldFile)),
        [PdfFontStyle.Italic] = LoadFile(PathOf(ItalicFile)),
    };

    private static SKTypeface LoadFile(string path)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"PDF font '{file}' was not found at '{path}'. The build copies Arimo from npm (@expo-google-fonts/arimo) " +
                "into the output folder Fonts/; run 'dotnet build' (which runs 'npm ci') or check the publish output.");
        }

        var typeface = SKTypeface.FromFile(path)
            ?? throw new InvalidOperationException($"PDF font '{path}' could not be read as a typeface.");
        if (typeface.GlyphCount == 0)
        {
            typeface.Dispose();
            throw new InvalidOperationException($"PDF font '{path}' has no glyphs; PDFs would contain no text.");
        }

        return typeface;
    }
}
