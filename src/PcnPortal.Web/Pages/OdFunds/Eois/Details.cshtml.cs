using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Features.OdFunds;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.OdFunds.Eois;

/// <summary>One EOI with its lines, the checks against the share, and the panel's decisions. PCN users see only their own.</summary>
[Authorize(Policy = PortalPolicies.PcnOrCommissioner)]
public sealed class DetailsModel(PortalDbContext db, OdAllocationService allocations, ICurrentUser currentUser, PcnScope scope) : PageModel
{
    public OdEoi Eoi { get; private set; } = null!;

    public string PcnName { get; private set; } = string.Empty;

    public decimal? Share { get; private set; }

    public IReadOnlyList<RuleOutcome> Checks { get; private set; } = [];

    public bool CanEdit { get; private set; }

    /// <summary>
    /// The decisions to list, newest first. A decision waiting for its voters to confirm is not the panel's decision yet:
    /// commissioners see it marked as such; the PCN sees only decisions in effect.
    /// </summary>
    public IReadOnlyList<OdPanelDecisionRecord> Decisions { get; private set; } = [];

    public bool IsPanelMember => currentUser.IsInRole(PortalRoles.PanelMember);

    /// <summary>Whether this user may read the declared interests that excluded panel members (#15.14): not PCN users.</summary>
    public bool ShowDeclaredInterests => SensitiveFields.CanSeeDeclaredInterests(User);

    /// <summary>The fund's panel members' names, to name who was excluded from a decision without the interest that excluded them.</summary>
    public IReadOnlyList<string> PanelNames { get; private set; } = [];

    /// <summary>A decision's exclusions as a PCN user sees them: the members' names, not their declared interests.</summary>
    public string ExcludedWithoutInterests(string excluded)
    {
        var names = PanelNames.Where(n => excluded.Contains(n + ":", StringComparison.Ordinal)).Distinct().ToList();
        return (names.Count == 0 ? "Panel members" : string.Join("; ", names))
            + " (a declared interest; the register of interests is held by the commissioner)";
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var eoi = await db.OdEois.AsNoTracking().Include(e => e.Fund).Include(e => e.Lines).Include(e => e.Decisions)
            .SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (eoi is null || !scope.CanSee(eoi.PcnCode))
        {
            // Another PCN's EOI looks exactly like one that does not exist.
            return NotFound();
        }

        Eoi = eoi;
        PcnName = await db.Pcns.Where(p => p.Code == eoi.PcnCode).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken) ?? eoi.PcnCode;
        Share = (await allocations.ApprovedShareAsync(eoi.FundId, eoi.PcnCode, cancellationToken))?.Amount;
        Checks = EoiChecks.Check(eoi.ToDomain(), Share ?? 0m);
        Decisions = [.. eoi.Decisions.Where(d => !d.IsPending || !scope.IsPcnUser).OrderByDescending(d => d.Id)];
        CanEdit = scope.IsPcnUser && eoi.IsEditable && eoi.Fund!.Status == OdFundStatus.Open;
        PanelNames = await db.OdPanelMembers.AsNoTracking().Where(m => m.FundId == eoi.FundId).Select(m => m.Name).ToListAsync(cancellationToken);
        return Page();
    }
}
