using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Access;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Configuration;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Access;

/// <summary>A quarter a PCN has not completed its declaration for, with its due date.</summary>
public sealed record AccessDeclarationOwed(string PcnCode, AccessQuarter Quarter, DateOnly Due)
{
    public bool IsOverdue(DateOnly today) => today > Due;
}

/// <summary>
/// The access work waiting, for the home pages: plans to review, plans returned, and declarations owed for the last
/// <see cref="QuartersLooked"/> ended quarters (from when extended hours began and the PCN opened).
/// </summary>
public sealed class AccessWorkQuery(PortalDbContext db, PortalOptions options, AccessOptions accessOptions, TimeProvider clock)
{
    public const int QuartersLooked = 4;

    public Task<int> PlansToReviewAsync(CancellationToken cancellationToken) =>
        db.AccessPlans.CountAsync(p => p.Status == AccessPlanStatus.Submitted, cancellationToken);

    /// <summary>True when the PCN's latest plan was returned.</summary>
    public async Task<bool> PlanReturnedAsync(string pcnCode, CancellationToken cancellationToken) =>
        await db.AccessPlans.Where(p => p.Pcn!.Code == pcnCode).OrderByDescending(p => p.Id).Select(p => (AccessPlanStatus?)p.Status).FirstOrDefaultAsync(cancellationToken) == AccessPlanStatus.Returned;

    /// <summary>Quarters owed by one PCN (<paramref name="pcnCode"/>) or by every PCN of the CCG (null), oldest first.</summary>
    public async Task<IReadOnlyList<AccessDeclarationOwed>> OwedAsync(string? pcnCode, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var quarters = new List<AccessQuarter>();
        for (var q = AccessQuarter.Containing(today).Previous(); quarters.Count < QuartersLooked && q.LastDay >= PublishedAccessSchedule.ExtendedHoursStart; q = q.Previous())
        {
            quarters.Add(q);
        }

        if (quarters.Count == 0)
        {
            return [];
        }

        var earliest = quarters[^1].FirstDay;
        var ccgs = options.CcgCodes;
        var pcns = await db.Pcns.AsNoTracking()
            .Where(p => pcnCode == null ? ccgs.Contains(p.CcgCode) : p.Code == pcnCode)
            .Where(p => p.OpenDate <= today && (p.CloseDate == null || p.CloseDate >= earliest))
            .Select(p => new { p.Id, p.Code, p.OpenDate, p.CloseDate })
            .ToListAsync(cancellationToken);
        var ids = pcns.Select(p => p.Id).ToList();
        var completed = await db.AccessDeclarations.AsNoTracking()
            .Where(d => ids.Contains(d.PcnId) && d.CompletedOn != null && d.QuarterStart >= earliest)
            .Select(d => new { d.PcnId, d.QuarterStart })
            .ToListAsync(cancellationToken);
        var done = completed.Select(d => (d.PcnId, d.QuarterStart)).ToHashSet();
        return [.. pcns
            .SelectMany(p => quarters
                .Where(q => q.LastDay >= p.OpenDate && (p.CloseDate is null || q.FirstDay <= p.CloseDate) && !done.Contains((p.Id, q.FirstDay)))
                .Select(q => new AccessDeclarationOwed(p.Code, q, AccessDeclarationLateRule.DueDate(q, accessOptions.DeclarationDueWorkingDays))))
            .OrderBy(o => o.Quarter.FirstDay).ThenBy(o => o.PcnCode, StringComparer.Ordinal)];
    }
}
