using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Features.Home;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web;

namespace PcnPortal.Web.Pages;

/// <summary>The home page: the work waiting for the signed-in person (counts and links, by role), then what they can do.</summary>
public sealed class IndexModel(IAuthorizationService authorization, PcnScope scope, PortalDbContext db, ContractsWorkQuery contractsWork, PcnWorkQuery pcnWork, FinanceWorkQuery financeWork,
    PanelWorkQuery panelWork, SecretaryWorkQuery secretaryWork) : PageModel
{
    /// <summary>The work waiting, grouped under a heading per role the person holds.</summary>
    public List<(string Heading, IReadOnlyList<WorkItem> Items)> Work { get; } = [];

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
            Work.Add(($"Waiting for {PcnName ?? code}", await pcnWork.GetAsync(code, HttpContext.RequestAborted)));
        }

        if (User.IsInRole(PortalRoles.CommissionerContracts))
        {
            Work.Add(("Waiting for the contracts team", await contractsWork.GetAsync(HttpContext.RequestAborted)));
        }

        if (User.IsInRole(PortalRoles.CommissionerFinance))
        {
            Work.Add(("Waiting for finance", await financeWork.GetAsync(HttpContext.RequestAborted)));
        }

        if (User.IsInRole(PortalRoles.PanelMember) && User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } userId)
        {
            Work.Add(("Waiting for you on OD fund panels", await panelWork.GetAsync(userId, HttpContext.RequestAborted)));
        }

        if (User.IsInRole(PortalRoles.CommitteeSecretary))
        {
            var next = await secretaryWork.GetAsync(HttpContext.RequestAborted);
            Work.Add(next is null ? ("No committee meeting is booked", [new WorkItem("Meetings booked from today", 0, "/papers")]) : (next.Heading, next.Items));
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
