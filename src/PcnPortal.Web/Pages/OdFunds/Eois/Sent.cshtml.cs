using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.OdFunds.Eois;

/// <summary>The confirmation after a PCN sends its EOI: its reference and what happens next. Own PCN only.</summary>
[Authorize(Policy = PortalPolicies.PcnUser)]
public sealed class SentModel(PortalDbContext db, PcnScope scope) : PageModel
{
    public OdEoi Eoi { get; private set; } = null!;

    public string PcnName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var eoi = await db.OdEois.AsNoTracking().Include(e => e.Fund).Include(e => e.Lines).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (eoi is null || !scope.CanSee(eoi.PcnCode))
        {
            // Another PCN's EOI looks exactly like one that does not exist.
            return NotFound();
        }

        if (eoi.Status != EoiStatus.Submitted)
        {
            return Redirect($"/od-funds/eois/{id}");
        }

        Eoi = eoi;
        PcnName = await db.Pcns.Where(p => p.Code == eoi.PcnCode).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken) ?? eoi.PcnCode;
        return Page();
    }
}
