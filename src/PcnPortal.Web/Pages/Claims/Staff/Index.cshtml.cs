using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Claims.Staff;

/// <summary>A PCN's ARRS staff. PCN users see their own PCN; commissioners choose one.</summary>
[Authorize(Policy = PortalPolicies.PcnOrCommissioner)]
public sealed class IndexModel(PortalDbContext db, PcnScope scope) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Pcn { get; set; }

    public string PcnName { get; private set; } = "";

    public IReadOnlyList<(string Code, string Name)> Pcns { get; private set; } = [];

    public List<ArrsStaffMember> Staff { get; private set; } = [];

    /// <summary>Role names by code: the page shows "Clinical pharmacist", not CLINICAL_PHARMACIST.</summary>
    public Dictionary<string, string> RoleNames { get; private set; } = [];

    public string RoleName(string code) => RoleNames.GetValueOrDefault(code, code);

    public bool CanEdit => scope.IsPcnUser || User.IsInRole(PortalRoles.CommissionerContracts) || User.IsInRole(PortalRoles.Administrator);

    public bool CanClaim => scope.IsPcnUser;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var choice = await scope.ChooseAsync(Pcn, cancellationToken);
        if (choice.IsRefused)
        {
            return Forbid();
        }

        Pcn = choice.PcnCode;
        Pcns = choice.Choices;

        var pcn = await db.Pcns.AsNoTracking().Where(p => p.Code == Pcn).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(cancellationToken);
        if (pcn is null)
        {
            return NotFound();
        }

        PcnName = pcn.Name;
        RoleNames = await db.ArrsRoles.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        Staff = await db.ArrsStaff.AsNoTracking().Where(s => s.PcnId == pcn.Id).OrderBy(s => s.EndDate != null).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        return Page();
    }
}
