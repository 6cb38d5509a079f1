using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Features.Papers;
using PcnPortal.Web.Infrastructure.Pdf;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Papers;

/// <summary>The paper in the browser, rendered from the same document model as the PDF.</summary>
[Authorize(Policy = PortalPolicies.Papers)]
public sealed class PreviewModel(PaperDocumentBuilder builder, PaperService papers, ICurrentUser currentUser) : PageModel
{
    public CommitteePaper Paper { get; private set; } = null!;

    public PdfDocumentModel Document { get; private set; } = null!;

    public IReadOnlyList<PdfHeading> Headings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var paper = await builder.LoadPaperAsync(id, HttpContext.RequestAborted);
        if (paper is null || !PaperAccess.CanSee(currentUser, paper))
        {
            return NotFound();
        }

        Paper = paper;
        Document = await papers.DocumentAsync(paper, HttpContext.RequestAborted);
        Headings = Flatten(Document.Blocks).OfType<PdfHeading>().ToList();
        return Page();
    }

    private static IEnumerable<PdfBlock> Flatten(IEnumerable<PdfBlock> blocks) => blocks;
}
