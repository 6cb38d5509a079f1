using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Papers;

/// <summary>
/// Writes the DES payment rates found for 2019/20 to now (<see cref="PublishedDesRates"/>, each with its status and
/// citation) the first time the table is found empty, whether or not demo data is on, as the ARRS reference data is.
/// </summary>
public sealed class DesFundingRateService(PortalDbContext db)
{
    public async Task EnsureSeededAsync(CancellationToken cancellationToken = default)
    {
        if (await db.DesFundingRates.AnyAsync(cancellationToken))
        {
            return;
        }

        db.DesFundingRates.AddRange(PublishedDesRates.Rates());
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
            if (!await db.DesFundingRates.AnyAsync(cancellationToken))
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
