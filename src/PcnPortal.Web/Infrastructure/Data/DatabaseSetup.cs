using Microsoft.EntityFrameworkCore;

namespace PcnPortal.Web.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

public static class DatabaseSetup
{
    public const string ConnectionStringName = "Portal";

    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var text = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(text, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider is '{text}'; use Sqlite or SqlServer.");
    }

    /// <summary>The configured connection string, or a SQLite file under App_Data in the content root.</summary>
    public static string ReadConnectionString(IConfiguration configuration, string contentRoot, DatabaseProvider provider)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (provider == DatabaseProvider.SqlServer)
        {
            throw new InvalidOperationException("ConnectionStrings:Portal must be set when Database:Provider is SqlServer.");
        }

        var folder = Path.Combine(contentRoot, "App_Data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "pcnportal.db")}";
    }

    /// <summary>
    /// Registers both provider contexts and resolves <see cref="PortalDbContext"/> to the configured one. The
    /// configuration is read when a context is first built, not at registration, so hosts and tests that add
    /// configuration late (WebApplicationFactory) are honoured.
    /// </summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, string contentRoot)
    {
        services.AddDbContext<SqlitePortalDbContext>((sp, options) => options.UseSqlite(
            ReadConnectionString(sp.GetRequiredService<IConfiguration>(), contentRoot, DatabaseProvider.Sqlite),
            sqlite => sqlite.CommandTimeout(CommandTimeoutSeconds(sp.GetRequiredService<IConfiguration>()))));
        services.AddDbContext<SqlServerPortalDbContext>((sp, options) => options.UseSqlServer(
            ReadConnectionString(sp.GetRequiredService<IConfiguration>(), contentRoot, DatabaseProvider.SqlServer),
            sqlServer => sqlServer.CommandTimeout(CommandTimeoutSeconds(sp.GetRequiredService<IConfiguration>()))));
        services.AddScoped<PortalDbContext>(sp => ReadProvider(sp.GetRequiredService<IConfiguration>()) == DatabaseProvider.Sqlite
            ? sp.GetRequiredService<SqlitePortalDbContext>()
            : sp.GetRequiredService<SqlServerPortalDbContext>());
        return services;
    }

    /// <summary>
    /// How long a command may wait, including (on SQLite) waiting for another connection's lock:
    /// Database:CommandTimeoutSeconds, 30 by default. A shorter wait turns a locked database into a prompt error page.
    /// </summary>
    public static int CommandTimeoutSeconds(IConfiguration configuration) =>
        Math.Clamp(configuration.GetValue<int?>("Database:CommandTimeoutSeconds") ?? 30, 1, 600);

    /// <summary>
    /// Applies pending migrations; on SQLite also turns on write-ahead logging so readers never wait for a writer. When the
    /// history table already lists every migration, Migrate is not called: it would take the migration lock and compare the
    /// model with the last snapshot, a few hundred milliseconds at every start and every command-line verb, to do nothing.
    /// </summary>
    public static async Task MigrateAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
