using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Papers;

/// <summary>
/// Writes the DES payment rates found for 2019/20 to now (<see cref="PublishedDesRates"/>, each with its status and
/// citation) for every year that holds no rates yet, whether or not demo data is on, so a database that held only the
/// 2019/20 rates gains the later years. A year with any rate (entered or seeded) is left as it is. Run at start-up
/// like the other reference data (ADR 0007): reads never write.
/// </summary>
public sealed class DesFundingRateSeeder : IReferenceDataSeeder
{
    public async Task EnsureAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var held = await db.DesFundingRates.Select(r => r.YearStart).Distinct().ToListAsync(cancellationToken);
        var missing = PublishedDesRates.Rates().Where(r => !held.Contains(r.YearStart)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        db.DesFundingRates.AddRange(missing);
        var actor = db.ActorOverride;
        db.ActorOverride ??= "reference-data-seed";
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first requests may race: if the other one wrote the rates, all is well.
            db.ChangeTracker.Clear();
            var years = missing.Select(r => r.YearStart).Distinct().ToList();
            if (await db.DesFundingRates.Where(r => years.Contains(r.YearStart)).Select(r => r.YearStart).Distinct().CountAsync(cancellationToken) < years.Count)
            {
                throw;
            }
        }
        finally
        {
            db.ActorOverride = actor;
        }
    }
}
