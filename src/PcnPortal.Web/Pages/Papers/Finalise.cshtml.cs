using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Features.Papers;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Papers;

[Authorize(Policy = PortalPolicies.PapersEdit)]
public sealed class FinaliseModel(PaperDocumentBuilder builder, PaperService papers, ICurrentUser currentUser) : PageModel
{
    public CommitteePaper Paper { get; private set; } = null!;

    /// <summary>Data sections that are empty or draw on figures that are not published, one sentence each.</summary>
    public IReadOnlyList<string> Unverified { get; private set; } = [];

    /// <summary>The secretary's acknowledgement that the paper goes with those sections as they are (printed in it).</summary>
    [BindProperty]
    public bool AcknowledgeUnverified { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var paper = await builder.LoadPaperAsync(id, HttpContext.RequestAborted);
        if (paper is null)
        {
            return NotFound();
        }

        Paper = paper;
        if (paper.Status != PaperStatus.Finalised)
        {
            Unverified = PaperDocumentBuilder.UnverifiedSections(paper, await builder.LiveDataAsync(paper, HttpContext.RequestAborted));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var paper = await builder.LoadPaperAsync(id, HttpContext.RequestAborted);
        if (paper is null)
        {
            return NotFound();
        }

        Paper = paper;
        if (paper.Status == PaperStatus.Finalised)
        {
            ModelState.AddModelError(string.Empty, $"Version {paper.PaperVersion} is already finalised. Edit the paper to start a new draft version.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var result = await papers.FinaliseAsync(paper, currentUser.Name, HttpContext.RequestAborted, AcknowledgeUnverified);
        if (!result.Finalised)
        {
            Unverified = result.Unverified ?? [];
            if (Unverified.Count > 0)
            {
                ModelState.AddModelError(nameof(AcknowledgeUnverified),
                    "Some sections are empty or use figures that are not published. Fix them, or tick the box to finalise with them as they are (the paper will say so)");
            }

            foreach (var field in result.Missing)
            {
                ModelState.AddModelError("Input." + field.Name, $"Enter '{field.Label}' on the cover sheet before finalising");
            }

            return this.PageWithErrors();
        }

        TempData["Success"] = $"Version {result.Version} finalised. Its data and PDF are frozen; editing the paper starts version {result.Version + 1}.";
        return Redirect($"/papers/{id}#versions");
    }
}
