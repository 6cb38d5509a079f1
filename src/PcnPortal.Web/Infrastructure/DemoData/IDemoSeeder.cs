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
public sealed record DemoSeedContext(DateOnly Today, string Password, IServiceProvider Services)
{
    /// <summary>
    /// Creates a demo user with the demo password. In Development the password rules are skipped: the published demo password
    /// (Demo-Portal-2026) is on the common-password list, so nobody can choose it, but the local demo users still have it.
    /// Anywhere else the password must pass every rule (DemoDataRunner refuses a common one before seeding starts).
    /// </summary>
    public async Task<Microsoft.AspNetCore.Identity.IdentityResult> CreateUserAsync(Microsoft.AspNetCore.Identity.UserManager<Security.PortalUser> users, Security.PortalUser user)
    {
        if (Services.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            user.PasswordHash = users.PasswordHasher.HashPassword(user, Password);
            return await users.CreateAsync(user);
        }

        return await users.CreateAsync(user, Password);
    }
}
