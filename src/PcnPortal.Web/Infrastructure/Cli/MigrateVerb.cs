using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Infrastructure.Cli;

/// <summary>`migrate`: apply pending migrations (the runner already did) and report the database's state.</summary>
[CliVerb("migrate", "[--json]")]
internal sealed class MigrateVerb(PortalDbContext db) : ICliVerb
{
    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        if (invocation.Arguments.Count > 0)
        {
            throw new CliUsageException($"migrate takes no arguments; got '{string.Join(' ', invocation.Arguments)}'.");
        }

        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var provider = db.Database.IsSqlite() ? "Sqlite" : "SqlServer";
        if (invocation.Json)
        {
            await invocation.Out.WriteLineAsync(JsonSerializer.Serialize(new { provider, migrations = applied.Count, latest = applied.LastOrDefault(), errors = Array.Empty<string>() }));
        }
        else
        {
            await invocation.Out.WriteLineAsync($"Database ({provider}) is up to date: {applied.Count} migrations applied, latest {applied.LastOrDefault() ?? "none"}.");
        }

        return CliExitCodes.Success;
    }
}
