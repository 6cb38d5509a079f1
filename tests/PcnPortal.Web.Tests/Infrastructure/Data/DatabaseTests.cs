using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Infrastructure.Data;

public sealed class DatabaseTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public void SqliteModel_HasNoChangesWithoutAMigration()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed: run scripts/add-migration.sh <Name> to add a migration for both providers.");
    }

    [Fact]
    public void SqlServerModel_HasNoChangesWithoutAMigration()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed: run scripts/add-migration.sh <Name> to add a migration for both providers.");
    }

    [Fact]
    public void BothProviders_HaveTheSameMigrations()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]);

        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public void SqlServerMigrationScript_CreatesTheTablesWithSqlServerTypes()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Pcns]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [AuditEntries]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [AspNetUsers]", script, StringComparison.Ordinal);
        Assert.Contains("decimal(18,4)", script, StringComparison.Ordinal);
        Assert.Contains("[Version] int NOT NULL", script, StringComparison.Ordinal);
        Assert.DoesNotContain("AUTOINCREMENT", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sqlite_StoresDecimalsAsWholeTenThousandthsThatSqlCanSum()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [1_000, 2_000]);

        var (sum, type) = await factory.WithDbAsync(async db =>
        {
            var total = await db.PracticeListSizes
                .Where(l => l.Practice!.Memberships.Any(m => m.PcnId == pcn.Id) && l.AsAt == new DateOnly(2020, 1, 1))
                .SumAsync(l => l.Weighted);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT typeof(Weighted) FROM PracticeListSizes LIMIT 1";
            return (total, (string)(await command.ExecuteScalarAsync())!);
        });

        Assert.Equal(3_150m, sum);
        Assert.Equal("integer", type);
    }
}
