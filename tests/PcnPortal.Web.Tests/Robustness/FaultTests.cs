using System.Net;
using Microsoft.Data.Sqlite;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;
using Serilog.Events;

namespace PcnPortal.Web.Tests.Robustness;

/// <summary>A portal whose database waits at most a second for a lock, logging into <see cref="CapturedLogs"/>.</summary>
public sealed class FaultPortalFactory : PortalFactory
{
    protected override IDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?>(CapturedLogs.Settings()) { ["Database:CommandTimeoutSeconds"] = "1" };
}

public sealed class FaultTests(FaultPortalFactory factory) : IClassFixture<FaultPortalFactory>
{
    private static readonly string[] Leaks = ["Exception", "at PcnPortal", "SELECT", "INSERT", "SQLite", "sqlite", "StackTrace", "   at "];

    private static async Task AssertFriendlyErrorAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.ServiceUnavailable, $"Expected 500 or 503, got {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Sorry, there is a problem with the service", body, StringComparison.Ordinal);
        Assert.Matches("reference <strong>[^<]+</strong>", body);
        foreach (var leak in Leaks)
        {
            Assert.DoesNotContain(leak, body, StringComparison.Ordinal);
        }
    }

    private static bool ErrorWasLogged(DateTimeOffset since) =>
        CapturedLogs.Events.Any(e => e.Timestamp >= since && e.Level >= LogEventLevel.Error && e.Exception is not null);

    [Fact]
    public async Task Post_WhileAnotherConnectionHoldsAnExclusiveLock_ShowsAFriendlyErrorAndLogsIt()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));
        var form = (await client.GetDocumentAsync(RobustnessData.ChangeRequestUrl(pcn.Code))).QuerySelector("main form[method=post]")!;
        var since = DateTimeOffset.UtcNow;

        HttpResponseMessage response;
        await using (var locker = new SqliteConnection(factory.ConnectionString + ";Pooling=False"))
        {
            await locker.OpenAsync();
            await using var lockCommand = locker.CreateCommand();
            lockCommand.CommandText = "BEGIN EXCLUSIVE;";
            await lockCommand.ExecuteNonQueryAsync();

            response = await client.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)form, RobustnessData.ChangeRequestUrl(pcn.Code), RobustnessData.ChangeRequestSubmission());

            lockCommand.CommandText = "ROLLBACK;";
            await lockCommand.ExecuteNonQueryAsync();
        }

        await AssertFriendlyErrorAsync(response);
        Assert.True(ErrorWasLogged(since), "Expected an error event with the exception in the log.");
        Assert.Equal(0, await factory.WithDbAsync(db => Task.FromResult(db.PcnChangeRequests.Count(c => c.PcnId == pcn.Id))));

        // And the portal carries on once the lock is gone.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/pcns/{pcn.Code}")).StatusCode);
    }

    [Fact]
    public async Task Get_WhenTheDatabaseFileIsReplacedByAnEmptyOne_ShowsAFriendlyErrorAndLogsIt()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/pcns/{pcn.Code}")).StatusCode);

        // Move the real file aside mid-run (as a failed disk or a careless restore would): new connections find an empty database.
        var path = new SqliteConnectionStringBuilder(factory.ConnectionString).DataSource;
        SqliteConnection.ClearAllPools();
        var suffixes = new[] { string.Empty, "-wal", "-shm" };
        foreach (var suffix in suffixes.Where(s => File.Exists(path + s)))
        {
            File.Move(path + suffix, path + suffix + ".aside");
        }

        var since = DateTimeOffset.UtcNow;
        try
        {
            // The signed-in user is looked up first, so even authentication meets the missing tables.
            var response = await factory.CreateClientFor(new TestUser("x", "x", PortalRoles.CommissionerContracts, null)).GetAsync($"/pcns/{pcn.Code}");
            var direct = await client.GetAsync("/pcns");

            await AssertFriendlyErrorAsync(response);
            await AssertFriendlyErrorAsync(direct);
            Assert.True(ErrorWasLogged(since), "Expected an error event with the exception in the log.");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in suffixes)
            {
                File.Delete(path + suffix);
                if (File.Exists(path + suffix + ".aside"))
                {
                    File.Move(path + suffix + ".aside", path + suffix);
                }
            }
        }
    }
}
