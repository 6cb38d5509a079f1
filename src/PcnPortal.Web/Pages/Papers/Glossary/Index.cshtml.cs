using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Features.Papers;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Papers.Glossary;

/// <summary>The managed glossary. Secretaries and administrators add and remove terms; other commissioners read.</summary>
[Authorize(Policy = PortalPolicies.Papers)]
public sealed class IndexModel(PortalDbContext db, ICurrentUser currentUser) : PageModel
{
    public List<GlossaryTerm> Terms { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [BindProperty]
    public string? Term { get; set; }

    [BindProperty]
    public string? Meaning { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!PaperAccess.CanEdit(currentUser))
        {
            return Forbid();
        }

        var term = Term?.Trim() ?? "";
        if (term.Length == 0)
        {
            ModelState.AddModelError(nameof(Term), "Enter the term or abbreviation");
        }
        else if (term.Length > 60)
        {
            ModelState.AddModelError(nameof(Term), "Term must be 60 characters or fewer");
        }
        else if (await db.GlossaryTerms.AnyAsync(t => t.Term == term))
        {
            ModelState.AddModelError(nameof(Term), $"The glossary already has '{term}'");
        }

        if (string.IsNullOrWhiteSpace(Meaning))
        {
            ModelState.AddModelError(nameof(Meaning), "Enter what the term means");
        }
        else if (Meaning.Length > 1000)
        {
            ModelState.AddModelError(nameof(Meaning), "Meaning must be 1,000 characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        db.GlossaryTerms.Add(new GlossaryTerm { Term = term, Meaning = Meaning!.Trim() });
        await db.SaveChangesAsync();
        TempData["Success"] = $"'{term}' added to the glossary.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int termId)
    {
        if (!PaperAccess.CanEdit(currentUser))
        {
            return Forbid();
        }

        var term = await db.GlossaryTerms.FindAsync(termId);
        if (term is not null)
        {
            db.GlossaryTerms.Remove(term);
            await db.SaveChangesAsync();
            TempData["Success"] = $"'{term.Term}' removed from the glossary. Finalised papers keep the terms they were finalised with.";
        }

        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        CanEdit = PaperAccess.CanEdit(currentUser);
        Terms = await db.GlossaryTerms.AsNoTracking().OrderBy(t => t.Term).ToListAsync();
    }
}
