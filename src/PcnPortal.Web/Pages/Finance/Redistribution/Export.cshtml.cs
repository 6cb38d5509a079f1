using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Finance.Redistribution;

/// <summary>The round as CSV (contract.md): the pool by PCN, the bids with their decisions, and each giving PCN's reductions.</summary>
[Authorize(Policy = PortalPolicies.FinanceOrContracts)]
public sealed class ExportModel(RedistributionQuery query) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var round = await query.RoundAsync(id, null, cancellationToken);
        if (round is null)
        {
            return NotFound();
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(RedistributionCsv.Write(round))).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"redistribution-{round.Year.StartYear}-{(round.Year.StartYear + 1) % 100:00}-round-{round.Id}.csv");
    }
}
