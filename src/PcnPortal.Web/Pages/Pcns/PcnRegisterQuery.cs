using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Registration;

namespace PcnPortal.Web.Pages.Pcns;

/// <summary>What the register is filtered and sorted by.</summary>
public sealed record RegisterFilter(
    DateOnly AsAt,
    string? OnlyPcnCode = null,
    bool AllEngland = false,
    int? LocalityId = null,
    string? Status = null,
    string? RuleCode = null,
    string Sort = "name");

/// <summary>
/// Reads PCNs with their member practices and populations as at a date. Population follows the DES convention:
/// the sum of member practices' list sizes as at the latest 1 January on or before the date (each practice's latest figure on
/// or before that date). Sums are done in SQL, and the rules run on data from two more queries: the number of SQL commands does
/// not grow with the number of PCNs.
/// </summary>
public sealed class PcnRegisterQuery(PortalDbContext db, RegistrationCheckService checks, RegistrationSettingsService settings)
{
    public static DateOnly PopulationDateFor(DateOnly asAt) => PcnPopulation.PopulationDate(asAt);

    public Task<List<PcnRow>> ListAsync(DateOnly asAt, string? onlyPcnCode, CancellationToken cancellationToken = default) =>
        ListAsync(new RegisterFilter(asAt, onlyPcnCode, AllEngland: true), cancellationToken);

    public async Task<List<PcnRow>> ListAsync(RegisterFilter filter, CancellationToken cancellationToken = default)
    {
        var asAt = filter.AsAt;
        var populationDate = PopulationDateFor(asAt);
        var pcns = db.Pcns.AsNoTracking();
        if (filter.OnlyPcnCode is not null)
        {
            pcns = pcns.Where(p => p.Code == filter.OnlyPcnCode);
        }
        else if (!filter.AllEngland)
        {
            var ccgs = settings.CcgCodes.ToList();
            pcns = pcns.Where(p => ccgs.Contains(p.CcgCode));
        }

        if (filter.LocalityId is { } locality)
        {
            pcns = pcns.Where(p => p.LocalityId == locality);
        }

        pcns = filter.Status switch
        {
            "open" => pcns.Where(p => p.OpenDate <= asAt && (p.CloseDate == null || p.CloseDate >= asAt)),
            "closed" => pcns.Where(p => !(p.OpenDate <= asAt && (p.CloseDate == null || p.CloseDate >= asAt))),
            _ => pcns,
        };

        var rows = await pcns
            .Select(p => new
            {
                p.Code,
                p.Name,
                p.CcgCode,
                Locality = p.Locality == null ? null : p.Locality.Name,
                p.OpenDate,
                p.CloseDate,
                p.Id,
                Practices = p.Memberships.Count(m => m.StartDate <= asAt && (m.EndDate == null || m.EndDate >= asAt)),
            })
            .ToListAsync(cancellationToken);

        // Population sums in SQL: each current member's list size for the latest date on or before the population date.
        var pcnIds = pcns.Select(p => p.Id);
        var sums = await (
                from m in db.PcnMemberships
                where pcnIds.Contains(m.PcnId) && m.StartDate <= asAt && (m.EndDate == null || m.EndDate >= asAt)
                from l in db.PracticeListSizes
                where l.PracticeId == m.PracticeId
                    && l.AsAt == db.PracticeListSizes.Where(x => x.PracticeId == m.PracticeId && x.AsAt <= populationDate).OrderByDescending(x => x.AsAt).Select(x => (DateOnly?)x.AsAt).FirstOrDefault()
                group l by m.PcnId into g
                select new { PcnId = g.Key, Registered = g.Sum(l => l.Registered), Weighted = g.Sum(l => l.Weighted ?? 0m) })
            .ToDictionaryAsync(x => x.PcnId, cancellationToken);
        var results = await checks.CheckAsync(pcns, asAt, cancellationToken);
        var list = rows.Select(r => new PcnRow(
                r.Code, r.Name, r.CcgCode, r.Locality, r.OpenDate, r.CloseDate, r.Practices, sums.TryGetValue(r.Id, out var sum) ? sum.Registered : 0, sum?.Weighted ?? 0m, populationDate,
                results.TryGetValue(r.Code, out var result) ? result.Outcomes.Where(o => o.Severity != RuleSeverity.Pass).ToList() : []))
            .Where(r => string.IsNullOrEmpty(filter.RuleCode) || r.Flags.Any(f => f.Code == filter.RuleCode));
        list = filter.Sort switch
        {
            "population" => list.OrderByDescending(r => r.RegisteredPopulation).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase),
            "population-asc" => list.OrderBy(r => r.RegisteredPopulation).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase),
            _ => list.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase),
        };
        return list.ToList();
    }

    public sealed record PcnRow(
        string Code, string Name, string CcgCode, string? Locality, DateOnly OpenDate, DateOnly? CloseDate,
        int Practices, int RegisteredPopulation, decimal WeightedPopulation, DateOnly PopulationDate, IReadOnlyList<RuleOutcome> Flags)
    {
        public bool IsOpenOn(DateOnly date) => OpenDate <= date && (CloseDate is null || CloseDate >= date);
    }
}
