using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Features.Papers;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Papers.Sections;

public sealed class SectionForm
{
    public string? Kind { get; set; }

    public string? Title { get; set; }

    public string? Body { get; set; }

    public string? DataKey { get; set; }

    public string? AsAt { get; set; }

    public bool ShowDetail { get; set; }

    public bool AllEngland { get; set; }

    public bool IsAppendix { get; set; }
}

[Authorize(Policy = PortalPolicies.PapersEdit)]
public sealed class AddModel(PortalDbContext db, PaperDocumentBuilder builder, PaperDataSections dataSections) : PageModel
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
        Input.AsAt = paper.Meeting!.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
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
        var kindOk = Enum.TryParse<PaperSectionKind>(Input.Kind, out var kind) && Enum.IsDefined(kind);
        IPaperDataSection? source = null;
        DateOnly? asAt = null;
        if (!kindOk)
        {
            ModelState.AddModelError("Input.Kind", "Select what the section contains");
        }

        var title = (Input.Title ?? "").Trim();
        if (kind == PaperSectionKind.Data)
        {
            source = dataSections.Find(Input.DataKey);
            if (source is null)
            {
                ModelState.AddModelError("Input.DataKey", "Select the data to show");
            }

            if (DateOnly.TryParseExact(Input.AsAt?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                asAt = d;
            }
            else
            {
                ModelState.AddModelError("Input.AsAt", "Enter the date the data is taken as at, like 2026-11-01");
            }

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
        else if (title.Length > 200)
        {
            ModelState.AddModelError("Input.Title", "Heading must be 200 characters or fewer");
        }

        if (Input.Body?.Length > 20000)
        {
            ModelState.AddModelError("Input.Body", "Text must be 20,000 characters or fewer");
        }

        if (kind == PaperSectionKind.Text && string.IsNullOrWhiteSpace(Input.Body))
        {
            ModelState.AddModelError("Input.Body", "Enter the section's text");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
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
