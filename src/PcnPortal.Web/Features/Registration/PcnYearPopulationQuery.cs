using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Registration;

/// <summary>
/// Each PCN's population for a financial year as the DES takes it (<see cref="PcnYearPopulation"/>): the practices in the
/// PCN during the year, their list sizes as at the 1 January before it, or the latest earlier ones with a warning. Used by
/// the ARRS ARR Sum and the DES funding envelope, so both follow one rule. Three SQL commands whatever the number of PCNs.
/// </summary>
public sealed class PcnYearPopulationQuery(PortalDbContext db)
{
    /// <summary>The year population of each PCN, by PCN id.</summary>
    public async Task<Dictionary<int, PcnYearPopulationResult>> ForPcnsAsync(IReadOnlyCollection<int> pcnIds, FinancialYear year, CancellationToken cancellationToken)
    {
        var firstDay = year.FirstDay;
        var lastDay = year.LastDay;
        var populationDate = year.PopulationDate;
        var ids = pcnIds.Distinct().ToList();
        var pcns = await db.Pcns.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Code }).ToListAsync(cancellationToken);

        // Every membership of the practices that were in these PCNs during the year: other PCNs' rows resolve handovers and name moves.
        var practiceIds = db.PcnMemberships.Where(m => ids.Contains(m.PcnId) && m.StartDate <= lastDay && (m.EndDate == null || m.EndDate >= firstDay)).Select(m => m.PracticeId);
        var memberships = await db.PcnMemberships.AsNoTracking()
            .Where(m => practiceIds.Contains(m.PracticeId))
            .Select(m => new { m.PcnId, Membership = new PracticeMembership(m.Practice!.Code, m.Pcn!.Code, m.StartDate, m.EndDate) })
            .ToListAsync(cancellationToken);
        var sizes = await db.PracticeListSizes.AsNoTracking()
            .Where(l => practiceIds.Contains(l.PracticeId) && l.AsAt <= populationDate)
            .Select(l => new ListSizeRecord(l.Practice!.Code, l.AsAt, l.Registered, l.Weighted))
            .ToListAsync(cancellationToken);

        var byPractice = memberships.Select(m => m.Membership).ToLookup(m => m.PracticeCode, StringComparer.Ordinal);
        var sizesByPractice = sizes.ToLookup(s => s.PracticeCode, StringComparer.Ordinal);
        var practicesByPcn = memberships.ToLookup(m => m.PcnId, m => m.Membership.PracticeCode);
        return pcns.ToDictionary(
            p => p.Id,
            p =>
            {
                var practices = practicesByPcn[p.Id].Distinct(StringComparer.Ordinal).ToList();
                return PcnYearPopulation.Calculate(p.Code, year, practices.SelectMany(c => byPractice[c]), practices.SelectMany(c => sizesByPractice[c]));
            });
    }
}
