using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Web.Features.Maturity;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Maturity.Rounds;

[Authorize(Policy = PortalPolicies.Commissioner)]
public sealed class DetailsModel(MaturityRoundService rounds) : PageModel
{
    public MaturityRoundService.Tracker Tracker { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var tracker = await rounds.TrackerAsync(id, cancellationToken);
        if (tracker is null)
        {
            return NotFound();
        }

        Tracker = tracker;
        return Page();
    }
}
