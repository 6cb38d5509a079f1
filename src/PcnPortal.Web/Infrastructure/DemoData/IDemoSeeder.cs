using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Infrastructure.DemoData;

/// <summary>
/// Adds one area's demo data to an empty database. Seeders are found by scanning this assembly and run in
/// <see cref="Order"/>: the foundation (CCG, PCNs, practices, users) first, features after it.
/// </summary>
public interface IDemoSeeder
{
    int Order { get; }

    Task SeedAsync(PortalDbContext db, DemoSeedContext context, CancellationToken cancellationToken);
}

/// <summary>What every seeder may rely on: today's date and the demo users' password.</summary>
public sealed record DemoSeedContext(DateOnly Today, string Password, IServiceProvider Services);
