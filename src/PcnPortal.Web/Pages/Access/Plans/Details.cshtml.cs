using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Access;
using PcnPortal.Web.Features.Access;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Access.Plans;

/// <summary>One plan: its sessions with the minutes each counts, the requirement on its start date with the working, and the decision.</summary>
[Authorize(Policy = PortalPolicies.PcnOrCommissioner)]
public sealed class DetailsModel(PortalDbContext db, PcnScope scope, AccessRequirementQuery requirements) : PageModel
{
    public AccessPlan Plan { get; private set; } = null!;

    public AccessRequirementSegment Requirement { get; private set; } = null!;

    public bool CanDecide => Plan.Status == AccessPlanStatus.Submitted && (User.IsInRole(PortalRoles.CommissionerContracts) || User.IsInRole(PortalRoles.Administrator));

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var plan = await db.AccessPlans.AsNoTracking().Include(p => p.Pcn).Include(p => p.Sessions).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null || !scope.CanSee(plan.Pcn!.Code))
        {
            return NotFound();
        }

        Plan = plan;
        var data = await requirements.LoadAsync([plan.PcnId], cancellationToken);
        Requirement = data.OnDay(plan.PcnId, plan.Pcn.Code, plan.EffectiveFrom);
        return Page();
    }

    public int Counted(AccessPlanSession session) => Requirement.Figure is { } f ? session.ToDomain().CountedMinutes(f.Scheme) : 0;
}
