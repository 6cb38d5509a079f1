using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Features.Arrs;

/// <summary>
/// The plans SQLite chooses for the queries that read a national year of claim lines, asked with EXPLAIN QUERY PLAN on
/// the commands the pages really send (same text, same parameters). The planner has no statistics here, so the plan is
/// the one a national database gets: a page of the review queue read in order from an index, not every waiting line
/// sorted for each request (0.4 s a request with 611,000 lines waiting), and the finance forecast finding each person's
/// latest claim through the (staff member, month) index, not a ROW_NUMBER over every claim line (6 s).
/// </summary>
public sealed class ClaimQueryPlanTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>
    /// The commands of a first request (computed) and of a second one straight after, or after <paramref name="between"/>
    /// (kept where the page keeps results and nothing changed).
    /// </summary>
    private async Task<(IReadOnlyList<RecordedCommand> First, IReadOnlyList<RecordedCommand> Again)> CommandsForAsync(string role, string url, Func<Task>? between = null)
    {
        var counter = new SqlCommandCounter();
        using var host = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.ConfigureDbContext<SqlitePortalDbContext>(o => o.AddInterceptors(counter))));
        var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Add(TestSignInHandler.Header, (await factory.Data.CreateUserAsync(role)).Id);
        counter.Reset();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        var first = counter.Commands;
        if (between is not null)
        {
            await between();
        }

        counter.Reset();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        return (first, counter.Commands);
    }

    private Task<string> PlanAsync(RecordedCommand command) => factory.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Text;
        foreach (var (name, value) in command.Parameters)
        {
            var parameter = explain.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            explain.Parameters.Add(parameter);
        }

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }

        return string.Join("\n", lines);
    });

    [Fact]
    public async Task ReviewQueue_DefaultOrder_ReadsAPageFromTheIndexWithoutSortingEveryWaitingLine()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        await factory.Data.CreateClaimLineAsync(pcn.Code);
        await factory.Data.CreateClaimLineAsync(pcn.Code, month: "2020-06");

        var (commands, _) = await CommandsForAsync(PortalRoles.CommissionerContracts, "/claims/review?Status=Submitted");

        var pageQuery = Assert.Single(commands, c => c.Text.Contains("LIMIT", StringComparison.Ordinal) && c.Text.Contains("\"WorstOutcome\" DESC", StringComparison.Ordinal));
        var plan = await PlanAsync(pageQuery);
        Assert.Contains("USING INDEX IX_ArrsClaimLines_ReviewQueueDefaultOrder (Status=?)", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("FOR RIGHT PART OF ORDER BY", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContractsHome_ClaimCountsReadEveryWaitingLine_SoAreKeptUntilTheDataChanges()
    {
        var (first, again) = await CommandsForAsync(PortalRoles.CommissionerContracts, "/");
        static bool SharedCount(RecordedCommand c) => c.Text.Contains("COUNT(*)", StringComparison.Ordinal) && c.Text.Contains("\"StaffRef\"", StringComparison.Ordinal);
        Assert.Single(first, SharedCount);
        Assert.Single(first, c => c.Text.Contains("\"QueryResponse\" IS NOT NULL", StringComparison.Ordinal));

        Assert.DoesNotContain(again, SharedCount);
        Assert.DoesNotContain(again, c => c.Text.Contains("\"QueryResponse\" IS NOT NULL", StringComparison.Ordinal));

        // A change to business data between the two requests: the counts are read again.
        var (_, afterChange) = await CommandsForAsync(PortalRoles.CommissionerContracts, "/", () => factory.Data.CreatePcnAsync());
        Assert.Single(afterChange, SharedCount);
    }

    [Fact]
    public async Task FinanceForecast_LatestClaimPerPerson_SeeksTheStaffMonthIndex()
    {
        // The forecast runs for the year the portal is in (its months still to come).
        var year = PcnPortal.Domain.Common.FinancialYear.Containing(DateOnly.FromDateTime(DateTime.UtcNow));
        var pcn = await factory.Data.CreatePcnAsync();
        await factory.Data.CreateClaimLineAsync(pcn.Code, month: year.FirstDay.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));

        var (commands, _) = await CommandsForAsync(PortalRoles.CommissionerFinance, $"/finance?year={year}");

        Assert.DoesNotContain(commands, c => c.Text.Contains("ROW_NUMBER", StringComparison.Ordinal));
        var forecast = Assert.Single(commands, c => c.Text.Contains("FROM \"ArrsStaff\"", StringComparison.Ordinal) && c.Text.Contains("\"StaffMemberId\"", StringComparison.Ordinal));
        var plan = await PlanAsync(forecast);
        Assert.Contains("IX_ArrsClaimLines_StaffMemberId_Month (StaffMemberId=?)", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN a0", plan, StringComparison.Ordinal);
    }
}
