using System.Text;
using SkiaSharp;

namespace PcnPortal.Web.Infrastructure.Pdf;

internal sealed record PdfSegment(string Text, PdfFontStyle Style, float X, float Width);

internal sealed record PdfTextLine(IReadOnlyList<PdfSegment> Segments, float Width)
{
    public string PlainText => string.Concat(Segments.Select((s, i) => i == 0 ? s.Text : (NeedsSpace(Segments[i - 1], s) ? " " : "") + s.Text));

    private static bool NeedsSpace(PdfSegment previous, PdfSegment next) => next.X > previous.X + previous.Width + 0.01f;
}

/// <summary>Measures and wraps text with the Arimo fonts. Not thread-safe: one per layout run.</summary>
internal sealed class PdfTextMeasurer : IDisposable
{
    private readonly Dictionary<(PdfFontStyle, float), SKFont> fonts = [];

    public SKFont Font(PdfFontStyle style, float size)
    {
        if (!fonts.TryGetValue((style, size), out var font))
        {
            font = new SKFont(PdfFonts.Get(style), size)
            {
                Subpixel = true,
                LinearMetrics = true,
                Hinting = SKFontHinting.None,
            };
            fonts[(style, size)] = font;
        }

        return font;
    }

    public float Measure(string text, PdfFontStyle style, float size) =>
        text.Length == 0 ? 0 : Font(style, size).MeasureText(text);

    /// <summary>Distance from the top of a line box to the baseline, centring the font's ascent+descent in the box.</summary>
    public float BaselineOffset(PdfFontStyle style, float size, float lineHeight)
    {
        var metrics = Font(style, size).Metrics;
        var ascent = -metrics.Ascent;
        var descent = metrics.Descent;
        return ((lineHeight - (ascent + descent)) / 2f) + ascent;
    }

    /// <summary>
    /// Greedy word wrap. Spaces collapse; "\n" forces a break; a word wider than the line is broken between characters.
    /// </summary>
    public List<PdfTextLine> Wrap(IReadOnlyList<PdfTextRun> runs, float size, float maxWidth, bool forceBold = false)
    {
        var lines = new List<PdfTextLine>();
        var segments = new List<PdfSegment>();
        var x = 0f;
        var pendingSpace = false;
        var pendingSpaceWidth = 0f;

        void EndLine()
        {
            lines.Add(new PdfTextLine(segments.ToList(), x));
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
                    EndLine();
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
                        EndLine();
                        continue;
                    }

                    // Over-long word on an empty line: break it between characters.
                    var count = (int)Font(style, size).BreakText(word, maxWidth, out _);
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
                        EndLine();
                    }
                }
            }
        }

        if (segments.Count > 0 || lines.Count == 0)
        {
            EndLine();
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
        foreach (var font in fonts.Values)
        {
            font.Dispose();
        }

        fonts.Clear();
    }
}
