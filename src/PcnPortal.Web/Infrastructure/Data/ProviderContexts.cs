using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Infrastructure.Auditing;

namespace PcnPortal.Web.Infrastructure.Data;

/// <summary>The SQLite flavour of the portal's context: its migrations live in Infrastructure/Data/Migrations/Sqlite.</summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options, IAuditActor? actor = null, TimeProvider? clock = null)
    : PortalDbContext(options, actor, clock)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite has no decimal type: store every decimal as a whole number of ten-thousandths so the database
        // itself can compare, order and sum money, rates and WTE exactly.
        configurationBuilder.Properties<decimal>().HaveConversion<ScaledDecimalConverter>();
        configurationBuilder.Properties<decimal?>().HaveConversion<ScaledDecimalConverter>();
    }
}

/// <summary>The SQL Server flavour of the portal's context: its migrations live in Infrastructure/Data/Migrations/SqlServer.</summary>
public sealed class SqlServerPortalDbContext(DbContextOptions<SqlServerPortalDbContext> options, IAuditActor? actor = null, TimeProvider? clock = null)
    : PortalDbContext(options, actor, clock)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }
}
