using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PcnPortal.Web.Infrastructure.Pdf;

internal sealed record PdfSegment(string Text, PdfFontStyle Style, float X, float Width);

/// <summary>A wrapped line. <see cref="SpaceAfter"/>: the line ended at a space or line break (not inside a word).</summary>
internal sealed record PdfTextLine(IReadOnlyList<PdfSegment> Segments, float Width, bool SpaceAfter = false)
{
    public string PlainText => string.Concat(Segments.Select((s, i) => i == 0 ? s.Text : (NeedsSpace(Segments[i - 1], s) ? " " : "") + s.Text));

    public static bool NeedsSpace(PdfSegment previous, PdfSegment next) => next.X > previous.X + previous.Width + 0.01f;
}

/// <summary>Measures and wraps text with the Arimo fonts, as PDFsharp will draw them. Not thread-safe: one per layout run.</summary>
internal sealed class PdfTextMeasurer : IDisposable
{
    private static readonly XPdfFontOptions FontOptions = new(PdfFontEncoding.Unicode);

    private readonly Dictionary<(PdfFontStyle, float), XFont> fonts = [];
    private readonly Dictionary<(string, PdfFontStyle, float), float> widths = [];
    private readonly XGraphics context;

    public PdfTextMeasurer()
    {
        PdfFonts.EnsureAvailable();
        context = XGraphics.CreateMeasureContext(new XSize(595, 842), XGraphicsUnit.Point, XPageDirection.Downwards);
    }

    public XFont Font(PdfFontStyle style, float size) => FontOf(fonts, style, size);

    /// <summary>The PDFsharp font for a style and size (Unicode encoding, so every character Arimo has can be drawn).</summary>
    internal static XFont FontOf(Dictionary<(PdfFontStyle, float), XFont> cache, PdfFontStyle style, float size)
    {
        if (!cache.TryGetValue((style, size), out var font))
        {
            var styleEx = style switch
            {
                PdfFontStyle.Bold => XFontStyleEx.Bold,
                PdfFontStyle.Italic => XFontStyleEx.Italic,
                _ => XFontStyleEx.Regular,
            };
            font = new XFont(PdfFonts.FamilyName, size, styleEx, FontOptions);
            cache[(style, size)] = font;
        }

        return font;
    }

    public float Measure(string text, PdfFontStyle style, float size)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        if (!widths.TryGetValue((text, style, size), out var width))
        {
            width = (float)context.MeasureString(text, Font(style, size)).Width;
            if (widths.Count < 20_000)
            {
                widths[(text, style, size)] = width;
            }
        }

        return width;
    }

    /// <summary>How many leading characters of <paramref name="text"/> fit in <paramref name="maxWidth"/>.</summary>
    public int FittingLength(string text, PdfFontStyle style, float size, float maxWidth)
    {
        int low = 0, high = text.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (Measure(text[..mid], style, size) <= maxWidth + 0.01f)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low;
    }

    /// <summary>Distance from the top of a line box to the baseline, centring the font's ascent+descent in the box.</summary>
    public float BaselineOffset(PdfFontStyle style, float size, float lineHeight)
    {
        var metrics = Font(style, size).Metrics;
        var ascent = (float)(size * metrics.Ascent / metrics.UnitsPerEm);
        var descent = (float)(size * metrics.Descent / metrics.UnitsPerEm);
        return ((lineHeight - (ascent + descent)) / 2f) + ascent;
    }

    /// <summary>
    /// Greedy word wrap. Spaces collapse; "\n" forces a break; a word wider than the line is broken after a slash or
    /// hyphen in it, and between characters only when a part without one is itself wider than the line.
    /// </summary>
    public List<PdfTextLine> Wrap(IReadOnlyList<PdfTextRun> runs, float size, float maxWidth, bool forceBold = false)
    {
        var lines = new List<PdfTextLine>();
        var segments = new List<PdfSegment>();
        var x = 0f;
        var pendingSpace = false;
        var pendingSpaceWidth = 0f;

        void EndLine(bool spaceAfter)
        {
            lines.Add(new PdfTextLine(segments.ToList(), x, spaceAfter));
            segments.Clear();
            x = 0;
            pendingSpace = false;
        }

        void Append(string word, PdfFontStyle style, float width)
        {
            var gap = pendingSpace && segments.Count > 0 ? pendingSpaceWidth : 0;
            if (segments.Count > 0 && segments[^1].Style == style)
            {
                var last = segments[^1];
                var text = last.Text + (gap > 0 ? " " : "") + word;
                var w = Measure(text, style, size);
                segments[^1] = last with { Text = text, Width = w };
                x = last.X + w;
            }
            else
            {
                segments.Add(new PdfSegment(word, style, x + gap, width));
                x += gap + width;
            }

            pendingSpace = false;
        }

        foreach (var run in runs)
        {
            var style = forceBold || run.Bold ? PdfFontStyle.Bold : run.Italic ? PdfFontStyle.Italic : PdfFontStyle.Regular;
            var spaceWidth = Measure(" ", style, size);
            foreach (var token in Tokenise(run.Text))
            {
                if (token == "\n")
                {
                    EndLine(true);
                    continue;
                }

                if (token == " ")
                {
                    if (segments.Count > 0)
                    {
                        pendingSpace = true;
                        pendingSpaceWidth = spaceWidth;
                    }

                    continue;
                }

                var word = token;
                while (word.Length > 0)
                {
                    var width = Measure(word, style, size);
                    var gap = pendingSpace && segments.Count > 0 ? pendingSpaceWidth : 0;
                    if (x + gap + width <= maxWidth + 0.01f)
                    {
                        Append(word, style, width);
                        break;
                    }

                    if (segments.Count > 0)
                    {
                        EndLine(pendingSpace);
                        continue;
                    }

                    // Over-long word on an empty line: break after a slash or hyphen inside it if one fits
                    // ("Foundation/" + "Step"), and only between characters when no such part fits.
                    var count = FittingLength(word, style, size, maxWidth);
                    var joint = count < word.Length ? word.LastIndexOfAny(['/', '-', '–'], Math.Max(0, count - 1)) : -1;
                    if (joint > 0 && joint < word.Length - 1)
                    {
                        count = joint + 1;
                    }

                    if (count <= 0)
                    {
                        count = 1;
                    }

                    if (count < word.Length && char.IsHighSurrogate(word[count - 1]))
                    {
                        count = count > 1 ? count - 1 : count + 1;
                    }

                    var piece = word[..count];
                    Append(piece, style, Measure(piece, style, size));
                    word = word[count..];
                    if (word.Length > 0)
                    {
                        EndLine(false);
                    }
                }
            }
        }

        if (segments.Count > 0 || lines.Count == 0)
        {
            EndLine(false);
        }

        return lines;
    }

    private static IEnumerable<string> Tokenise(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            if (c == '\n' || c == ' ' || c == '\t')
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                yield return c == '\n' ? "\n" : " ";
            }
            else if (!char.IsControl(c))
            {
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    public void Dispose()
    {
        context.Dispose();
        fonts.Clear();
        widths.Clear();
    }
}
