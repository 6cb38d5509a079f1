using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Infrastructure.DemoData;

/// <summary>At start-up: migrate, make sure the roles exist, and seed the demo CCG into an empty database when enabled.</summary>
public static class DemoDataRunner
{
    public static async Task PrepareDatabaseAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var configuration = provider.GetRequiredService<IConfiguration>();
        var environment = provider.GetRequiredService<IHostEnvironment>();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoDataRunner));
        var db = provider.GetRequiredService<PortalDbContext>();
        db.ActorOverride = "system";
        await DatabaseSetup.MigrateAsync(db, cancellationToken);

        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        await ReferenceData.EnsureAsync(provider, db, cancellationToken);

        var enabled = configuration.GetValue<bool?>("DemoData:Enabled") ?? environment.IsDevelopment();
        if (!enabled || await db.Pcns.AnyAsync(cancellationToken))
        {
            return;
        }

        var password = configuration["DemoData:Password"];
        if (string.IsNullOrWhiteSpace(password))
        {
            throw new InvalidOperationException("DemoData:Enabled is true but DemoData:Password is not set. Set it (environment variable DemoData__Password) or turn demo data off.");
        }

        var clock = provider.GetRequiredService<TimeProvider>();
        var context = new DemoSeedContext(clock.Today(), password, provider);
        db.ActorOverride = "demo-seed";
        var seeders = typeof(DemoDataRunner).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDemoSeeder).IsAssignableFrom(t))
            .Select(t => (IDemoSeeder)ActivatorUtilities.CreateInstance(provider, t))
            .OrderBy(s => s.Order)
            .ToList();
        foreach (var seeder in seeders)
        {
            logger.LogInformation("Seeding demo data: {Seeder}", seeder.GetType().Name);
            await seeder.SeedAsync(db, context, cancellationToken);
        }

        db.ActorOverride = null;
        logger.LogInformation("Demo CCG {Ccg} seeded with {Seeders} seeders", DemoCcg.Name, seeders.Count);
    }
}
