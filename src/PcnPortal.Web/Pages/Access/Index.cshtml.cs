using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Access;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Access;

/// <summary>
/// Extended hours and enhanced access: for commissioners, the CCG summary by PCN and quarter for a year (with CSV) and the
/// plans waiting for review; a PCN user goes straight to their own PCN's page.
/// </summary>
[Authorize(Policy = PortalPolicies.PcnOrCommissioner)]
public sealed class IndexModel(AccessQueries queries, PcnScope scope, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    public FinancialYear SelectedYear { get; private set; }

    public AccessSummary Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (scope.IsPcnUser)
        {
            return scope.OwnPcnCode is { } own ? Redirect($"/access/pcns/{own}") : Forbid();
        }

        SelectedYear = SelectYear();
        Summary = await queries.SummaryAsync(SelectedYear, null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (scope.IsPcnUser)
        {
            return Forbid();
        }

        SelectedYear = SelectYear();
        var summary = await queries.SummaryAsync(SelectedYear, null, cancellationToken);
        return File(Encoding.UTF8.GetBytes(AccessQueries.Csv(summary)), "text/csv", $"access-{SelectedYear.StartYear}.csv");
    }

    private FinancialYear SelectYear() =>
        FinancialYear.TryParse(Year, out var year) && year.StartYear >= 2019 && year.FirstDay <= clock.Today() ? year : FinancialYear.Containing(clock.Today());
}
