using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web;

namespace PcnPortal.Web.Pages;

/// <summary>The home page: what the signed-in person can do.</summary>
public sealed class IndexModel(IAuthorizationService authorization, PcnScope scope, PortalDbContext db) : PageModel
{
    public List<PortalArea> Areas { get; } = [];

    public string DisplayName { get; private set; } = string.Empty;

    public string RoleDescription { get; private set; } = string.Empty;

    public string? PcnName { get; private set; }

    public async Task OnGetAsync()
    {
        DisplayName = User.FindFirst(PortalClaims.DisplayName)?.Value ?? User.Identity?.Name ?? string.Empty;
        RoleDescription = string.Join(", ", PortalRoles.All.Where(User.IsInRole).Select(PortalRoles.Describe));
        if (scope.OwnPcnCode is { } code)
        {
            PcnName = await db.Pcns.Where(p => p.Code == code).Select(p => p.Name).FirstOrDefaultAsync();
        }

        foreach (var area in PortalAreas.All)
        {
            if ((await authorization.AuthorizeAsync(User, area.Policy)).Succeeded)
            {
                Areas.Add(area);
            }
        }
    }
}
