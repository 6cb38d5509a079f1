using System.Buffers.Binary;
using PdfSharp.Fonts;

namespace PcnPortal.Web.Infrastructure.Pdf;

public enum PdfFontStyle
{
    Regular,
    Bold,
    Italic,
}

/// <summary>
/// The Arimo typefaces (metric-compatible with Arial) copied by the build into <c>Fonts/</c> beside the app, served to
/// PDFsharp through <see cref="IFontResolver"/>. Loaded from files only: the product never depends on fonts installed
/// on the machine (a bare machine has none).
/// </summary>
public static class PdfFonts
{
    public const string FamilyName = "Arimo";
    public const string RegularFile = "Arimo_400Regular.ttf";
    public const string BoldFile = "Arimo_700Bold.ttf";
    public const string ItalicFile = "Arimo_400Regular_Italic.ttf";

    private static readonly Lazy<IReadOnlyDictionary<PdfFontStyle, byte[]>> Files = new(Load);
    private static readonly object ResolverLock = new();
    private static bool resolverSet;

    public static string FontDirectory => Path.Combine(AppContext.BaseDirectory, "Fonts");

    /// <summary>
    /// Reads every font file, checks it is a TrueType font with glyphs and makes them PDFsharp's fonts.
    /// Call at start-up so that a missing font fails the app, not the first committee paper.
    /// </summary>
    /// <exception cref="InvalidOperationException">A font file is missing or unreadable.</exception>
    public static void EnsureAvailable()
    {
        _ = Files.Value;
        lock (ResolverLock)
        {
            if (resolverSet)
            {
                return;
            }

            // PDFsharp allows one resolver per process, set before the first font is used.
            if (GlobalFontSettings.FontResolver is not ArimoFontResolver)
            {
                GlobalFontSettings.FontResolver = new ArimoFontResolver();
            }

            resolverSet = true;
        }
    }

    /// <summary>The font file bytes of a style.</summary>
    public static byte[] Bytes(PdfFontStyle style) => Files.Value[style];

    /// <summary>Number of glyphs in a style's font (from its <c>maxp</c> table).</summary>
    public static int GlyphCount(PdfFontStyle style) => ReadGlyphCount(Bytes(style), FileOf(style));

    /// <summary>Checks that every font file in <paramref name="directory"/> loads with glyphs (start-up check, tests).</summary>
    internal static void Verify(string directory)
    {
        foreach (var file in new[] { RegularFile, BoldFile, ItalicFile })
        {
            LoadFile(Path.Combine(directory, file));
        }
    }

    internal static string FaceName(PdfFontStyle style) => style switch
    {
        PdfFontStyle.Bold => "Arimo-Bold",
        PdfFontStyle.Italic => "Arimo-Italic",
        _ => "Arimo-Regular",
    };

    private static string FileOf(PdfFontStyle style) => style switch
    {
        PdfFontStyle.Bold => BoldFile,
        PdfFontStyle.Italic => ItalicFile,
        _ => RegularFile,
    };

    private static string PathOf(string file) => Path.Combine(FontDirectory, file);

    private static Dictionary<PdfFontStyle, byte[]> Load() => new()
    {
        [PdfFontStyle.Regular] = LoadFile(PathOf(RegularFile)),
        [PdfFontStyle.Bold] = LoadFile(PathOf(BoldFile)),
        [PdfFontStyle.Italic] = LoadFile(PathOf(ItalicFile)),
    };

    private static byte[] LoadFile(string path)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"PDF font '{file}' was not found at '{path}'. The build copies Arimo from npm (@expo-google-fonts/arimo) " +
                "into the output folder Fonts/; run 'dotnet build' (which runs 'npm ci') or check the publish output.");
        }

        var bytes = File.ReadAllBytes(path);
        if (ReadGlyphCount(bytes, path) == 0)
        {
            throw new InvalidOperationException($"PDF font '{path}' has no glyphs; PDFs would contain no text.");
        }

        return bytes;
    }

    /// <summary>Reads numGlyphs from the TrueType table directory's <c>maxp</c> table.</summary>
    private static int ReadGlyphCount(byte[] font, string name)
    {
        var invalid = new InvalidOperationException($"PDF font '{name}' could not be read as a TrueType font.");
        if (font.Length < 12)
        {
            throw invalid;
        }

        var version = BinaryPrimitives.ReadUInt32BigEndian(font);
        if (version is not (0x00010000 or 0x74727565))
        {
            throw invalid;
        }

        int tables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (var i = 0; i < tables; i++)
        {
            var entry = 12 + (16 * i);
            if (entry + 16 > font.Length)
            {
                throw invalid;
            }

            if (font.AsSpan(entry, 4).SequenceEqual("maxp"u8))
            {
                var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(entry + 8));
                if (offset + 6 > font.Length)
                {
                    throw invalid;
                }

                return BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(offset + 4));
            }
        }

        throw invalid;
    }

    /// <summary>Maps the family "Arimo" (regular, bold, italic) to the shipped files; any other family gets Arimo too.</summary>
    private sealed class ArimoFontResolver : IFontResolver
    {
        public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
            new(FaceName(isBold ? PdfFontStyle.Bold : isItalic ? PdfFontStyle.Italic : PdfFontStyle.Regular));

        public byte[]? GetFont(string faceName) => faceName switch
        {
            "Arimo-Bold" => Bytes(PdfFontStyle.Bold),
            "Arimo-Italic" => Bytes(PdfFontStyle.Italic),
            "Arimo-Regular" => Bytes(PdfFontStyle.Regular),
            _ => null,
        };
    }
}
