using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Features.Papers;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Papers.Sections;

/// <summary>A section's heading and text, changed after it was added.</summary>
public sealed class SectionTextForm
{
    public string? Title { get; set; }

    public string? Body { get; set; }
}

/// <summary>The heading is required; whether a free-text section's text may be empty is checked by the paper service.</summary>
public sealed class SectionTextFormValidator : AbstractValidator<SectionTextForm>
{
    public SectionTextFormValidator()
    {
        RuleFor(f => f.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter the section's heading");
        RuleFor(f => f.Title).Must(t => (t ?? "").Trim().Length <= 200).WithMessage("Heading must be 200 characters or fewer");
        RuleFor(f => f.Body).MaximumLength(20000).WithMessage("Text must be 20,000 characters or fewer");
    }
}

/// <summary>Edit a section's heading and text until the paper is finalised.</summary>
[Authorize(Policy = PortalPolicies.PapersEdit)]
public sealed class EditModel(PaperDocumentBuilder builder, PaperService papers, IValidator<SectionTextForm> validator) : PageModel
{
    [BindProperty]
    public SectionTextForm Input { get; set; } = new();

    public CommitteePaper Paper { get; private set; } = null!;

    public PaperSection Section { get; private set; } = null!;

    /// <summary>Set when the paper is finalised: why the section cannot be changed (the form is not shown).</summary>
    public string? Frozen { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int sectionId)
    {
        if (!await LoadAsync(id, sectionId))
        {
            return NotFound();
        }

        Input = new SectionTextForm { Title = Section.Title, Body = Section.Body };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int sectionId)
    {
        if (!await LoadAsync(id, sectionId))
        {
            return NotFound();
        }

        if (Frozen is not null)
        {
            ModelState.AddModelError(string.Empty, Frozen);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var validation = await validator.ValidateAsync(Input);
        if (!validation.IsValid)
        {
            return this.PageWithErrors(validation);
        }

        var result = await papers.EditSectionAsync(Paper, sectionId, Input.Title, Input.Body, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            return this.PageWithErrors(result.Errors);
        }

        TempData["Success"] = $"Section saved: {Section.Title}.";
        return Redirect($"/papers/{id}#sections");
    }

    private async Task<bool> LoadAsync(int id, int sectionId)
    {
        var paper = await builder.LoadPaperAsync(id, HttpContext.RequestAborted);
        var section = paper?.Sections.FirstOrDefault(s => s.Id == sectionId);
        if (paper is null || section is null)
        {
            return false;
        }

        Paper = paper;
        Section = section;
        Frozen = paper.Status == PaperStatus.Finalised ? PaperService.FinalisedSectionMessage(paper) : null;
        return true;
    }
}
