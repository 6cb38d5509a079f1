using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Features.Papers;
using PcnPortal.Web.Infrastructure.Pdf;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure.Pdf;
using UglyToad.PdfPig;

namespace PcnPortal.Web.Tests.Infrastructure.DemoData;

/// <summary>
/// What issue 16 asks of a committee paper's PDF, checked on every paper the demo CCG seeds (as exported from
/// /papers/{id}/pdf): tagged, headings in the paper's order, outline, language, title, PDF/UA identification, figures
/// with alternative text, header cells, no rule codes, blank optional cover fields left out, no header word broken.
/// </summary>
public sealed partial class DemoPaperPdfTests(DemoPortalFactory factory) : IClassFixture<DemoPortalFactory>
{
    [Fact]
    public async Task EveryDemoPaper_IsATaggedPdf_WithWhatACommitteePaperMustHave()
    {
        var papers = await factory.WithDbAsync(db => db.CommitteePapers.Include(p => p.Sections).AsNoTracking().ToListAsync());
        Assert.True(papers.Count >= 2, "The demo seeds two papers.");
        var secretary = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommitteeSecretary));

        foreach (var paper in papers)
        {
            var pdf = await (await secretary.GetAsync($"/papers/{paper.Id}/pdf")).Content.ReadAsByteArrayAsync();
            var info = Poppler.RunOn(pdf, "pdfinfo");
            Assert.Contains("Tagged:          yes", info);
            Assert.Contains($"Title:           {paper.Title}", info);
            Assert.Contains("<pdfuaid:part>1</pdfuaid:part>", Poppler.RunOn(pdf, "pdfinfo", "-meta", "{pdf}"), StringComparison.Ordinal);
            var raw = Encoding.Latin1.GetString(pdf);
            Assert.Contains("/Lang(en-GB)", raw, StringComparison.Ordinal);

            // Headings: one H1 a section, in the paper's order (numbered sections, then appendices), and the outline the same.
            var ordered = paper.Sections.OrderBy(s => s.IsAppendix).ThenBy(s => s.Position).Select(s => s.Title).ToList();
            var structure = PdfStructure.Read(pdf);
            var h1 = structure.Where(n => n.Tag == "H1").Select(n => n.AllText).ToList();
            Assert.Equal(ordered.Count, h1.Count);
            Assert.All(ordered.Zip(h1), pair => Assert.EndsWith(pair.First, pair.Second, StringComparison.Ordinal));
            using (var document = PdfDocument.Open(pdf))
            {
                Assert.True(document.TryGetBookmarks(out var bookmarks));
                Assert.Equal(h1, bookmarks.Roots.Select(b => b.Title));
            }

            // Every figure carries alternative text; every data table has header cells.
            var figures = structure.Count(n => n.Tag == "Figure");
            Assert.True(figures > 0, $"{paper.Title}: no chart");
            Assert.Equal(figures, FigureWithAlt().Matches(raw).Count);
            for (var i = 0; i < structure.Count; i++)
            {
                if (structure[i].Tag == "Table")
                {
                    var inside = structure.Skip(i + 1).TakeWhile(n => n.Depth > structure[i].Depth);
                    Assert.True(inside.Any(n => n.Tag == "TH"), $"{paper.Title}: a table without header cells: {structure[i].AllText[..Math.Min(80, structure[i].AllText.Length)]}");
                }
            }

            var text = Poppler.Text(pdf);
            Assert.DoesNotMatch(RuleCode(), text);
            foreach (var field in CoverSheet.Fields.Where(f => !f.Required && string.IsNullOrWhiteSpace(f.Read(paper))))
            {
                Assert.DoesNotContain(field.Label, text, StringComparison.Ordinal);
            }

            // A chart's labels are drawn whole: no maturity domain cut short with an ellipsis above the heatmap.
            Assert.DoesNotContain("…", text, StringComparison.Ordinal);

            // No word of a table's header is broken over lines ("Reimburs/ed"): each stands whole on a line of the text.
            using var scope = factory.Services.CreateScope();
            var builder = scope.ServiceProvider.GetRequiredService<PaperDocumentBuilder>();
            var loaded = await builder.LoadPaperAsync(paper.Id, CancellationToken.None);
            var model = builder.Build(loaded!, await builder.LiveDataAsync(loaded!, CancellationToken.None), DateTime.UtcNow);
            var words = text.Split((char[])['\n', ' ', '\f'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            foreach (var header in model.Blocks.OfType<PdfTable>().SelectMany(t => t.Columns).SelectMany(c => c.Header.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct())
            {
                Assert.True(words.Contains(header), $"{paper.Title}: the header word '{header}' is broken or missing");
            }
        }
    }

    [GeneratedRegex(@"\b[A-Z]{2,}(?:-[A-Z0-9]+)+\b")]
    private static partial Regex RuleCode();

    [GeneratedRegex(@"/S\s*/Figure[^>]*/Alt\s*\(.{40,}?\)")]
    private static partial Regex FigureWithAlt();
}
