using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Pcns;

[Authorize(Policy = PortalPolicies.PcnOrCommissioner)]
public sealed class IndexModel(PcnRegisterQuery query, ICurrentUser currentUser, TimeProvider clock) : PageModel
{
    public List<PcnRegisterQuery.PcnRow> Rows { get; private set; } = [];

    public DateOnly AsAt { get; private set; }

    public DateOnly PopulationDate => PcnRegisterQuery.PopulationDateFor(AsAt);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        AsAt = DateOnly.FromDateTime(clock.GetLocalNow().Date);

        // A PCN manager or clinical director sees only their own PCN.
        Rows = await query.ListAsync(AsAt, currentUser.IsPcnScoped ? currentUser.PcnCode ?? "-" : null, cancellationToken);
    }
}
