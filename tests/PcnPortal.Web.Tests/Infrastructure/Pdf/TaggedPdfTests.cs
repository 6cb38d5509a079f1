using System.Text;
using PcnPortal.Web.Infrastructure.Pdf;
using UglyToad.PdfPig;
using static PcnPortal.Web.Tests.Infrastructure.Pdf.PdfTestDocuments;

namespace PcnPortal.Web.Tests.Infrastructure.Pdf;

/// <summary>The tagged PDF as a screen reader meets it: structure, artefacts, outline, language and title.</summary>
public class TaggedPdfTests
{
    private readonly PdfSharpRenderer renderer = new();

    [Fact]
    public void Sample_IsTaggedWithHeadingsInReadingOrder()
    {
        var pdf = renderer.Render(SamplePaper.Build(), out var layout);

        Assert.Matches(@"Tagged:\s+yes", Poppler.RunOn(pdf, "pdfinfo"));
        var headings = PdfStructure.Read(pdf).Where(n => n.Tag is "H1" or "H2" or "H3").Select(n => (n.Tag, n.AllText.Trim())).ToList();
        var expected = layout.Contents.Select(c => ($"H{c.Level}", c.Text)).ToList();
        Assert.Equal(expected, headings);
        Assert.Equal(("H1", "1 Background"), headings[0]);
    }

    [Fact]
    public void LongTable_HasHeaderCellsOnceAndRepeatedHeaderRowsAsArtefacts()
    {
        var pdf = renderer.Render(Document(MoneyTable(200)), out var layout);
        Assert.True(layout.PageCount >= 3);

        var nodes = PdfStructure.Read(pdf);
        var headerCells = nodes.Where(n => n.Tag == "TH").Select(n => n.AllText.Trim()).ToList();
        Assert.Equal(["PCN", "ODS code", "Claimed", "Maximum"], headerCells);
        Assert.Single(nodes, n => n.Tag == "THead");
        Assert.Equal(200, nodes.Count(n => n.Tag == "TR") - 1);
        Assert.Equal(800, nodes.Count(n => n.Tag == "TD"));
        Assert.Contains(nodes, n => n.Tag == "TD" && n.AllText.Trim() == "Network 200");

        // Every page still shows the header row (pdftotext reads artefacts too).
        Assert.Matches(@"PCN\s+ODS code\s+Claimed\s+Maximum", Poppler.Text(pdf, layout.PageCount));
    }

    [Fact]
    public void RunningHeaderFooterAndPageNumbers_AreArtefactsNotStructure()
    {
        var pdf = renderer.Render(Document(new PdfHeading(1, "Background", "1"), new PdfParagraph(Words(900))), out var layout);
        var structure = PdfStructure.Raw(pdf);

        Assert.True(layout.PageCount >= 2);
        Assert.DoesNotContain("Page 1 of", structure, StringComparison.Ordinal);
        Assert.DoesNotContain("Agenda item: 7", structure, StringComparison.Ordinal);
        Assert.DoesNotContain("Data as at 1 Nov 2026", structure, StringComparison.Ordinal);
        Assert.Contains($"Page 2 of {layout.PageCount}", Poppler.Text(pdf, 2), StringComparison.Ordinal);
    }

    [Fact]
    public void CoverSheetLabels_AreRowHeaderCells_AndListsAreTaggedAsLists()
    {
        var pdf = renderer.Render(Document(new PdfKeyValueTable(
            new PdfKeyValueRow("Purpose", "Decision"),
            new PdfKeyValueRow("Key points", [new PdfParagraph("In brief:"), new PdfBulletList("First point", "Second point")]))));
        var nodes = PdfStructure.Read(pdf);

        var headers = nodes.Where(n => n.Tag == "TH").ToList();
        Assert.Equal(["Purpose", "Key points"], headers.Select(h => h.AllText.Trim()));
        Assert.All(headers, h => Assert.Contains("/Scope /Row", h.Attributes));
        Assert.Equal(["First point", "Second point"], nodes.Where(n => n.Tag == "LBody").Select(n => n.AllText.Trim()));
        Assert.Single(nodes, n => n.Tag == "L");
    }

    [Fact]
    public void Chart_IsAFigureWithAlternativeText()
    {
        var chart = new PdfBarChart(
            ["Harbourside PCN", "Severnmouth Vale PCN"],
            [new PdfChartSeries("Claimed", [120_000, 80_000], v => $"£{v:#,##0}"), new PdfChartSeries("ARR Sum", [150_000, 90_000], v => $"£{v:#,##0}")])
        {
            Caption = "Figure 1: ARRS claimed against ARR Sum",
            AltText = "Bar chart: Harbourside PCN claimed £120,000 of £150,000; Severnmouth Vale PCN £80,000 of £90,000.",
        };

        var pdf = renderer.Render(Document(chart));
        var figure = Assert.Single(PdfStructure.Read(pdf), n => n.Tag == "Figure");

        // pdfinfo prints the figure but not its /Alt entry: read the structure element in the file.
        var file = Encoding.Latin1.GetString(pdf);
        Assert.Matches(@"/S\s*/Figure[^>]*/Alt\s*\(Bar chart: Harbourside PCN claimed \xA3120,000 of \xA3150,000", file);
        Assert.Contains("£120,000", Poppler.Text(pdf), StringComparison.Ordinal); // the drawing's labels are real text
        Assert.Contains("/BBox", string.Join(" ", figure.Attributes), StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_WithoutAlternativeText_IsRefused()
    {
        var chart = new PdfHeatmap(["Domain"], ["PCN"], [[new PdfHeatmapCell("Step 1", PdfShade.Low)]], [new PdfLegendEntry(PdfShade.Low, "Step 1")]) { AltText = " " };

        var error = Assert.Throws<ArgumentException>(() => renderer.Render(Document(chart)));
        Assert.Contains("alternative text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OutlineLanguageTitleAndPdfUaIdentification_ArePresent()
    {
        var pdf = renderer.Render(SamplePaper.Build(), out var layout);

        using (var document = PdfDocument.Open(pdf))
        {
            Assert.True(document.TryGetBookmarks(out var bookmarks));
            var titles = bookmarks.GetNodes().Select(n => n.Title).ToList();
            Assert.Equal(layout.Contents.Select(c => c.Text), titles);
            Assert.Equal(layout.Contents.Count(c => c.Level == 1), bookmarks.Roots.Count);
        }

        var raw = Encoding.Latin1.GetString(pdf);
        Assert.Contains("/Lang(en-GB)", raw, StringComparison.Ordinal);
        Assert.Matches(@"/DisplayDocTitle\s*true", raw);
        Assert.Matches(@"Title:\s+ARRS position 2026/27", Poppler.RunOn(pdf, "pdfinfo"));
        var xmp = Poppler.RunOn(pdf, "pdfinfo", "-meta", "{pdf}");
        Assert.Contains("<pdfuaid:part>1</pdfuaid:part>", xmp, StringComparison.Ordinal);
        Assert.Contains("ARRS position 2026/27", xmp, StringComparison.Ordinal);
    }

    [Fact]
    public void WordsSplitOverLinesAndStyles_KeepTheirSpacesInTheText()
    {
        var pdf = renderer.Render(Document(new PdfParagraph("The committee is asked to ", new PdfTextRun("approve", Bold: true), " the plan. " + Words(60))));
        var paragraph = Assert.Single(PdfStructure.Read(pdf), n => n.Tag == "P");

        Assert.StartsWith("The committee is asked to approve the plan.", paragraph.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", string.Concat(paragraph.Text), StringComparison.Ordinal);
        Assert.Equal(Words(60).Split(' ').Length + 8, string.Concat(paragraph.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
