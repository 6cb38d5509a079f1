using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Features.Papers;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Papers;

/// <summary>The managed glossary. Secretaries and administrators add and remove terms; other commissioners read.</summary>
[Authorize(Policy = PortalPolicies.Papers)]
public sealed class GlossaryModel(PortalDbContext db, ICurrentUser currentUser, IValidator<GlossaryModel.TermForm> validator) : PageModel
{
    public List<GlossaryTerm> Terms { get; private set; } = [];

    public bool CanEdit { get; private set; }

    /// <summary>Bound without a prefix: the fields are "Term" and "Meaning".</summary>
    [BindProperty(Name = "")]
    public TermForm Input { get; set; } = new();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!PaperAccess.CanEdit(currentUser))
        {
            return Forbid();
        }

        ModelState.AddErrors(await validator.ValidateAsync(Input), prefix: "");
        var term = Input.Term?.Trim() ?? "";
        if (!ModelState.HasError("Term") && await db.GlossaryTerms.AnyAsync(t => t.Term == term))
        {
            ModelState.AddModelError("Term", $"The glossary already has '{term}'");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return this.PageWithErrors();
        }

        db.GlossaryTerms.Add(new GlossaryTerm { Term = term, Meaning = Input.Meaning!.Trim() });
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

    public sealed class TermForm
    {
        public string? Term { get; set; }

        public string? Meaning { get; set; }
    }

    public sealed class TermFormValidator : AbstractValidator<TermForm>
    {
        public TermFormValidator()
        {
            RuleFor(f => f.Term).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter the term or abbreviation")
                .Must(t => (t?.Trim().Length ?? 0) <= 60).WithMessage("Term must be 60 characters or fewer");
            RuleFor(f => f.Meaning).Must(m => !string.IsNullOrWhiteSpace(m)).WithMessage("Enter what the term means")
                .MaximumLength(1000).WithMessage("Meaning must be 1,000 characters or fewer");
        }
    }
}
