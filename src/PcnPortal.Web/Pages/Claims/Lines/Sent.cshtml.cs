using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Claims.Lines;

/// <summary>The confirmation after a PCN user sends a month's claim: its reference, what the rules found and what happens next.</summary>
[Authorize(Policy = PortalPolicies.PcnUser)]
public sealed class SentModel(PortalDbContext db, PcnScope scope) : PageModel
{
    public ArrsClaimLine Line { get; private set; } = null!;

    public string RoleName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var line = await db.ArrsClaimLines.AsNoTracking().Include(l => l.Pcn).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (line is null || !scope.CanSee(line.Pcn!.Code))
        {
            return NotFound();
        }

        Line = line;
        RoleName = await db.ArrsRoles.AsNoTracking().Where(r => r.Code == line.RoleCode).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken) ?? line.RoleCode;
        return Page();
    }
}
