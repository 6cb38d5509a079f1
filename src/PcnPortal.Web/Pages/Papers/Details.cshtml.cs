using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Features.Papers;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Papers;

/// <summary>A paper: cover sheet, sections (reorder and remove for editors), risks and finalised versions.</summary>
[Authorize(Policy = PortalPolicies.Papers)]
public sealed class DetailsModel(PortalDbContext db, PaperDocumentBuilder builder, PaperService papers, PaperDataSections dataSections, ICurrentUser currentUser) : PageModel
{
    public CommitteePaper Paper { get; private set; } = null!;

    public List<FinalisedPaperVersion> Versions { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public string DataTitle(string? key) => dataSections.Find(key)?.Title ?? $"Unknown data section ({key})";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Versions = await db.FinalisedPaperVersions.AsNoTracking().Where(v => v.PaperId == id).OrderByDescending(v => v.VersionNumber)
            .Select(v => new FinalisedPaperVersion { VersionNumber = v.VersionNumber, FinalisedAtUtc = v.FinalisedAtUtc, FinalisedBy = v.FinalisedBy, Title = v.Title, SnapshotJson = "", Pdf = Array.Empty<byte>() })
            .ToListAsync();
        return Page();
    }

    public Task<IActionResult> OnPostMoveUpAsync(int id, int sectionId) => EditAsync(id, p => papers.MoveSectionAsync(p, sectionId, -1, HttpContext.RequestAborted), "Section moved up.");

    public Task<IActionResult> OnPostMoveDownAsync(int id, int sectionId) => EditAsync(id, p => papers.MoveSectionAsync(p, sectionId, 1, HttpContext.RequestAborted), "Section moved down.");

    public Task<IActionResult> OnPostRemoveAsync(int id, int sectionId) => EditAsync(id, p => papers.RemoveSectionAsync(p, sectionId, HttpContext.RequestAborted), "Section removed.");

    public Task<IActionResult> OnPostRemoveRiskAsync(int id, int riskId) => EditAsync(id, p => papers.RemoveRiskAsync(p, riskId, HttpContext.RequestAborted), "Risk removed.");

    private async Task<IActionResult> EditAsync(int id, Func<CommitteePaper, Task> change, string message)
    {
        if (!PaperAccess.CanEdit(currentUser))
        {
            return Forbid();
        }

        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await change(Paper);
        TempData["Success"] = message;
        return Redirect($"/papers/{id}#sections");
    }

    private async Task<bool> LoadAsync(int id)
    {
        var paper = await builder.LoadPaperAsync(id, HttpContext.RequestAborted);
        if (paper is null || !PaperAccess.CanSee(currentUser, paper))
        {
            return false;
        }

        Paper = paper;
        CanEdit = PaperAccess.CanEdit(currentUser);
        return true;
    }
}
