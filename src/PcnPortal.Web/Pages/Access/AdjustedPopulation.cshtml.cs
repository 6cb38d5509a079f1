using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Features.Access;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Access;

/// <summary>The contracts team records a PCN's adjusted population as at a date (enhanced access is worked out from it).</summary>
[Authorize(Policy = PortalPolicies.Contracts)]
public sealed class AdjustedPopulationModel(PortalDbContext db, AccessPopulationService populations, TimeProvider clock, IValidator<AdjustedPopulationForm> validator) : PageModel
{
    [BindProperty]
    public AdjustedPopulationForm Input { get; set; } = new();

    public string PcnCode { get; private set; } = "";

    public string PcnName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        Input.AsAt = DateParts.From(new DateOnly(clock.Today().Year, 1, 1));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            return this.PageWithErrors(validation);
        }

        var population = int.Parse(Input.Population!.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture);
        var result = await populations.RecordAsync(code, Input.AsAt.Date!.Value, population, Input.Source!.Trim(), cancellationToken);
        if (!result.Succeeded)
        {
            return this.PageWithErrors(result.Errors);
        }

        TempData["Success"] = $"The adjusted population of {PcnName} as at {FormValues.Date(Input.AsAt.Date!.Value)} is recorded.";
        return Redirect($"/access/pcns/{PcnCode}");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var pcn = await db.Pcns.AsNoTracking().Where(p => p.Code == code).Select(p => new { p.Code, p.Name }).SingleOrDefaultAsync(cancellationToken);
        PcnCode = pcn?.Code ?? "";
        PcnName = pcn?.Name ?? "";
        return pcn is not null;
    }
}

public sealed class AdjustedPopulationForm
{
    public DateParts AsAt { get; set; } = new();

    public string? Population { get; set; }

    public string? Source { get; set; }
}

public sealed class AdjustedPopulationFormValidator : AbstractValidator<AdjustedPopulationForm>
{
    public AdjustedPopulationFormValidator()
    {
        RuleFor(f => f.AsAt).ValidDate("the date the adjusted population is as at");
        RuleFor(f => f.Population)
            .Must(p => int.TryParse(p?.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 2_000_000)
            .WithMessage("Enter the adjusted population as a whole number from 1 to 2,000,000, for example 45,120.");
        RuleFor(f => f.Source).NotEmpty().WithMessage("Enter where the figure comes from, for example 'NHS England PCN adjusted populations, January 2023'.")
            .MaximumLength(300).WithMessage("Enter 300 characters or fewer.");
    }
}
