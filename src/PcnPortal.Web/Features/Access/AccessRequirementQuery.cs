using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Access;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Access;

/// <summary>
/// What the access requirement of some PCNs is built from, loaded once: the figures, the PCNs' memberships, their
/// practices' registered list sizes and the PCNs' adjusted populations. <see cref="ForPeriod"/> and <see cref="OnDay"/>
/// then work the requirement out in memory (the domain's <see cref="AccessRequirement"/>).
/// </summary>
public sealed class AccessRequirementData
{
    private readonly Dictionary<int, List<(string Practice, DateOnly Start, DateOnly? End)>> memberships;
    private readonly ILookup<string, ListSizeRecord> listSizes;
    private readonly Dictionary<int, List<(DateOnly AsAt, int Population)>> adjusted;

    internal AccessRequirementData(
        IReadOnlyList<AccessRequirementFigure> figures,
        Dictionary<int, List<(string Practice, DateOnly Start, DateOnly? End)>> memberships,
        ILookup<string, ListSizeRecord> listSizes,
        Dictionary<int, List<(DateOnly AsAt, int Population)>> adjusted)
    {
        Figures = figures;
        this.memberships = memberships;
        this.listSizes = listSizes;
        this.adjusted = adjusted;
    }

    public IReadOnlyList<AccessRequirementFigure> Figures { get; }

    public AccessPeriodRequirement ForPeriod(int pcnId, string pcnCode, DateOnly from, DateOnly to) =>
        AccessRequirement.ForPeriod(from, to, Figures, (figure, day) => Population(pcnId, pcnCode, figure, day));

    public AccessRequirementSegment OnDay(int pcnId, string pcnCode, DateOnly day) =>
        AccessRequirement.OnDay(day, Figures, (figure, d) => Population(pcnId, pcnCode, figure, d));

    /// <summary>The member practices' codes on a day.</summary>
    public IReadOnlyList<string> PracticesOn(int pcnId, DateOnly day) =>
        memberships.TryGetValue(pcnId, out var list)
            ? [.. list.Where(m => m.Start <= day && (m.End is null || m.End >= day)).Select(m => m.Practice).Distinct().Order(StringComparer.Ordinal)]
            : [];

    private AccessPopulation Population(int pcnId, string pcnCode, AccessRequirementFigure figure, DateOnly day)
    {
        var populationDate = figure.PopulationDate(day);
        if (figure.Basis == AccessPopulationBasis.Adjusted)
        {
            var held = adjusted.TryGetValue(pcnId, out var list) ? list.Where(a => a.AsAt <= day).OrderByDescending(a => a.AsAt).FirstOrDefault() : default;
            return held == default
                ? AccessPopulation.Missing($"adjusted population for {pcnCode} at {AccessText.Date(day)} not loaded")
                : AccessPopulation.Of(held.Population, held.AsAt, $"adjusted population as at {AccessText.Date(held.AsAt)}");
        }

        var practices = PracticesOn(pcnId, day);
        if (practices.Count == 0)
        {
            return AccessPopulation.Missing($"{pcnCode} has no member practices on {AccessText.Date(day)}");
        }

        var used = practices.Select(p => PcnPopulation.SelectForPractice(p, listSizes[p], populationDate)).ToList();
        var missing = used.Where(u => u.Record is null).Select(u => u.PracticeCode).ToList();
        if (missing.Count > 0)
        {
            return AccessPopulation.Missing($"registered list size of {string.Join(", ", missing)} ({pcnCode}) on or before {AccessText.Date(populationDate)} not loaded");
        }

        var dates = used.Select(u => u.Record!.AsAt).Distinct().Order().Select(AccessText.Date);
        return AccessPopulation.Of(
            used.Sum(u => u.Record!.Registered),
            populationDate,
            $"registered list sizes of {string.Join(", ", practices)} held on or before {AccessText.Date(populationDate)} (as at {string.Join(", ", dates)})");
    }
}

public sealed class AccessRequirementQuery(PortalDbContext db)
{
    public async Task<AccessRequirementData> LoadAsync(IReadOnlyCollection<int> pcnIds, CancellationToken cancellationToken)
    {
        var figures = await db.AccessRequirementFigures.AsNoTracking().OrderBy(f => f.From).ToListAsync(cancellationToken);
        var members = await db.PcnMemberships.AsNoTracking()
            .Where(m => pcnIds.Contains(m.PcnId))
            .Select(m => new { m.PcnId, Practice = m.Practice!.Code, m.PracticeId, m.StartDate, m.EndDate })
            .ToListAsync(cancellationToken);
        var practiceIds = members.Select(m => m.PracticeId).Distinct().ToList();
        var sizes = await db.PracticeListSizes.AsNoTracking()
            .Where(l => practiceIds.Contains(l.PracticeId))
            .Select(l => new ListSizeRecord(l.Practice!.Code, l.AsAt, l.Registered, l.Weighted))
            .ToListAsync(cancellationToken);
        var adjusted = await db.PcnAdjustedPopulations.AsNoTracking()
            .Where(a => pcnIds.Contains(a.PcnId))
            .Select(a => new { a.PcnId, a.AsAt, a.Population })
            .ToListAsync(cancellationToken);
        return new AccessRequirementData(
            figures,
            members.GroupBy(m => m.PcnId).ToDictionary(g => g.Key, g => g.Select(m => (m.Practice, m.StartDate, m.EndDate)).ToList()),
            sizes.ToLookup(s => s.PracticeCode, StringComparer.Ordinal),
            adjusted.GroupBy(a => a.PcnId).ToDictionary(g => g.Key, g => g.Select(a => (a.AsAt, a.Population)).ToList()));
    }
}
