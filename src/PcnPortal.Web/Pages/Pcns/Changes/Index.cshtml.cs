using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Features.Registration;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Pcns.Changes;

/// <summary>The commissioner's list of changes proposed by PCNs: waiting first, then the latest decisions.</summary>
[Authorize(Policy = PortalPolicies.Contracts)]
public sealed class IndexModel(PortalDbContext db, ChangeRequestService changes, TimeProvider clock) : PageModel
{
    public List<PcnChangeRequest> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await changes.ApplyDueAsync(clock.Today(), cancellationToken);
        Requests = await db.PcnChangeRequests.AsNoTracking().Include(r => r.Pcn)
            .OrderBy(r => r.Status == PcnChangeStatus.Submitted ? 0 : 1).ThenByDescending(r => r.SubmittedAt)
            .Take(200)
            .ToListAsync(cancellationToken);
    }
}
