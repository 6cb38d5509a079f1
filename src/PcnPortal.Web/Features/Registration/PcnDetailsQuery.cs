using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure.Auditing;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Registration;

/// <summary>A member practice as the PCN page lists it on the as-at date, with the list size used for the population.</summary>
public sealed record PcnMemberRow(int Id, string Code, string Name, DateOnly Start, DateOnly? End, bool Current, bool CrossBoundary, PracticeListSizeUsed? ListSize);

/// <summary>
/// Everything the PCN page shows on an as-at date: the PCN with its members and clinical directors, its population, its
/// registration checks, its change requests (the latest <paramref name="Requests"/> or all) and the history of them all.
/// </summary>
public sealed record PcnDetails(
    Pcn Pcn,
    PcnPopulationResult Population,
    IReadOnlyList<PcnMemberRow> Practices,
    IReadOnlyList<RuleOutcome> Outcomes,
    int RequestCount,
    IReadOnlyList<PcnChangeRequest> Requests,
    IReadOnlyList<AuditLine> History);

/// <summary>
/// The PCN page's data, kept in <see cref="DataVersionCache"/> until business data changes (the page read a dozen queries
/// and described its history on every request). Apply due change requests before asking (<see cref="ChangeRequestService.ApplyDueAsync"/>).
/// The objects returned are shared between requests: read them, never change them.
/// </summary>
public sealed class PcnDetailsQuery(PortalDbContext db, DataVersionCache cache, RegistrationCheckService checks, AuditDescriber audit)
{
    /// <summary>Change requests shown unless every one was asked for.</summary>
    public const int RecentRequests = 25;

    /// <summary>The PCN's page data on <paramref name="asAt"/>, or null when there is no such PCN.</summary>
    public async Task<PcnDetails?> GetAsync(string code, DateOnly asAt, bool allRequests, CancellationToken cancellationToken = default)
    {
        var key = $"pcn-details:{code}|{asAt:yyyy-MM-dd}|{allRequests}";
        var found = await cache.GetOrComputeAsync(db, key, async () => new Found(await ComputeAsync(code, asAt, allRequests, cancellationToken)), cancellationToken);
        return found.Details;
    }

    /// <summary>A cache entry for "no such PCN" too (the cache holds no nulls).</summary>
    private sealed record Found(PcnDetails? Details);

    private async Task<PcnDetails?> ComputeAsync(string code, DateOnly asAt, bool allRequests, CancellationToken cancellationToken)
    {
        var pcn = await db.Pcns.AsNoTracking().Include(p => p.Locality).Include(p => p.ClinicalDirectors)
            .Include(p => p.Memberships).ThenInclude(m => m.Practice)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (pcn is null)
        {
            return null;
        }

        var populationDate = PcnPopulation.PopulationDate(asAt);
        var practiceIds = pcn.Memberships.Select(m => m.PracticeId).Distinct().ToList();
        var sizes = await db.PracticeListSizes.AsNoTracking()
            .Where(l => practiceIds.Contains(l.PracticeId) && l.AsAt <= populationDate)
            .Select(l => new ListSizeRecord(l.Practice!.Code, l.AsAt, l.Registered, l.Weighted))
            .ToListAsync(cancellationToken);
        var current = pcn.Memberships.Where(m => m.IsCurrentOn(asAt)).ToList();
        var population = PcnPopulation.Calculate(current.Select(m => m.Practice!.Code), sizes, asAt);
        var used = population.Practices.ToDictionary(p => p.PracticeCode);
        var practices = pcn.Memberships
            .OrderByDescending(m => m.IsCurrentOn(asAt)).ThenBy(m => m.Practice!.Name).ThenBy(m => m.StartDate)
            .Select(m => new PcnMemberRow(m.Id, m.Practice!.Code, m.Practice.Name, m.StartDate, m.EndDate, m.IsCurrentOn(asAt), m.CrossBoundary,
                m.IsCurrentOn(asAt) && used.TryGetValue(m.Practice.Code, out var u) ? u : null))
            .ToList();
        var outcomes = (await checks.CheckAsync(db.Pcns.Where(p => p.Id == pcn.Id), asAt, cancellationToken))[pcn.Code].Outcomes;
        var requests = db.PcnChangeRequests.AsNoTracking().Where(r => r.PcnId == pcn.Id);
        var requestCount = await requests.CountAsync(cancellationToken);
        var latest = requests.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id);
        var shown = await (allRequests ? latest : latest.Take(RecentRequests)).ToListAsync(cancellationToken);

        var id = pcn.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var membershipKeys = pcn.Memberships.Select(m => m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var directorKeys = pcn.ClinicalDirectors.Select(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var requestKeys = shown.Select(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var history = await db.AuditEntries.AsNoTracking()
            .Where(a => (a.Entity == nameof(Pcn) && a.EntityKey == id)
                || (a.Entity == nameof(PcnMembership) && membershipKeys.Contains(a.EntityKey))
                || (a.Entity == nameof(ClinicalDirector) && directorKeys.Contains(a.EntityKey))
                || (a.Entity == nameof(PcnChangeRequest) && requestKeys.Contains(a.EntityKey)))
            .OrderByDescending(a => a.Id)
            .Take(100)
            .ToListAsync(cancellationToken);
        return new PcnDetails(pcn, population, practices, outcomes, requestCount, shown, await audit.DescribeAsync(history, cancellationToken));
    }
}
