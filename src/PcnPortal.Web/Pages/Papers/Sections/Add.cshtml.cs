using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Features.Papers;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Papers.Sections;

public sealed class SectionForm
{
    public string? Kind { get; set; }

    public string? Title { get; set; }

    public string? Body { get; set; }

    public string? DataKey { get; set; }

    public DateParts AsAt { get; set; } = new();

    public bool ShowDetail { get; set; }

    public bool AllEngland { get; set; }

    public bool IsAppendix { get; set; }

    internal PaperSectionKind? ParsedKind => Enum.TryParse<PaperSectionKind>(Kind, out var kind) && Enum.IsDefined(kind) ? kind : null;
}

/// <summary>The section's fields; the data source is checked by the page against the registered data sections.</summary>
public sealed class SectionFormValidator : AbstractValidator<SectionForm>
{
    public SectionFormValidator()
    {
        RuleFor(f => f.Kind).Must((f, _) => f.ParsedKind is not null).WithMessage("Select what the section contains");
        RuleFor(f => f.AsAt).ValidDate("the date the data is taken as at").When(f => f.ParsedKind == PaperSectionKind.Data);
        RuleFor(f => f.Title).Must(t => (t ?? "").Trim().Length <= 200).WithMessage("Heading must be 200 characters or fewer");
        RuleFor(f => f.Body).MaximumLength(20000).WithMessage("Text must be 20,000 characters or fewer");
        RuleFor(f => f.Body).Must(b => !string.IsNullOrWhiteSpace(b)).When(f => f.ParsedKind == PaperSectionKind.Text).WithMessage("Enter the section's text");
    }
}

[Authorize(Policy = PortalPolicies.PapersEdit)]
public sealed class AddModel(PortalDbContext db, PaperDocumentBuilder builder, PaperDataSections dataSections, IValidator<SectionForm> validator) : PageModel
{
    [BindProperty]
    public SectionForm Input { get; set; } = new() { Kind = nameof(PaperSectionKind.Text) };

    public CommitteePaper Paper { get; private set; } = null!;

    public IReadOnlyList<IPaperDataSection> DataSections => dataSections.All;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var paper = await builder.LoadPaperAsync(id, HttpContext.RequestAborted);
        if (paper is null)
        {
            return NotFound();
        }

        Paper = paper;
        Input.AsAt = DateParts.From(paper.Meeting!.Date);
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
        ModelState.AddErrors(await validator.ValidateAsync(Input));
        var kindOk = Input.ParsedKind is not null;
        var kind = Input.ParsedKind ?? default;
        IPaperDataSection? source = null;
        DateOnly? asAt = null;

        var title = (Input.Title ?? "").Trim();
        if (kind == PaperSectionKind.Data)
        {
            source = dataSections.Find(Input.DataKey);
            if (source is null)
            {
                ModelState.AddModelError("Input.DataKey", "Select the data to show");
            }

            asAt = Input.AsAt.Date;

            if (title.Length == 0 && source is not null)
            {
                title = source.Title;
            }
        }
        else if (kindOk && title.Length == 0)
        {
            title = kind switch
            {
                PaperSectionKind.RiskTable => "Risk implications",
                PaperSectionKind.Glossary => "Glossary of terms and abbreviations",
                _ => "",
            };
        }

        if (kindOk && title.Length == 0)
        {
            ModelState.AddModelError("Input.Title", "Enter the section's heading");
        }

        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        paper.BeginEdit();
        paper.Sections.Add(new PaperSection
        {
            Position = paper.Sections.Count == 0 ? 1 : paper.Sections.Max(s => s.Position) + 1,
            Kind = kind,
            Title = title,
            Body = string.IsNullOrWhiteSpace(Input.Body) ? null : Input.Body.Trim(),
            DataKey = source?.Key,
            AsAt = asAt,
            ShowDetail = source is not null && Input.ShowDetail,
            AllEngland = source?.AllEnglandOption is not null && Input.AllEngland,
            IsAppendix = Input.IsAppendix,
        });
        await db.SaveChangesAsync();
        TempData["Success"] = $"Section added: {title}.";
        return Redirect($"/papers/{id}#sections");
    }
}
