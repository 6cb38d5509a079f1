using SkiaSharp;

namespace PcnPortal.Web.Infrastructure.Pdf;

/// <summary>
/// Renders with SkiaSharp's PDF backend: text stays text (fonts embedded as subsets), images are kept lossless,
/// and the dates written come from <see cref="PdfMetadata.ProducedAt"/>, so output is byte-for-byte reproducible.
/// Thread-safe: every call uses its own layout run and Skia objects.
/// </summary>
public sealed class SkiaPdfRenderer : IPdfRenderer
{
    public const string Producer = "PcnPortal PDF (SkiaSharp)";

    private readonly PdfLayoutEngine engine;

    public SkiaPdfRenderer(PdfTheme? theme = null) => engine = new PdfLayoutEngine(theme);

    public byte[] Render(PdfDocumentModel model) => Render(model, out _);

    /// <summary>Renders and also returns the layout (pages, what landed where) for tests and diagnostics.</summary>
    public byte[] Render(PdfDocumentModel model, out PdfLayout layout)
    {
        ArgumentNullException.ThrowIfNull(model);
        layout = engine.Layout(model);
        return Paint(layout);
    }

    private static byte[] Paint(PdfLayout layout)
    {
        var meta = layout.Model.Metadata;
        var theme = layout.Theme;
        var produced = DateTime.SpecifyKind(meta.ProducedAt, meta.ProducedAt.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : meta.ProducedAt.Kind);
        var pdfMetadata = new SKDocumentPdfMetadata
        {
            Title = meta.Title,
            Author = meta.Author ?? "",
            Subject = meta.Subject ?? "",
            Keywords = meta.Keywords ?? "",
            Creator = meta.Creator,
            Producer = Producer,
            Creation = produced,
            Modified = produced,
            EncodingQuality = 101,
            RasterDpi = 300,
            PdfA = false,
        };

        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, pdfMetadata)
            ?? throw new InvalidOperationException("SkiaSharp could not create a PDF document."))
        {
            using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
            using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke };
            var fonts = new Dictionary<(PdfFontStyle, float), SKFont>();
            try
            {
                foreach (var page in layout.Pages)
                {
                    var canvas = document.BeginPage(theme.PageWidth, theme.PageHeight);
                    foreach (var op in page.Ops)
                    {
                        Draw(canvas, op, fill, stroke, fonts);
                    }

                    document.EndPage();
                }
            }
            finally
            {
                foreach (var font in fonts.Values)
                {
                    font.Dispose();
                }
            }

            document.Close();
        }

        return stream.ToArray();
    }

    private static void Draw(SKCanvas canvas, PdfDrawOp op, SKPaint fill, SKPaint stroke, Dictionary<(PdfFontStyle, float), SKFont> fonts)
    {
        switch (op)
        {
            case PdfTextOp text when text.Text.Length > 0:
                if (!fonts.TryGetValue((text.Style, text.Size), out var font))
                {
                    font = new SKFont(PdfFonts.Get(text.Style), text.Size) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None };
                    fonts[(text.Style, text.Size)] = font;
                }

                fill.Color = new SKColor(text.Colour);
                canvas.DrawText(text.Text, text.X, text.Baseline, SKTextAlign.Left, font, fill);
                break;
            case PdfRectOp rect:
                var r = new SKRect(rect.Left, rect.Top, rect.Right, rect.Bottom);
                if ((rect.Fill >> 24) != 0)
                {
                    fill.Color = new SKColor(rect.Fill);
                    canvas.DrawRect(r, fill);
                }

                if ((rect.Stroke >> 24) != 0 && rect.StrokeWidth > 0)
                {
                    stroke.Color = new SKColor(rect.Stroke);
                    stroke.StrokeWidth = rect.StrokeWidth;
                    canvas.DrawRect(r, stroke);
                }

                break;
            case PdfLineOp line:
                stroke.Color = new SKColor(line.Colour);
                stroke.StrokeWidth = line.Width;
                canvas.DrawLine(line.X1, line.Y1, line.X2, line.Y2, stroke);
                break;
            case PdfImageOp image:
                using (var decoded = SKImage.FromEncodedData(image.Png))
                {
                    if (decoded is not null)
                    {
                        canvas.DrawImage(decoded, new SKRect(image.Left, image.Top, image.Left + image.Width, image.Top + image.Height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
                    }
                }

                break;
            case PdfLinkOp link:
                canvas.DrawLinkDestinationAnnotation(new SKRect(link.Left, link.Top, link.Right, link.Bottom), link.Destination);
                break;
            case PdfDestinationOp dest:
                canvas.DrawNamedDestinationAnnotation(new SKPoint(dest.X, dest.Y), dest.Name);
                break;
        }
    }
}
