using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.OdFunds;

/// <summary>
/// Whether a fund's panel can reach its quorum today for every PCN with a share in the approved allocation: enough panel members
/// without a declared interest in the PCN or one of its current practices. A fund is not opened to EOIs until it can.
/// </summary>
public sealed class OdPanelQuorumQuery(PortalDbContext db, TimeProvider clock)
{
    public sealed record Result(RuleOutcome Outcome, IReadOnlyList<PanelQuorum.PcnResult> Pcns)
    {
        public bool CanReachQuorum => Outcome.Severity == RuleSeverity.Pass;
    }

    public async Task<Result> CheckAsync(int fundId, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var fund = await db.OdFunds.AsNoTracking().SingleAsync(f => f.Id == fundId, cancellationToken);
        var panel = await db.OdPanelMembers.AsNoTracking().Where(m => m.FundId == fundId).ToListAsync(cancellationToken);
        var ids = panel.Select(p => p.UserId).ToList();
        var interests = await db.OdDeclaredInterests.AsNoTracking().Where(i => ids.Contains(i.UserId)).ToListAsync(cancellationToken);
        var shares = await db.OdAllocationShares.AsNoTracking()
            .Where(s => db.OdAllocationVersions.Any(v => v.Id == s.AllocationVersionId && v.FundId == fundId && v.Status == OdAllocationStatus.Approved))
            .OrderBy(s => s.PcnCode)
            .Select(s => new { s.PcnCode, s.PcnName })
            .ToListAsync(cancellationToken);
        var codes = shares.Select(s => s.PcnCode).ToList();
        var practices = (await db.PcnMemberships.AsNoTracking()
                .Where(m => codes.Contains(m.Pcn!.Code) && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today))
                .Select(m => new { Pcn = m.Pcn!.Code, Practice = m.Practice!.Code })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.Pcn, m => m.Practice, StringComparer.OrdinalIgnoreCase);
        var members = panel.Select(p => p.ToDomain()).ToList();
        var register = interests.Select(i => i.ToDomain()).ToList();
        var pcns = shares.Select(s => new PanelQuorum.Pcn(s.PcnCode, s.PcnName, [.. practices[s.PcnCode]])).ToList();
        return new Result(
            PanelQuorum.Check(members, register, pcns, today, fund.Quorum),
            PanelQuorum.ForEachPcn(members, register, pcns, today, fund.Quorum));
    }
}
