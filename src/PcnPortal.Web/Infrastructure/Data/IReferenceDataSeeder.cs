namespace PcnPortal.Web.Infrastructure.Data;

/// <summary>
/// Reference data every deployment needs (not demo data), added after migrations when it is missing: at web start-up
/// (<see cref="DemoData.DemoDataRunner"/>) and before a command-line verb runs. Each feature registers its own seeders
/// (<c>services.AddScoped&lt;IReferenceDataSeeder, MySeeder&gt;()</c>); each must do nothing when its data is already there.
/// Reads never seed: a page or query that finds no reference data shows none.
/// </summary>
public interface IReferenceDataSeeder
{
    Task EnsureAsync(PortalDbContext db, CancellationToken cancellationToken);
}

public static class ReferenceData
{
    /// <summary>Runs every registered <see cref="IReferenceDataSeeder"/> against <paramref name="db"/>, in registration order.</summary>
    public static async Task EnsureAsync(IServiceProvider services, PortalDbContext db, CancellationToken cancellationToken)
    {
        foreach (var seeder in services.GetServices<IReferenceDataSeeder>())
        {
            await seeder.EnsureAsync(db, cancellationToken);
        }
    }
}
