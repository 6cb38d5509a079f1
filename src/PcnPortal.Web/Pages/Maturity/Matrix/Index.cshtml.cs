using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Maturity;
using PcnPortal.Web.Features.Maturity;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Maturity.Matrix;

[Authorize(Policy = PortalPolicies.Administration)]
public sealed class IndexModel(PortalDbContext db, TimeProvider clock, IValidator<IndexModel.YearForm> validator) : PageModel
{
    public List<(int Id, string Name, int? FromYear, int Rounds)> Versions { get; private set; } = [];

    /// <summary>Bound without a prefix: the field is "Year".</summary>
    [BindProperty(Name = "")]
    public YearForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Adds a version for a year, copying the latest version's descriptors for the administrator to edit.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.AddErrors(await validator.ValidateAsync(Input, cancellationToken), prefix: "");
        if (FinancialYear.TryParse(Input.Year, out var year) && await db.MatrixVersions.AnyAsync(v => v.FromYear == year.StartYear, cancellationToken))
        {
            ModelState.AddModelError("Year", $"There is already a matrix version for {year}");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return this.PageWithErrors();
        }

        var latest = await db.MatrixVersions.Include(v => v.Descriptors).OrderByDescending(v => v.FromYear ?? 0).ThenByDescending(v => v.Id).FirstAsync(cancellationToken);
        var version = new MatrixVersion
        {
            Name = $"PCN maturity matrix {year}",
            FromYear = year.StartYear,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Descriptors = [.. latest.Descriptors.Select(d => new MatrixDescriptor { Domain = d.Domain, Step = d.Step, ForPcns = d.ForPcns, ForSystems = d.ForSystems })],
        };
        db.MatrixVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{version.Name} added, copied from {latest.Name}. Edit its descriptors below.";
        return Redirect($"/maturity/matrix/{version.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var rows = await db.MatrixVersions.AsNoTracking().OrderBy(v => v.FromYear ?? 0).ThenBy(v => v.Id)
            .Select(v => new { v.Id, v.Name, v.FromYear, Rounds = db.AssessmentRounds.Count(r => r.MatrixVersionId == v.Id) })
            .ToListAsync(cancellationToken);
        Versions = [.. rows.Select(r => (r.Id, r.Name, r.FromYear, r.Rounds))];
    }

    public sealed class YearForm
    {
        public string? Year { get; set; }
    }

    public sealed class YearFormValidator : AbstractValidator<YearForm>
    {
        public YearFormValidator()
        {
            RuleFor(f => f.Year).Must(y => FinancialYear.TryParse(y, out _)).WithMessage("Enter the financial year in the format 2023/24");
        }
    }
}
