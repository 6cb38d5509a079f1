using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Pages.Pcns;

/// <summary>
/// Reads PCNs with their member practices and populations as at a date. Population follows the DES convention:
/// the sum of member practices' list sizes as at the latest 1 January on or before the date.
/// </summary>
public sealed class PcnRegisterQuery(PortalDbContext db)
{
    public static DateOnly PopulationDateFor(DateOnly asAt) => new(asAt.Year, 1, 1);

    public async Task<List<PcnRow>> ListAsync(DateOnly asAt, string? onlyPcnCode, CancellationToken cancellationToken = default)
    {
        var populationDate = PopulationDateFor(asAt);
        var pcns = db.Pcns.AsNoTracking();
        if (onlyPcnCode is not null)
        {
            pcns = pcns.Where(p => p.Code == onlyPcnCode);
        }

        var rows = await pcns
            .OrderBy(p => p.Name)
            .Select(p => new
            {
                p.Code,
                p.Name,
                Locality = p.Locality == null ? null : p.Locality.Name,
                p.OpenDate,
                p.CloseDate,
                Practices = p.Memberships.Count(m => m.StartDate <= asAt && (m.EndDate == null || m.EndDate >= asAt)),
                Registered = p.Memberships
                    .Where(m => m.StartDate <= asAt && (m.EndDate == null || m.EndDate >= asAt))
                    .SelectMany(m => m.Practice!.ListSizes.Where(l => l.AsAt == populationDate))
                    .Sum(l => (int?)l.Registered) ?? 0,
                Weighted = p.Memberships
                    .Where(m => m.StartDate <= asAt && (m.EndDate == null || m.EndDate >= asAt))
                    .SelectMany(m => m.Practice!.ListSizes.Where(l => l.AsAt == populationDate))
                    .Sum(l => l.Weighted) ?? 0m,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new PcnRow(r.Code, r.Name, r.Locality, r.OpenDate, r.CloseDate, r.Practices, r.Registered, r.Weighted, populationDate)).ToList();
    }

    public sealed record PcnRow(
        string Code, string Name, string? Locality, DateOnly OpenDate, DateOnly? CloseDate,
        int Practices, int RegisteredPopulation, decimal WeightedPopulation, DateOnly PopulationDate)
    {
        public bool IsOpenOn(DateOnly date) => OpenDate <= date && (CloseDate is null || CloseDate >= date);
    }
}
