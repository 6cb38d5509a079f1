using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Maturity;
using PcnPortal.Web.Infrastructure.Configuration;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Maturity.Rounds;

[Authorize(Policy = PortalPolicies.Commissioner)]
public sealed class OpenModel(MaturityRoundService rounds, PortalDbContext db, PortalOptions portal, ICurrentUser currentUser) : PageModel
{
    [BindProperty]
    public OpenRoundForm Input { get; set; } = new();

    public List<(int Id, string Name)> Versions { get; private set; } = [];

    public IReadOnlyList<string> CcgCodes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var year = FinancialYear.Containing(rounds.Today);
        Input.Year = year.ToString();
        Input.MatrixVersionId = Versions.Count > 0 ? Versions[0].Id : 0;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var yearOk = FinancialYear.TryParse(Input.Year, out var year);
        if (!yearOk)
        {
            ModelState.AddModelError("Input.Year", "Enter the financial year in the format 2021/22");
        }

        DateOnly due = default;
        if (Input.DueDay is null && Input.DueMonth is null && Input.DueYear is null)
        {
            ModelState.AddModelError("Input.DueDay", "Enter the date returns are due");
        }
        else if (Input.DueDay is not { } d || Input.DueMonth is not { } m || Input.DueYear is not { } y
            || !DateOnly.TryParseExact($"{y:0000}-{m:00}-{d:00}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out due) || y < 2000)
        {
            ModelState.AddModelError("Input.DueDay", "The due date must be a real date, for example 30 9 2022");
        }

        if (ModelState.ErrorCount == 0)
        {
            var (round, key, error) = await rounds.OpenAsync(year, due, Input.MatrixVersionId, currentUser.Name, cancellationToken);
            if (round is not null)
            {
                TempData["Success"] = $"The {year} round is open: {round.Returns.Count} PCNs have been asked for a return by {due:d MMMM yyyy}.";
                return Redirect($"/maturity/rounds/{round.Id}");
            }

            ModelState.AddModelError(key!, error!);
        }

        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CcgCodes = portal.CcgCodes;
        var versions = await db.MatrixVersions.AsNoTracking().OrderByDescending(v => v.FromYear ?? 0).ThenByDescending(v => v.Id)
            .Select(v => new { v.Id, v.Name }).ToListAsync(cancellationToken);
        Versions = [.. versions.Select(v => (v.Id, v.Name))];
    }

    public sealed class OpenRoundForm
    {
        public string? Year { get; set; }

        public int? DueDay { get; set; }

        public int? DueMonth { get; set; }

        public int? DueYear { get; set; }

        public int MatrixVersionId { get; set; }
    }
}
