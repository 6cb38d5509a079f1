using System.Globalization;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.Annotations;
using PdfSharp.UniversalAccessibility;

namespace PcnPortal.Web.Infrastructure.Pdf;

/// <summary>
/// Renders with PDFsharp 6.2.4 (MIT) as a tagged PDF (PDF/UA-1 identification in the XMP metadata): a structure tree in
/// reading order (headings, paragraphs, lists, tables with header cells, figures with alternative text, a table of
/// contents with links), running headers, footers, page numbers, borders and repeated table header rows as artefacts,
/// an outline of the headings, the document language and the title shown in the viewer's title bar.
/// Fonts are embedded as subsets with Unicode maps. The dates and document identifiers come from the model, never
/// the clock, so the same model gives the same bytes. Thread-safe: every call has its own layout run and document.
/// </summary>
public sealed partial class PdfSharpRenderer : IPdfRenderer
{
    [System.Text.RegularExpressions.GeneratedRegex(@"/([A-Z]{6})\+(Arimo)")]
    private static partial System.Text.RegularExpressions.Regex SubsetTag();

    public const string Creator = "PcnPortal";

    private readonly PdfLayoutEngine engine;

    public PdfSharpRenderer(PdfTheme? theme = null)
    {
        PdfFonts.EnsureAvailable();
        engine = new PdfLayoutEngine(theme);
    }

    public byte[] Render(PdfDocumentModel model) => Render(model, out _);

    /// <summary>Renders and also returns the layout (pages, what landed where) for tests and diagnostics.</summary>
    public byte[] Render(PdfDocumentModel model, out PdfLayout layout)
    {
        ArgumentNullException.ThrowIfNull(model);
        layout = engine.Layout(model);
        return new Painter(layout).Paint();
    }

    private sealed class Painter(PdfLayout layout)
    {
        private readonly Dictionary<(PdfFontStyle, float), XFont> fonts = [];
        private readonly Dictionary<uint, XSolidBrush> brushes = [];
        private readonly Dictionary<(uint, float), XPen> pens = [];
        private readonly Stack<PdfTag?> open = new();
        private PdfDocument document = null!;
        private StructureBuilder structure = null!;
        private XGraphics gfx = null!;
        private bool inDecorativeArtifact;

        private PdfTheme Theme => layout.Theme;

        public byte[] Paint()
        {
            var meta = layout.Model.Metadata;
            var produced = meta.ProducedAt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(meta.ProducedAt, DateTimeKind.Utc) : meta.ProducedAt.ToUniversalTime();
            document = new PdfDocument();
            document.Info.Title = meta.Title;
            document.Info.Author = meta.Author ?? "";
            document.Info.Subject = meta.Subject ?? "";
            document.Info.Keywords = meta.Keywords ?? "";
            document.Info.Creator = meta.Creator;
            document.Info.CreationDate = produced;
            document.Info.ModificationDate = produced;
            document.Options.CompressContentStreams = true;
            var ua = UAManager.ForDocument(document);
            ua.SetDocumentLanguage(meta.Language);
            document.ViewerPreferences.DisplayDocTitle = true;
            structure = ua.StructureBuilder;

            XGraphics? previous = null;
            foreach (var laidOut in layout.Pages)
            {
                var page = document.AddPage();
                page.Width = XUnit.FromPoint(Theme.PageWidth);
                page.Height = XUnit.FromPoint(Theme.PageHeight);
                previous?.Dispose();
                gfx = XGraphics.FromPdfPage(page);
                previous = gfx;
                foreach (var op in laidOut.Ops)
                {
                    Draw(op);
                }

                EndDecorative();
            }

            if (open.Count != 0)
            {
                throw new InvalidOperationException($"PDF layout left {open.Count} structure element(s) open.");
            }

            structure.EndMarkedContentsWithId();
            previous?.Dispose();

            AddDestinationsAndOutline();

            var id = DocumentId(layout.Model);
            document.Internals.FirstDocumentID = id;
            document.Internals.SecondDocumentID = id;

            using var stream = new MemoryStream();
            document.Save(stream, closeStream: false);
            return WithXmpMetadata(StableSubsetTags(stream.ToArray()), Xmp(meta, produced));
        }

        /// <summary>
        /// PDFsharp writes its own XMP packet as the last object before the cross-reference table, with random
        /// document and instance identifiers and no PDF/UA identification. Replace that object with ours (same object
        /// number, same start) and move the <c>startxref</c> pointer by the difference in length.
        /// </summary>
        private static byte[] WithXmpMetadata(byte[] pdf, string xmp)
        {
            var text = Encoding.Latin1.GetString(pdf);
            var marker = text.LastIndexOf("/Type/Metadata/Subtype/XML", StringComparison.Ordinal);
            var objectStart = marker < 0 ? -1 : text.LastIndexOf(" 0 obj", marker, StringComparison.Ordinal);
            var xref = text.LastIndexOf("\nxref\n", StringComparison.Ordinal);
            var startxref = text.LastIndexOf("startxref\n", StringComparison.Ordinal);
            var end = marker < 0 ? -1 : text.IndexOf("endobj\n", marker, StringComparison.Ordinal);
            if (objectStart < 0 || xref < 0 || startxref < xref || end < 0 || end + "endobj\n".Length != xref + 1)
            {
                throw new InvalidOperationException("The PDF's XMP metadata object was not where PDFsharp 6.2.4 writes it (last, before the cross-reference table).");
            }

            var numberStart = text.LastIndexOf('\n', objectStart) + 1;
            var number = text[numberStart..objectStart];
            var packet = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(xmp));
            var replacement = $"{number} 0 obj\n<</Type/Metadata/Subtype/XML/Length {Encoding.Latin1.GetByteCount(packet)}>>\nstream\n{packet}\nendstream\nendobj\n";
            var head = text[..numberStart] + replacement;
            var tail = text[(xref + 1)..startxref];
            var result = head + tail + $"startxref\n{head.Length}\n%%EOF\n";
            return Encoding.Latin1.GetBytes(result);
        }

        /// <summary>
        /// PDFsharp names each embedded font subset with a random six-letter tag ("ECBVJJ+Arimo"). Replace the tags, in
        /// order of first appearance, with fixed ones of the same length (so no offset moves): same model, same bytes.
        /// </summary>
        private static byte[] StableSubsetTags(byte[] pdf)
        {
            var text = Encoding.Latin1.GetString(pdf);
            var tags = new Dictionary<string, string>();
            var result = SubsetTag().Replace(text, match =>
            {
                var tag = match.Groups[1].Value;
                if (!tags.TryGetValue(tag, out var stable))
                {
                    var n = tags.Count;
                    stable = "PCNP" + (char)('A' + (n / 26 % 26)) + (char)('A' + (n % 26));
                    tags[tag] = stable;
                }

                return "/" + stable + "+" + match.Groups[2].Value;
            });
            return Encoding.Latin1.GetBytes(result);
        }

        private void Draw(PdfDrawOp op)
        {
            switch (op)
            {
                case PdfTagOp tag:
                    EndDecorative();
                    BeginTag(tag);
                    break;
                case PdfEndTagOp:
                    EndDecorative();
                    var ended = open.Pop();
                    structure.End();
                    _ = ended;
                    break;
                case PdfArtifactOp { Begin: true }:
                    EndDecorative();
                    structure.BeginArtifact();
                    open.Push(null);
                    break;
                case PdfArtifactOp { Begin: false }:
                    EndDecorative();
                    open.Pop();
                    structure.End();
                    break;
                case PdfTextOp text when text.Text.Length > 0:
                    EndDecorative();
                    gfx.DrawString(text.Text, PdfTextMeasurer.FontOf(fonts, text.Style, text.Size), Brush(text.Colour), text.X, text.Baseline, XStringFormats.BaseLineLeft);
                    break;
                case PdfRectOp rect:
                    BeginDecorative();
                    var fill = (rect.Fill >> 24) != 0 ? Brush(rect.Fill) : null;
                    var pen = (rect.Stroke >> 24) != 0 && rect.StrokeWidth > 0 ? Pen(rect.Stroke, rect.StrokeWidth) : null;
                    if (fill is not null || pen is not null)
                    {
                        gfx.DrawRectangle(pen, fill, rect.Left, rect.Top, rect.Right - rect.Left, rect.Bottom - rect.Top);
                    }

                    break;
                case PdfLineOp line:
                    BeginDecorative();
                    gfx.DrawLine(Pen(line.Colour, line.Width), line.X1, line.Y1, line.X2, line.Y2);
                    break;
            }
        }

        /// <summary>
        /// Borders, cell backgrounds and rules drawn outside a figure are decoration: marked as an artefact so that a
        /// screen reader skips them. Inside a figure they are the figure's content.
        /// </summary>
        private void BeginDecorative()
        {
            if (inDecorativeArtifact || InFigureOrArtifact())
            {
                return;
            }

            structure.BeginArtifact();
            inDecorativeArtifact = true;
        }

        private void EndDecorative()
        {
            if (inDecorativeArtifact)
            {
                structure.End();
                inDecorativeArtifact = false;
            }
        }

        private bool InFigureOrArtifact()
        {
            foreach (var tag in open)
            {
                if (tag is null or PdfTag.Figure)
                {
                    return true;
                }
            }

            return false;
        }

        private void BeginTag(PdfTagOp tag)
        {
            switch (tag.Tag)
            {
                case PdfTag.Figure:
                    structure.BeginElement(PdfIllustrationElementTag.Figure, tag.AltText ?? "", new XRect(tag.Left, tag.Top, tag.Right - tag.Left, tag.Bottom - tag.Top));
                    break;
                case PdfTag.Link:
                    var height = Theme.PageHeight;
                    var annotation = PdfLinkAnnotation.CreateDocumentLink(new PdfRectangle(new XPoint(tag.Left, height - tag.Bottom), new XPoint(tag.Right, height - tag.Top)), tag.Destination ?? "");
                    annotation.Elements.SetInteger("/F", 4); // print
                    annotation.Elements.Remove("/M"); // the clock's time and a random name would make every rendering differ
                    annotation.Elements.Remove("/NM");
                    annotation.Elements.SetObject("/Border", new PdfArray(document, new PdfInteger(0), new PdfInteger(0), new PdfInteger(0)));
                    structure.BeginElement(annotation, tag.AltText ?? "");
                    break;
                case PdfTag.TOC:
                    structure.BeginElement(PdfGroupingElementTag.TableOfContents);
                    break;
                case PdfTag.TOCI:
                    structure.BeginElement(PdfGroupingElementTag.TableOfContentsItem);
                    break;
                case PdfTag.Caption:
                    structure.BeginElement(PdfGroupingElementTag.Caption);
                    break;
                case PdfTag.Sect:
                    structure.BeginElement(PdfGroupingElementTag.Section);
                    break;
                default:
                    structure.BeginElement(tag.Tag switch
                    {
                        PdfTag.H1 => PdfBlockLevelElementTag.Heading1,
                        PdfTag.H2 => PdfBlockLevelElementTag.Heading2,
                        PdfTag.H3 => PdfBlockLevelElementTag.Heading3,
                        PdfTag.P => PdfBlockLevelElementTag.Paragraph,
                        PdfTag.L => PdfBlockLevelElementTag.List,
                        PdfTag.LI => PdfBlockLevelElementTag.ListItem,
                        PdfTag.Lbl => PdfBlockLevelElementTag.Label,
                        PdfTag.LBody => PdfBlockLevelElementTag.ListBody,
                        PdfTag.Table => PdfBlockLevelElementTag.Table,
                        PdfTag.THead => PdfBlockLevelElementTag.TableHeadRowGroup,
                        PdfTag.TBody => PdfBlockLevelElementTag.TableBodyRowGroup,
                        PdfTag.TR => PdfBlockLevelElementTag.TableRow,
                        PdfTag.TH => PdfBlockLevelElementTag.TableHeaderCell,
                        PdfTag.TD => PdfBlockLevelElementTag.TableDataCell,
                        _ => throw new NotSupportedException($"Structure tag {tag.Tag} is not supported."),
                    });
                    if (tag.Tag == PdfTag.TH)
                    {
                        // Column headers in a table's header row; row headers (the cover sheet's labels) otherwise.
                        var attributes = new PdfDictionary(document);
                        attributes.Elements.SetName("/O", "/Table");
                        attributes.Elements.SetName("/Scope", tag.RowHeader ? "/Row" : "/Column");
                        structure.CurrentStructureElement.Elements.SetObject("/A", attributes);
                    }

                    break;
            }

            open.Push(tag.Tag);
        }

        private void AddDestinationsAndOutline()
        {
            var positions = new Dictionary<string, (int Page, float Y)>();
            foreach (var page in layout.Pages)
            {
                foreach (var op in page.Ops.OfType<PdfDestinationOp>())
                {
                    positions[op.Name] = (page.Number, op.Y);
                }
            }

            foreach (var (name, (pageNumber, y)) in positions)
            {
                document.AddNamedDestination(name, pageNumber, PdfNamedDestinationParameters.CreateVerticalPosition(Theme.PageHeight - y + 6, null));
            }

            var parents = new PdfOutlineCollection?[4];
            parents[0] = document.Outlines;
            foreach (var entry in layout.Contents)
            {
                var level = Math.Clamp(entry.Level, 1, 3);
                var collection = parents[level - 1] ?? parents[Enumerable.Range(0, level).Last(i => parents[i] is not null)]!;
                var outline = collection.Add(entry.Text, document.Pages[entry.PageNumber - 1], opened: level == 1);
                if (positions.TryGetValue(entry.Destination, out var position))
                {
                    outline.PageDestinationType = PdfPageDestinationType.Xyz;
                    outline.Top = Theme.PageHeight - position.Y + 6;
                }

                parents[level] = outline.Outlines;
                for (var deeper = level + 1; deeper < parents.Length; deeper++)
                {
                    parents[deeper] = null;
                }
            }

            if (layout.Contents.Count > 0)
            {
                document.PageMode = PdfPageMode.UseOutlines;
            }
        }

        private static string Xmp(PdfMetadata meta, DateTime produced)
        {
            static string X(string? s) => SecurityElement.Escape(s ?? "");
            var date = produced.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var xmp = $"""
                <?xpacket begin="{'\uFEFF'}" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                    <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
                      <pdfuaid:part>1</pdfuaid:part>
                    </rdf:Description>
                    <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
                      <dc:format>application/pdf</dc:format>
                      <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{X(meta.Title)}</rdf:li></rdf:Alt></dc:title>
                      <dc:creator><rdf:Seq><rdf:li>{X(meta.Author)}</rdf:li></rdf:Seq></dc:creator>
                      <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{X(meta.Subject)}</rdf:li></rdf:Alt></dc:description>
                      <dc:language><rdf:Bag><rdf:li>{X(meta.Language)}</rdf:li></rdf:Bag></dc:language>
                    </rdf:Description>
                    <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
                      <pdf:Keywords>{X(meta.Keywords)}</pdf:Keywords>
                    </rdf:Description>
                    <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
                      <xmp:CreatorTool>{X(meta.Creator)}</xmp:CreatorTool>
                      <xmp:CreateDate>{date}</xmp:CreateDate>
                      <xmp:ModifyDate>{date}</xmp:ModifyDate>
                      <xmp:MetadataDate>{date}</xmp:MetadataDate>
                    </rdf:Description>
                  </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="r"?>
                """;
            return xmp;
        }

        /// <summary>The file identifier: a hash of the title and production time, so re-rendering gives the same bytes.</summary>
        private static string DocumentId(PdfDocumentModel model)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{model.Metadata.Title}\n{model.Metadata.ProducedAt:O}\n{model.Blocks.Count}"));
            return Encoding.Latin1.GetString(hash, 0, 16);
        }

        private XSolidBrush Brush(uint argb)
        {
            if (!brushes.TryGetValue(argb, out var brush))
            {
                brush = new XSolidBrush(XColor.FromArgb(unchecked((int)argb)));
                brushes[argb] = brush;
            }

            return brush;
        }

        private XPen Pen(uint argb, float width)
        {
            if (!pens.TryGetValue((argb, width), out var pen))
            {
                pen = new XPen(XColor.FromArgb(unchecked((int)argb)), width);
                pens[(argb, width)] = pen;
            }

            return pen;
        }
    }
}
