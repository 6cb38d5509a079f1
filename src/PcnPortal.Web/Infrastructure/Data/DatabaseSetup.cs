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

    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = ReadProvider(configuration);
        var connectionString = ReadConnectionString(configuration, contentRoot, provider);
        if (provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContext<SqlitePortalDbContext>(options => options
                .UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(30)));
            services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<SqlitePortalDbContext>());
        }
        else
        {
            services.AddDbContext<SqlServerPortalDbContext>(options => options
                .UseSqlServer(connectionString));
            services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<SqlServerPortalDbContext>());
        }

        return services;
    }

    /// <summary>Applies pending migrations; on SQLite also turns on write-ahead logging so readers never wait for a writer.</summary>
    public static async Task MigrateAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
