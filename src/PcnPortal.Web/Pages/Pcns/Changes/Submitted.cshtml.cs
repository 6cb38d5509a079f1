using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Pcns.Changes;

/// <summary>The confirmation after a PCN user submits a change: its reference and what happens next.</summary>
[Authorize(Policy = PortalPolicies.PcnUser)]
public sealed class SubmittedModel(PortalDbContext db, PcnScope scope) : PageModel
{
    public PcnChangeRequest Change { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, int id, CancellationToken cancellationToken)
    {
        if (!scope.CanSee(code))
        {
            return Forbid();
        }

        var change = await db.PcnChangeRequests.AsNoTracking().Include(r => r.Pcn)
            .SingleOrDefaultAsync(r => r.Id == id && r.Pcn!.Code == code, cancellationToken);
        if (change is null)
        {
            return NotFound();
        }

        Change = change;
        return Page();
    }
}
