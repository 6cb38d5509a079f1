using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Arrs.Redistribution;
using PcnPortal.Domain.Maturity;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Features.Access;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Home;

/// <summary>
/// A PCN user's work waiting, for their own PCN only: change requests returned, claim lines queried, maturity returns
/// due and not yet submitted, expressions of interest returned, and expressions of interest waiting for the clinical
/// director's confirmation, open redistribution rounds the PCN may bid in (its forecast spend reaches its entitlement),
/// an access plan returned, and access declarations owed.
/// </summary>
public sealed class PcnWorkQuery(PortalDbContext db, TimeProvider clock, RedistributionService redistribution, AccessWorkQuery access)
{
    public async Task<IReadOnlyList<WorkItem>> GetAsync(string pcnCode, CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var returnedChanges = await db.PcnChangeRequests.CountAsync(c => c.Pcn!.Code == pcnCode && c.Status == PcnChangeStatus.Returned, cancellationToken);
        var queried = await db.ArrsClaimLines.CountAsync(l => l.Pcn!.Code == pcnCode && l.Status == ArrsClaimStatus.Queried, cancellationToken);
        var returns = await db.MaturityReturns
            .Where(r => r.Pcn!.Code == pcnCode && (r.Status == MaturityReturnStatus.NotStarted || r.Status == MaturityReturnStatus.InProgress))
            .OrderBy(r => r.Round!.DueDate).Select(r => new { r.Id, r.Round!.DueDate })
            .ToListAsync(cancellationToken);
        var eois = await db.OdEois.Where(e => e.PcnCode == pcnCode && (e.Status == EoiStatus.Returned || (e.Status == EoiStatus.Draft && !e.ClinicalDirectorConfirmed)))
            .Select(e => new { e.Id, e.FundId, e.Status })
            .ToListAsync(cancellationToken);
        var returnedEois = eois.Where(e => e.Status == EoiStatus.Returned).ToList();
        var toConfirm = eois.Where(e => e.Status == EoiStatus.Draft).ToList();
        var uk = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
        var open = await db.RedistributionRounds.AsNoTracking().Where(r => r.Status == RedistributionRoundStatus.Open && r.Deadline >= today)
            .OrderBy(r => r.Deadline).Select(r => new { r.Id, r.StartYear, r.Deadline }).ToListAsync(cancellationToken);
        var mayBid = new List<(int Id, DateOnly Deadline)>();
        foreach (var round in open)
        {
            if ((await redistribution.EligibilityAsync(new Domain.Common.FinancialYear(round.StartYear), pcnCode, cancellationToken)).Severity == Domain.Common.RuleSeverity.Pass)
            {
                mayBid.Add((round.Id, round.Deadline));
            }
        }

        var planReturned = await access.PlanReturnedAsync(pcnCode, cancellationToken);
        var owed = await access.OwedAsync(pcnCode, cancellationToken);
        return
        [
            new("Change requests returned to you", returnedChanges, $"/pcns/{pcnCode}"),
            new("Claim lines queried by the contracts team", queried, $"/claims?pcn={pcnCode}", "Listed first on the claims page"),
            new("Maturity returns to submit", returns.Count, returns.Count == 1 ? $"/maturity/returns/{returns[0].Id}" : "/maturity",
                returns.Count == 0 ? null : $"The next is due by {returns[0].DueDate.ToString("d MMMM yyyy", uk)}{(returns[0].DueDate < today ? " (overdue)" : "")}"),
            new("Expressions of interest returned to you", returnedEois.Count, returnedEois.Count == 1 ? $"/od-funds/{returnedEois[0].FundId}/eoi" : "/od-funds"),
            new("Expressions of interest waiting for the clinical director's confirmation", toConfirm.Count, toConfirm.Count == 1 ? $"/od-funds/{toConfirm[0].FundId}/eoi" : "/od-funds"),
            new("Redistribution rounds your PCN may bid in", mayBid.Count, mayBid.Count == 1 ? $"/finance/redistribution/{mayBid[0].Id}" : "/finance/redistribution",
                mayBid.Count == 0 ? null : $"Your forecast spend reaches your entitlement: bid for further posts by {mayBid[0].Deadline.ToString("d MMMM yyyy", uk)}"),
            new("Access plan returned to you", planReturned ? 1 : 0, $"/access/pcns/{pcnCode}", "Submit a new plan with the changes asked for"),
            new("Access declarations to make", owed.Count, owed.Count == 1 ? $"/access/pcns/{pcnCode}/declarations/{owed[0].Quarter.Key}" : $"/access/pcns/{pcnCode}",
                owed.Count == 0 ? null : $"The first, {owed[0].Quarter}, {(owed[0].IsOverdue(today) ? "was" : "is")} due by {owed[0].Due.ToString("d MMMM yyyy", uk)}{(owed[0].IsOverdue(today) ? " (overdue)" : "")}"),
        ];
    }
}
