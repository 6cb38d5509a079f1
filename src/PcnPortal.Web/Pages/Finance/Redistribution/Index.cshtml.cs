using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Finance.Redistribution;

/// <summary>The redistribution rounds: finance opens them, the contracts team decides bids, PCN users see where they may bid.</summary>
[Authorize(Policy = PortalPolicies.PcnOrCommissioner)]
public sealed class IndexModel(RedistributionQuery query, PcnScope scope, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public IReadOnlyList<RedistributionRoundSummary> Rounds { get; private set; } = [];

    public bool IsPcnUser => scope.IsPcnUser;

    public bool CanOpen { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today();
        Rounds = await query.ListAsync(scope.OwnPcnCode, cancellationToken);
        CanOpen = (await authorization.AuthorizeAsync(User, PortalPolicies.Finance)).Succeeded;
    }
}
