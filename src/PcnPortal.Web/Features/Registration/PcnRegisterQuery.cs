using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Features.Registration;
using PcnPortal.Web.Infrastructure.Configuration;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Web;

namespace PcnPortal.Web.Features.Registration;

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
/// or before that date). Sums, sorting and paging are done in SQL, and the rules run on data from two more queries: the number of
/// SQL commands does not grow with the number of PCNs.
/// </summary>
public sealed class PcnRegisterQuery(PortalDbContext db, RegistrationCheckService checks, PortalOptions portal, DataVersionCache cache)
{
    public static DateOnly PopulationDateFor(DateOnly asAt) => PcnPopulation.PopulationDate(asAt);

    public Task<List<PcnRow>> ListAsync(DateOnly asAt, string? onlyPcnCode, CancellationToken cancellationToken = default) =>
        ListAsync(new RegisterFilter(asAt, onlyPcnCode, AllEngland: true), cancellationToken);

    /// <summary>Every row the filter selects (the CSV export, OD allocations): the rules run for each.</summary>
    public async Task<List<PcnRow>> ListAsync(RegisterFilter filter, CancellationToken cancellationToken = default)
    {
        var pcns = Filtered(filter);
        var rows = await Ordered(WithPopulations(pcns, filter.AsAt), filter.Sort).ToListAsync(cancellationToken);
        var results = await checks.CheckAsync(pcns, filter.AsAt, cancellationToken);
        return [.. rows.Select(r => ToRow(r, filter.AsAt, results)).Where(r => HasRule(r, filter.RuleCode))];
    }

    /// <summary>
    /// One page of the register. Counting, sorting and paging are done in SQL and the rules run only for the rows on the page,
    /// so the work does not grow with the size of the register. Filtering by rule needs every row's checks, so with a rule
    /// filter the rules run for every PCN the other filters select and the page is cut from that list.
    /// A page number beyond the last page shows the last page. A page is kept (<see cref="DataVersionCache"/>) until business
    /// data changes, as the finance summary is: the key is the filter (with its as-at date), the page and its size.
    /// </summary>
    public Task<RegisterPage> PageAsync(RegisterFilter filter, int pageNumber, int pageSize, CancellationToken cancellationToken = default) =>
        cache.GetOrComputeAsync(db, $"register:{filter}|{pageNumber}|{pageSize}", () => ComputePageAsync(filter, pageNumber, pageSize, cancellationToken), cancellationToken);

    private async Task<RegisterPage> ComputePageAsync(RegisterFilter filter, int pageNumber, int pageSize, CancellationToken cancellationToken)
    {
        if (filter.RuleCode is not null)
        {
            var all = await ListAsync(filter, cancellationToken);
            var paging = Paging.For(all.Count, pageSize, pageNumber);
            return new RegisterPage([.. all.Skip(paging.Skip).Take(pageSize)], paging);
        }

        var pcns = Filtered(filter);
        var page = Paging.For(await pcns.CountAsync(cancellationToken), pageSize, pageNumber);
        var rows = await Ordered(WithPopulations(pcns, filter.AsAt), filter.Sort)
            .Skip(page.Skip).Take(pageSize)
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var results = await checks.CheckAsync(db.Pcns.Where(p => ids.Contains(p.Id)), filter.AsAt, cancellationToken);
        return new RegisterPage([.. rows.Select(r => ToRow(r, filter.AsAt, results))], page);
    }

    private static bool HasRule(PcnRow row, string? ruleCode) => string.IsNullOrEmpty(ruleCode) || row.Flags.Any(f => f.Code == ruleCode);

    /// <summary>The rules apply to a PCN open on the date: one not yet open or closed shows no warnings.</summary>
    private static PcnRow ToRow(RegisterRow r, DateOnly asAt, Dictionary<string, PcnRegistrationResult> results) => new(
        r.Code, r.Name, r.CcgCode, r.Locality, r.OpenDate, r.CloseDate, r.Practices, r.Registered, r.Weighted, PopulationDateFor(asAt),
        Pcn.StatusOn(r.OpenDate, r.CloseDate, asAt) == PcnStatus.Open && results.TryGetValue(r.Code, out var result) ? [.. result.Outcomes.Where(o => o.Severity != RuleSeverity.Pass)] : []);

    /// <summary>The PCNs the scope, locality and status filters select.</summary>
    private IQueryable<Pcn> Filtered(RegisterFilter filter)
    {
        var asAt = filter.AsAt;
        var pcns = db.Pcns.AsNoTracking();
        if (filter.OnlyPcnCode is not null)
        {
            pcns = pcns.Where(p => p.Code == filter.OnlyPcnCode);
        }
        else if (!filter.AllEngland)
        {
            var ccgs = portal.CcgCodes.ToList();
            pcns = pcns.Where(p => ccgs.Contains(p.CcgCode));
        }

        if (filter.LocalityId is { } locality)
        {
            pcns = pcns.Where(p => p.LocalityId == locality);
        }

        return filter.Status switch
        {
            "open" => pcns.Where(p => p.OpenDate <= asAt && (p.CloseDate == null || p.CloseDate >= asAt)),
            "closed" => pcns.Where(p => p.CloseDate != null && p.CloseDate < asAt),
            "not-yet-open" => pcns.Where(p => p.OpenDate > asAt),
            _ => pcns,
        };
    }

    /// <summary>
    /// Each PCN with its current member count and population, in one SQL query: each population is a correlated sum over the
    /// current members joined to their list size for the latest date on or before the population date (a sum of a column, not
    /// of a subquery, which SQL Server cannot aggregate; a join rather than APPLY, which SQLite lacks), so SQL can sort and page by it.
    /// </summary>
    private IQueryable<RegisterRow> WithPopulations(IQueryable<Pcn> pcns, DateOnly asAt)
    {
        var populationDate = PopulationDateFor(asAt);
        var sizes =
            from m in db.PcnMemberships
            where m.StartDate <= asAt && (m.EndDate == null || m.EndDate >= asAt)
            join l in db.PracticeListSizes on m.PracticeId equals l.PracticeId
            where l.AsAt == db.PracticeListSizes.Where(x => x.PracticeId == m.PracticeId && x.AsAt <= populationDate).OrderByDescending(x => x.AsAt).Select(x => (DateOnly?)x.AsAt).FirstOrDefault()
            select new { m.PcnId, l.Registered, l.Weighted };
        return pcns.Select(p => new RegisterRow
        {
            Id = p.Id,
            Code = p.Code,
            Name = p.Name,
            CcgCode = p.CcgCode,
            Locality = p.Locality == null ? null : p.Locality.Name,
            OpenDate = p.OpenDate,
            CloseDate = p.CloseDate,
            Practices = p.Memberships.Count(m => m.StartDate <= asAt && (m.EndDate == null || m.EndDate >= asAt)),
            Registered = sizes.Where(s => s.PcnId == p.Id).Sum(s => (int?)s.Registered) ?? 0,
            Weighted = sizes.Where(s => s.PcnId == p.Id).Sum(s => s.Weighted) ?? 0m,
        });
    }

    /// <summary>Name order ignores case (upper-cased in SQL); the code breaks ties so pages never overlap.</summary>
    private static IQueryable<RegisterRow> Ordered(IQueryable<RegisterRow> rows, string sort) => sort switch
    {
        "population" => rows.OrderByDescending(r => r.Registered).ThenBy(r => r.Name.ToUpper()).ThenBy(r => r.Code),
        "population-asc" => rows.OrderBy(r => r.Registered).ThenBy(r => r.Name.ToUpper()).ThenBy(r => r.Code),
        _ => rows.OrderBy(r => r.Name.ToUpper()).ThenBy(r => r.Code),
    };

    /// <summary>A register row as read from SQL, before the rules run (a member-initialised class, so SQL can sort by its properties).</summary>
    private sealed class RegisterRow
    {
        public int Id { get; init; }

        public required string Code { get; init; }

        public required string Name { get; init; }

        public required string CcgCode { get; init; }

        public string? Locality { get; init; }

        public DateOnly OpenDate { get; init; }

        public DateOnly? CloseDate { get; init; }

        public int Practices { get; init; }

        public int Registered { get; init; }

        public decimal Weighted { get; init; }
    }

    /// <summary>One page of register rows, the number of PCNs on every page together, and the page shown.</summary>
    public sealed record RegisterPage(List<PcnRow> Rows, Paging Paging);

    public sealed record PcnRow(
        string Code, string Name, string CcgCode, string? Locality, DateOnly OpenDate, DateOnly? CloseDate,
        int Practices, int RegisteredPopulation, decimal WeightedPopulation, DateOnly PopulationDate, IReadOnlyList<RuleOutcome> Flags)
    {
        public bool IsOpenOn(DateOnly date) => OpenDate <= date && (CloseDate is null || CloseDate >= date);

        public PcnStatus StatusOn(DateOnly date) => Pcn.StatusOn(OpenDate, CloseDate, date);
    }
}
