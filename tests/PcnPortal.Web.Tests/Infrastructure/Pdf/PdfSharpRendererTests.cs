using System.Text.RegularExpressions;
using PcnPortal.Web.Infrastructure.Pdf;
using static PcnPortal.Web.Tests.Infrastructure.Pdf.PdfTestDocuments;

namespace PcnPortal.Web.Tests.Infrastructure.Pdf;

public class PdfSharpRendererTests
{
    private readonly PdfSharpRenderer renderer = new();

    [Fact]
    public void Render_SameModelTwice_GivesIdenticalBytes()
    {
        var first = renderer.Render(SamplePaper.Build());
        var second = new PdfSharpRenderer().Render(SamplePaper.Build());

        Assert.Equal(first, second);
    }

    [Fact]
    public void Render_DifferentProducedAt_ChangesOnlyTheDates()
    {
        var model = Document(new PdfParagraph("Text"));
        var later = new PdfDocumentModel
        {
            Metadata = new PdfMetadata { Title = model.Metadata.Title, ProducedAt = model.Metadata.ProducedAt.AddDays(1) },
            Blocks = model.Blocks,
        };

        Assert.NotEqual(renderer.Render(model), renderer.Render(later));
    }

    [Fact]
    public void Render_WritesMetadata()
    {
        var info = Poppler.RunOn(renderer.Render(Document(new PdfParagraph("Text"))), "pdfinfo");

        Assert.Matches(@"Title:\s+ARRS position 2026/27", info);
        Assert.Matches(@"Author:\s+Primary Care Contracts Team", info);
        Assert.Matches(@"Subject:\s+Primary Care Commissioning Committee", info);
        Assert.Matches(@"Keywords:\s+PCN; ARRS; PCCC", info);
        Assert.Matches(@"Creator:\s+PcnPortal", info);
        Assert.Matches(@"Producer:\s+PDFsharp 6\.2\.4", info);
        Assert.Matches(@"CreationDate:\s+.*2026", info);
        Assert.Matches(@"Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)", info);
    }

    [Fact]
    public void Render_FontsAreEmbeddedSubsets()
    {
        var fonts = Poppler.RunOn(renderer.Render(SamplePaper.Build()), "pdffonts");

        var rows = fonts.Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r =>
        {
            Assert.Contains("Arimo", r, StringComparison.Ordinal);
            Assert.Matches(@"\byes\s+yes\s+yes\b", r); // emb sub uni
        });
        Assert.Contains(rows, r => r.Contains("Bold", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_TextOfHeadingsHeadersAndCells_IsExtractable()
    {
        var model = Document(
            new PdfHeading(1, "ARRS position", "3.2"),
            new PdfParagraph("The committee is asked to ", new PdfTextRun("note", Bold: true), " the position."),
            MoneyTable(3));

        var text = Poppler.Text(renderer.Render(model));

        Assert.Contains("3.2 ARRS position", text, StringComparison.Ordinal);
        Assert.Contains("The committee is asked to note the position.", text, StringComparison.Ordinal);
        Assert.Contains("Agenda item: 7", text, StringComparison.Ordinal);
        Assert.Contains("Data as at 1 Nov 2026 · Version 2", text, StringComparison.Ordinal);
        Assert.Matches(@"Network 002\s+U10002\s+£2,469\.12\s+£4,000\.00", text);
        Assert.Matches(@"PCN\s+ODS code\s+Claimed\s+Maximum", text);
    }

    [Fact]
    public void Render_MarkupInText_AppearsLiterally()
    {
        var model = Document(new PdfParagraph("<script>alert(1)</script> & <b>not bold</b>"), MoneyTable(1));

        var text = Poppler.Text(renderer.Render(model));

        Assert.Contains("<script>alert(1)</script> & <b>not bold</b>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LongTable_EveryPageHasPageXOfYAndTheTableHeader()
    {
        var pdf = renderer.Render(Document(MoneyTable(200)), out var layout);

        var info = Poppler.RunOn(pdf, "pdfinfo");
        Assert.Matches($@"Pages:\s+{layout.PageCount}\b", info);
        for (var page = 1; page <= layout.PageCount; page++)
        {
            var text = Poppler.Text(pdf, page);
            Assert.Contains($"Page {page} of {layout.PageCount}", text, StringComparison.Ordinal);
            Assert.Matches(@"PCN\s+ODS code\s+Claimed\s+Maximum", text);
        }
    }

    [Fact]
    public void Render_ContentsEntries_LinkToHeadingDestinations()
    {
        var pdf = renderer.Render(SamplePaper.Build(), out var layout);

        // Named destinations (/Dests) and links to them (/Dest); check the raw file.
        var raw = System.Text.Encoding.Latin1.GetString(pdf);
        foreach (var entry in layout.Contents.Where(c => c.Level <= 2))
        {
            Assert.Matches(new Regex($@"/D\s*\({entry.Destination}\)"), raw);
            Assert.Matches(new Regex($@"\({entry.Destination}\)\s*\[\d+ 0 R\s*/XYZ"), raw);
        }

        Assert.Matches(new Regex(@"/Subtype\s*/Link"), raw);
        var contentsPage = Poppler.Text(pdf, 2);
        var first = layout.Contents[0];
        Assert.Matches($@"{Regex.Escape(first.Text)}[ .]+{first.PageNumber}\b", contentsPage);
    }
}
