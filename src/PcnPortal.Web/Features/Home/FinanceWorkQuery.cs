using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Arrs.Redistribution;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Home;

/// <summary>
/// Finance's work waiting: approved ARRS claim lines not yet paid (how many and the £ total, and how many of them are
/// for months up to this one), OD fund allocations computed and waiting for approval, and redistribution rounds still open.
/// </summary>
public sealed class FinanceWorkQuery(PortalDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<WorkItem>> GetAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var approved = await db.ArrsClaimLines.AsNoTracking().Where(l => l.Status == ArrsClaimStatus.Approved)
            .GroupBy(l => l.Month <= thisMonth)
            .Select(g => new { Due = g.Key, Lines = g.Count(), Amount = g.Sum(l => l.ApprovedAmount) })
            .ToListAsync(cancellationToken);
        var lines = approved.Sum(a => a.Lines);
        var amount = approved.Sum(a => a.Amount ?? 0m);
        var allocations = await db.OdAllocationVersions.AsNoTracking().Where(a => a.Status == OdAllocationStatus.Draft)
            .Select(a => a.FundId).Distinct().ToListAsync(cancellationToken);
        var rounds = await db.RedistributionRounds.AsNoTracking().Where(r => r.Status == RedistributionRoundStatus.Open)
            .OrderBy(r => r.Deadline).Select(r => new { r.Id, r.Deadline, Waiting = r.Bids.Count(b => b.Status == RedistributionBidStatus.Submitted) })
            .ToListAsync(cancellationToken);
        return
        [
            new("Approved claim lines to pay", lines, $"/finance/schedule?year={FinancialYear.Containing(today)}",
                lines == 0 ? null : $"{Money.Format(amount)} in all; {approved.Where(a => a.Due).Sum(a => a.Lines)} for months up to {thisMonth.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}"),
            new("OD fund allocations waiting for approval", allocations.Count, allocations.Count == 1 ? $"/od-funds/{allocations[0]}" : "/od-funds"),
            new("Redistribution rounds open", rounds.Count, rounds.Count == 1 ? $"/finance/redistribution/{rounds[0].Id}" : "/finance/redistribution",
                rounds.Count == 0 ? null : $"{rounds.Sum(r => r.Waiting)} bids waiting for the contracts team; close a round once its bids are decided"),
        ];
    }
}
