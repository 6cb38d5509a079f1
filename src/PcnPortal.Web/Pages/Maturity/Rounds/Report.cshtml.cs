using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Web.Features.Maturity;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Maturity.Rounds;

[Authorize(Policy = PortalPolicies.Commissioner)]
public sealed class ReportModel(MaturityReportQuery query) : PageModel
{
    public MaturityRoundReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var report = await query.ForRoundAsync(id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        Report = report;
        return Page();
    }
}
