using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Access;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Access;

/// <summary>
/// Writes the extended hours and enhanced access figures (<see cref="PublishedAccessSchedule"/>, each with its status and
/// citation) when none is held, whether or not demo data is on. Figures already held (seeded or corrected by an
/// administrator) are left as they are. Run at start-up like the other reference data (ADR 0007).
/// </summary>
public sealed class AccessReferenceDataSeeder : IReferenceDataSeeder
{
    public async Task EnsureAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (await db.AccessRequirementFigures.AnyAsync(cancellationToken))
        {
            return;
        }

        db.AccessRequirementFigures.AddRange(PublishedAccessSchedule.Figures());
        var actor = db.ActorOverride;
        db.ActorOverride ??= "reference-data-seed";
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first requests may race: if the other one wrote the figures, all is well.
            db.ChangeTracker.Clear();
            if (!await db.AccessRequirementFigures.AnyAsync(cancellationToken))
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
