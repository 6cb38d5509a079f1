using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Admin.Users;

[Authorize(Policy = PortalPolicies.Administration)]
public sealed class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public List<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.PcnCode, u.IsDisabled, u.LockoutEnd })
            .ToListAsync();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync();
        Users = users.Select(u => new UserRow(
            u.Id, u.DisplayName, u.Email ?? string.Empty, u.PcnCode, u.IsDisabled, u.LockoutEnd > now,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList())).ToList();
    }

    public sealed record UserRow(string Id, string DisplayName, string Email, string? PcnCode, bool IsDisabled, bool LockedOut, List<string> Roles);
}
