using PcnPortal.Web.Infrastructure.Pdf;
using static PcnPortal.Web.Tests.Infrastructure.Pdf.PdfTestDocuments;

namespace PcnPortal.Web.Tests.Infrastructure.Pdf;

public class PdfLayoutEngineTests
{
    private static readonly PdfTheme Theme = PdfTheme.Default;

    private static PdfLayout Layout(params PdfBlock[] blocks) => new PdfLayoutEngine().Layout(Document(blocks));

    [Fact]
    public void Paragraph_LongText_WrapsToSeveralLinesWithinContentWidth()
    {
        var layout = Layout(new PdfParagraph(Words(300)));

        var lines = layout.Pages.SelectMany(p => p.ContentItems).Where(i => i.Kind == PdfItemKind.TextLine).ToList();

        Assert.InRange(lines.Count, 15, 40);
        Assert.All(lines, l => Assert.True(l.Width <= Theme.ContentWidth + 0.01f, $"line '{l.Text}' is {l.Width}pt wide"));
        Assert.All(lines.SkipLast(1), l => Assert.True(l.Width > Theme.ContentWidth * 0.75f, $"line '{l.Text}' is short: wrapping wastes space"));
        Assert.Equal(Words(300), string.Join(' ', lines.Select(l => l.Text)));
    }

    [Fact]
    public void Paragraph_ShortText_IsOneLine()
    {
        var layout = Layout(new PdfParagraph("The committee is asked to note the report."));

        var line = Assert.Single(layout.Pages[0].ContentItems);
        Assert.Equal(PdfItemKind.TextLine, line.Kind);
        Assert.Equal("The committee is asked to note the report.", line.Text);
    }

    [Fact]
    public void Paragraph_WordWiderThanLine_IsBrokenBetweenCharacters()
    {
        var word = new string('W', 200);

        var lines = Layout(new PdfParagraph($"Start {word} end")).Pages[0].ContentItems.ToList();

        Assert.True(lines.Count >= 3);
        Assert.Equal("Start", lines[0].Text);
        Assert.All(lines, l => Assert.True(l.Width <= Theme.ContentWidth + 0.01f));
        Assert.Equal(word + " end", string.Concat(lines.Skip(1).Select(l => l.Text)));
    }

    [Fact]
    public void Paragraph_BoldRun_KeepsSpacesBetweenRuns()
    {
        var layout = Layout(new PdfParagraph("The committee is asked to ", new PdfTextRun("approve", Bold: true), " the allocation."));

        Assert.Equal("The committee is asked to approve the allocation.", layout.Pages[0].ContentItems.Single().Text);
    }

    [Fact]
    public void Heading_IsNeverTheLastThingOnAPage()
    {
        var blocks = new List<PdfBlock>();
        for (var i = 1; i <= 60; i++)
        {
            blocks.Add(new PdfHeading(i % 3 == 0 ? 2 : 1, $"Section {i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            blocks.Add(new PdfParagraph(Words(20 + (i * 7 % 90), i)));
        }

        var layout = Layout([.. blocks]);

        Assert.True(layout.PageCount > 3);
        foreach (var page in layout.Pages.SkipLast(1))
        {
            var last = page.ContentItems.Last();
            Assert.NotEqual(PdfItemKind.Heading, last.Kind);
        }

        // A heading is followed on its own page by at least one line of what it introduces.
        foreach (var page in layout.Pages)
        {
            var items = page.ContentItems.ToList();
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].Kind == PdfItemKind.Heading)
                {
                    Assert.True(i + 1 < items.Count, $"heading '{items[i].Text}' ends page {page.Number}");
                }
            }
        }
    }

    [Fact]
    public void Heading_FollowedByTable_MovesWithTheTableHeaderAndFirstRow()
    {
        var filler = new PdfParagraph(Words(560));
        var layout = Layout(filler, new PdfHeading(2, "ARRS claims", "3.2"), MoneyTable(10));

        var headingPage = layout.Pages.Single(p => p.ContentItems.Any(i => i.Kind == PdfItemKind.Heading));
        var items = headingPage.ContentItems.SkipWhile(i => i.Kind != PdfItemKind.Heading).ToList();
        Assert.Equal(PdfItemKind.TableHeaderRow, items[1].Kind);
        Assert.Equal(PdfItemKind.TableRow, items[2].Kind);
    }

    [Fact]
    public void Heading_WithShortIntroBeforeTable_MovesWithIntroAndTableStart()
    {
        // Leaves 70pt: room for the heading and its one-line intro, not for the table's header and first row as well.
        var filler = new PdfSpacer(Theme.ContentHeight - 70);
        var layout = Layout(filler, new PdfHeading(1, "Maturity", "3"), new PdfParagraph("Darker cells show a more mature domain."), MoneyTable(10));

        var headingPage = layout.Pages.Single(p => p.ContentItems.Any(i => i.Kind == PdfItemKind.Heading));
        var items = headingPage.ContentItems.SkipWhile(i => i.Kind != PdfItemKind.Heading).Select(i => i.Kind).Take(4);
        Assert.Equal([PdfItemKind.Heading, PdfItemKind.TextLine, PdfItemKind.TableHeaderRow, PdfItemKind.TableRow], items);
    }

    [Fact]
    public void Table_NarrowColumn_WidensSoNoHeaderWordBreaks_TakingRoomFromWideColumns()
    {
        // The ARRS maximums table: at its share of the width "Reimbursed" broke as "Reimburs/ed".
        var arrs = new PdfTable(
            [new PdfTableColumn("Role", 2.4f), new PdfTableColumn("From", 1.2f), new PdfTableColumn("Reimbursed", 0.9f, PdfAlignment.Right),
             new PdfTableColumn("Maximum", 1.1f, PdfAlignment.Right), new PdfTableColumn("Status of the figure", 2.6f)],
            [["Care coordinator", "1 April 2026", "100%", "£33,396.00", "maximum for 2026/27 carried forward from 1 July 2023"]]);
        var oneWord = new PdfTable([new PdfTableColumn("Reimbursed")], [["100%"]]);

        var header = Layout(arrs).Pages[0].ContentItems.Single(i => i.Kind == PdfItemKind.TableHeaderRow);
        var oneLine = Layout(oneWord).Pages[0].ContentItems.Single(i => i.Kind == PdfItemKind.TableHeaderRow);

        Assert.Equal(oneLine.Height, header.Height, 0.01f);
    }

    [Fact]
    public void Table_1300Rows_NationalRegisterSize_EveryPageStartsWithTheHeaderAndNoRowIsLost()
    {
        var layout = Layout(new PdfHeading(1, "National register", "A"), MoneyTable(1300));

        Assert.All(layout.Pages.Skip(1), p => Assert.Equal(PdfItemKind.TableHeaderRow, p.ContentItems.First().Kind));
        Assert.All(layout.Pages, p => Assert.Single(p.ContentItems, i => i.Kind == PdfItemKind.TableHeaderRow));
        Assert.All(layout.Pages, p => Assert.All(p.ContentItems, i => Assert.True(i.Bottom <= Theme.ContentBottom + 0.01f)));
        var rows = layout.Pages.SelectMany(p => p.ContentItems).Where(i => i.Kind == PdfItemKind.TableRow).ToList();
        Assert.Equal(Enumerable.Range(0, 1300), rows.Select(r => r.RowIndex!.Value));
        Assert.DoesNotContain(rows, r => r.IsSplitRow);
    }

    [Fact]
    public void Table_200Rows_SpansPagesAndEveryPageStartsWithTheHeader()
    {
        var layout = Layout(MoneyTable(200));

        Assert.True(layout.PageCount >= 4, $"expected several pages, got {layout.PageCount}");
        foreach (var page in layout.Pages)
        {
            var first = page.ContentItems.First();
            Assert.Equal(PdfItemKind.TableHeaderRow, first.Kind);
            Assert.Equal("PCN | ODS code | Claimed | Maximum", first.Text);
            Assert.Equal(Theme.ContentTop, first.Top, 0.01f);
        }

        var rows = layout.Pages.SelectMany(p => p.ContentItems).Where(i => i.Kind == PdfItemKind.TableRow).ToList();
        Assert.Equal(Enumerable.Range(0, 200), rows.Select(r => r.RowIndex!.Value));
    }

    [Fact]
    public void Table_200SingleLineRows_PageCountMatchesRowsPerPage()
    {
        var layout = Layout(MoneyTable(200));
        var row = layout.Pages[0].ContentItems.First(i => i.Kind == PdfItemKind.TableRow);
        var header = layout.Pages[0].ContentItems.First();
        var rowsPerPage = (int)((Theme.ContentHeight - header.Height + 0.01f) / row.Height);
        var expectedPages = (int)Math.Ceiling(200d / rowsPerPage);

        Assert.Equal(expectedPages, layout.PageCount);
        Assert.All(layout.Pages.SkipLast(1), p => Assert.Equal(rowsPerPage, p.ContentItems.Count(i => i.Kind == PdfItemKind.TableRow)));
    }

    [Fact]
    public void Table_RowsAreNeverSplitAcrossPages()
    {
        var rows = Enumerable.Range(0, 60).Select(i => (IReadOnlyList<PdfTableCell>)
            [new PdfTableCell($"Risk {i}"), new PdfTableCell(Words(10 + (i * 13 % 60), i)), new PdfTableCell("12")]).ToList();
        var table = new PdfTable([new PdfTableColumn("Risk", 1), new PdfTableColumn("Mitigating actions", 4), new PdfTableColumn("Score", 0.6f, PdfAlignment.Right)], rows);

        var layout = Layout(new PdfParagraph(Words(80)), table);

        var placed = layout.Pages.SelectMany(p => p.ContentItems.Where(i => i.Kind == PdfItemKind.TableRow)).ToList();
        Assert.Equal(60, placed.Count);
        Assert.All(placed, r => Assert.False(r.IsSplitRow));
        Assert.All(layout.Pages, p => Assert.All(p.ContentItems, i => Assert.True(i.Bottom <= Theme.ContentBottom + 0.01f)));
        Assert.True(layout.PageCount > 1);
    }

    [Fact]
    public void Table_RowTallerThanAPage_IsSplitAsALastResort()
    {
        var table = new PdfTable([new PdfTableColumn("Risk", 1), new PdfTableColumn("Mitigating actions", 3)],
            [["Short", "Fine"], ["Huge", Words(2500)], ["After", "Fine"]]);

        var layout = Layout(table);

        var parts = layout.Pages.SelectMany(p => p.ContentItems).Where(i => i.RowIndex == 1).ToList();
        Assert.True(parts.Count >= 2);
        Assert.All(parts, r => Assert.True(r.IsSplitRow));
        Assert.All(layout.Pages, p => Assert.All(p.ContentItems, i => Assert.True(i.Bottom <= Theme.ContentBottom + 0.01f)));
        Assert.All(layout.Pages, p => Assert.Equal(PdfItemKind.TableHeaderRow, p.ContentItems.First().Kind));
        var words = string.Join(' ', parts.Select(p => p.Text.Split(" | ")[1]));
        Assert.Equal(Words(2500), words);
    }

    [Fact]
    public void Footer_ShowsPageXOfYOnEveryPage()
    {
        var layout = Layout(MoneyTable(200));

        Assert.All(layout.Pages, p =>
        {
            Assert.Equal($"Page {p.Number} of {layout.PageCount}", p.FooterRight);
            Assert.Contains(p.Items, i => i.Kind == PdfItemKind.Footer && i.Text == p.FooterRight);
        });
    }

    [Fact]
    public void ContentsList_GivesEachHeadingItsPage()
    {
        var layout = Layout(
            new PdfContentsList(),
            new PdfHeading(1, "Background", "1"),
            new PdfParagraph(Words(50)),
            new PdfPageBreak(),
            new PdfHeading(1, "Finance", "2"),
            new PdfHeading(2, "ARRS position", "2.1"),
            new PdfParagraph(Words(50)));

        Assert.Equal(["1 Background", "2 Finance", "2.1 ARRS position"], layout.Contents.Select(c => c.Text));
        Assert.Equal([1, 2, 2], layout.Contents.Select(c => c.PageNumber));
        Assert.Equal(3, layout.Pages[0].ContentItems.Count(i => i.Kind == PdfItemKind.ContentsEntry));
    }

    [Fact]
    public void PageBreak_StartsANewPage_ButNotAnEmptyOne()
    {
        var layout = Layout(new PdfPageBreak(), new PdfParagraph("One"), new PdfPageBreak(), new PdfPageBreak(), new PdfParagraph("Two"));

        Assert.Equal(2, layout.PageCount);
        Assert.Equal("Two", layout.Pages[1].ContentItems.Single().Text);
    }

    [Fact]
    public void KeyValueTable_PutsLabelAndContentInOneRow()
    {
        var layout = Layout(new PdfKeyValueTable(
            new PdfKeyValueRow("Purpose", "Decision"),
            new PdfKeyValueRow("Key points", [new PdfParagraph("This paper covers:"), new PdfBulletList("Workforce baseline", "Additional roles")])));

        var rows = layout.Pages[0].ContentItems.Where(i => i.Kind == PdfItemKind.KeyValueRow).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("Key points | This paper covers: Workforce baseline Additional roles", rows[1].Text);
    }

    [Fact]
    public void ConfidentialMarking_IsOnEveryPage()
    {
        var model = Document(MoneyTable(120));
        model = new PdfDocumentModel
        {
            Metadata = model.Metadata,
            ConfidentialMarking = "PART II – CONFIDENTIAL",
            Blocks = model.Blocks,
        };

        var layout = new PdfLayoutEngine().Layout(model);

        Assert.All(layout.Pages, p => Assert.Equal(2, p.Items.Count(i => i.Kind == PdfItemKind.Marking && i.Text == "PART II – CONFIDENTIAL")));
    }
}
