using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Maturity;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Maturity;

/// <summary>Adds the default matrix (<see cref="MaturityMatrix.Default"/>) at start-up when no matrix version exists yet.</summary>
public sealed class MaturityMatrixSeeder(TimeProvider clock) : IReferenceDataSeeder
{
    public async Task EnsureAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (await db.MatrixVersions.AnyAsync(cancellationToken))
        {
            return;
        }

        db.MatrixVersions.Add(CreateDefault(clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
    }

    public static MatrixVersion CreateDefault(DateTime createdAt) => new()
    {
        Name = MaturityMatrix.DefaultName,
        CreatedAt = createdAt,
        Descriptors = [.. MaturityMatrix.Default.Descriptors.Select(d => new MatrixDescriptor
        {
            Domain = d.Domain, Step = d.Step, ForPcns = d.ForPcns, ForSystems = d.ForSystems,
        })],
    };
}
