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

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var paper = await builder.LoadPaperAsync(id, HttpContext.RequestAborted);
        if (paper is null)
        {
            return NotFound();
        }

        Paper = paper;
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

        var result = await papers.FinaliseAsync(paper, currentUser.Name, HttpContext.RequestAborted);
        if (!result.Finalised)
        {
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
