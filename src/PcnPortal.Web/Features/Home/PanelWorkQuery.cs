using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Home;

/// <summary>
/// A panel member's work waiting: submitted expressions of interest in the funds whose panel they sit on, still
/// waiting for a decision, and recorded decisions waiting for them to confirm their own vote.
/// </summary>
public sealed class PanelWorkQuery(PortalDbContext db)
{
    public async Task<IReadOnlyList<WorkItem>> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        var funds = db.OdPanelMembers.Where(m => m.UserId == userId).Select(m => m.FundId);
        var waiting = await db.OdEois.AsNoTracking()
            .Where(e => funds.Contains(e.FundId) && e.Status == EoiStatus.Submitted)
            .Select(e => new { e.Id, Pending = e.Decisions.Where(d => d.IsPending).Select(d => new { d.VoterIds, d.ConfirmedVoterIds }).ToList() })
            .ToListAsync(cancellationToken);
        static bool Has(string? ids, string id) => (ids ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(id, StringComparer.Ordinal);
        var toDecide = waiting.Where(e => e.Pending.Count == 0).ToList();
        var toConfirm = waiting.Where(e => e.Pending.Any(d => Has(d.VoterIds, userId) && !Has(d.ConfirmedVoterIds, userId))).ToList();
        return
        [
            new("Expressions of interest waiting for the panel's decision", toDecide.Count, toDecide.Count == 1 ? $"/od-funds/eois/{toDecide[0].Id}/decision" : "/od-funds"),
            new("Panel decisions waiting for you to confirm your vote", toConfirm.Count, toConfirm.Count == 1 ? $"/od-funds/eois/{toConfirm[0].Id}/decision/confirm" : "/od-funds"),
        ];
    }
}
