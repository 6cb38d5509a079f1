namespace PcnPortal.Web.Infrastructure.Data;

/// <summary>
/// Reference data every deployment needs (not demo data), added at start-up after migrations when it is missing.
/// Implementations are found by scanning this assembly; each must do nothing when its data is already there.
/// </summary>
public interface IReferenceDataSeeder
{
    Task EnsureAsync(PortalDbContext db, CancellationToken cancellationToken);
}
