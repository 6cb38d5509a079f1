using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Arrs.Redistribution;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Features.Access;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Home;

/// <summary>
/// The contracts team's work waiting: change requests to review, claim lines due within 2 working days (not yet
/// overdue), claim lines overdue, queried lines the PCN has answered (back in the queue), and lines waiting whose person
/// (staff reference) is also claimed by another PCN in the same month (ADR 0012), redistribution bids waiting in open
/// rounds, access plans to review and access declarations overdue.
/// </summary>
public sealed class ContractsWorkQuery(PortalDbContext db, DataVersionCache cache, TimeProvider clock, ArrsSharedStaffQuery sharedStaff, AccessWorkQuery access)
{
    public const int DueSoonWorkingDays = 2;

    public async Task<IReadOnlyList<WorkItem>> GetAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var by = WorkingDays.AddWorkingDays(today, DueSoonWorkingDays);
        var changes = await db.PcnChangeRequests.CountAsync(c => c.Status == PcnChangeStatus.Submitted, cancellationToken);
        var (dueSoon, overdue, answered, shared) = await cache.GetOrComputeAsync(db, $"contracts-work:{today:yyyy-MM-dd}", () => ClaimCountsAsync(today, by, cancellationToken), cancellationToken);
        var bids = await db.RedistributionBids.AsNoTracking()
            .Where(b => b.Status == RedistributionBidStatus.Submitted && b.Round!.Status == RedistributionRoundStatus.Open)
            .Select(b => new { b.Id, b.RoundId }).ToListAsync(cancellationToken);
        var plans = await access.PlansToReviewAsync(cancellationToken);
        var lateDeclarations = (await access.OwedAsync(null, cancellationToken)).Count(o => o.IsOverdue(today));
        return
        [
            new("Change requests to review", changes, "/pcns/changes"),
            new($"Claim lines due within {DueSoonWorkingDays} working days", dueSoon, $"/claims/review?Status=Submitted&DaysLeft={DueSoonWorkingDays}&Sort=due&Dir=asc"),
            new("Claim lines overdue", overdue, "/claims/review?Status=Submitted&Sort=due&Dir=asc"),
            new("Queried claim lines the PCN has answered", answered, "/claims/review?Status=Submitted", "Back in the queue with the PCN's answer on the line page"),
            new("Claim lines for people also claimed by another PCN", shared, "/claims/review?Status=Submitted&SharedStaff=true", "The same staff reference in the same month: check which PCN employs them, for how many hours"),
            new("Bids for unused ARRS entitlement to decide", bids.Count, bids.Count == 1 ? $"/finance/redistribution/{bids[0].RoundId}/bids/{bids[0].Id}/decide"
                : bids.Select(b => b.RoundId).Distinct().Count() == 1 ? $"/finance/redistribution/{bids[0].RoundId}" : "/finance/redistribution",
                bids.Count == 0 ? null : "Approve in full or in part within the pool, or reject with a reason"),
            new("Access plans to review", plans, "/access#plans-to-review"),
            new("Access declarations overdue", lateDeclarations, "/access", $"Declarations of the last {AccessWorkQuery.QuartersLooked} quarters not completed by their due date"),
        ];
    }

    /// <summary>
    /// The waiting claim lines due soon, overdue, answered and shared with another PCN. Kept until the data changes: the
    /// shared count checks every waiting line against the staff-reference index (about 0.5 s of CPU with a national year
    /// waiting).
    /// </summary>
    private async Task<(int DueSoon, int Overdue, int Answered, int Shared)> ClaimCountsAsync(DateOnly today, DateOnly by, CancellationToken cancellationToken)
    {
        var submitted = db.ArrsClaimLines.Where(l => l.Status == ArrsClaimStatus.Submitted);
        var dueSoon = await submitted.CountAsync(l => l.DueOn >= today && l.DueOn <= by, cancellationToken);
        var overdue = await submitted.CountAsync(l => l.DueOn < today, cancellationToken);
        var answered = await submitted.CountAsync(l => l.QueryResponse != null, cancellationToken);
        var shared = await sharedStaff.ClaimedByAnotherPcn(submitted).CountAsync(cancellationToken);
        return (dueSoon, overdue, answered, shared);
    }
}
