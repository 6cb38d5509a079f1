using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Pcns;

public sealed class CountingPortalFactory : PortalFactory
{
    public SqlCommandCounter Counter { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<SqlitePortalDbContext>(options => options.AddInterceptors(Counter)));
    }
}

public sealed class PcnRegisterQueryCountTests(CountingPortalFactory factory) : IClassFixture<CountingPortalFactory>
{
    /// <summary>Commands for the page computed (business data changed since it was last kept).</summary>
    private async Task<int> CommandsForRegisterAsync(HttpClient client, string url = "/pcns?Scope=all&Sort=population")
    {
        await client.GetDocumentAsync(url); // warm up (sign-in, caches)
        await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance); // audited: the data version moves on
        var before = factory.Counter.Count;
        await client.GetDocumentAsync(url);
        return factory.Counter.Count - before;
    }

    [Fact]
    public async Task Register_PageKeptUntilBusinessDataChanges()
    {
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        await factory.Data.CreatePcnAsync(name: "Kept Register PCN", practiceListSizes: [20_000]);
        var computed = await CommandsForRegisterAsync(client, "/pcns?Scope=all");

        var before = factory.Counter.Count;
        await client.GetDocumentAsync("/pcns?Scope=all");
        var kept = factory.Counter.Count - before;
        var added = await factory.Data.CreatePcnAsync(name: "Added After Keeping PCN", practiceListSizes: [20_000]);
        var after = await client.GetDocumentAsync("/pcns?Scope=all&pageNumber=1");

        Assert.True(kept < computed, $"kept {kept}, computed {computed}");
        Assert.Contains(added.Name, after.QuerySelector("main")!.TextContent, StringComparison.Ordinal); // the new PCN, not the kept page
    }

    [Fact]
    public async Task PcnPage_KeptUntilBusinessDataChanges()
    {
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 9_000]);
        var url = $"/pcns/{pcn.Code}";
        var computed = await CommandsForRegisterAsync(client, url);

        var before = factory.Counter.Count;
        var kept = await client.GetDocumentAsync(url);
        var keptCommands = factory.Counter.Count - before;
        await factory.WithDbAsync(async db =>
        {
            (await db.Pcns.SingleAsync(p => p.Id == pcn.Id)).Name = "Renamed While Kept PCN";
            await db.SaveChangesAsync();
        });
        var after = await client.GetDocumentAsync(url);

        Assert.True(keptCommands < computed - 5, $"kept {keptCommands}, computed {computed}");
        Assert.Contains(pcn.Name, kept.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Renamed While Kept PCN", after.QuerySelector("h1")!.TextContent, StringComparison.Ordinal); // the change, not the kept page
    }

    [Fact]
    public async Task Register_SqlCommandCount_SameFor5And50Pcns()
    {
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        for (var i = 0; i < 5; i++)
        {
            await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 15_000, 9_000]);
        }

        var forFive = await CommandsForRegisterAsync(client);
        for (var i = 0; i < 45; i++)
        {
            await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 15_000, 9_000]);
        }

        var forFifty = await CommandsForRegisterAsync(client);

        Assert.Equal(50, await factory.WithDbAsync(db => db.Pcns.CountAsync()));
        Assert.Equal(forFive, forFifty);
        Assert.InRange(forFive, 1, 15);

        // Paged: 120 PCNs over three pages; every page (the last too) takes as many commands, and a rule filter (which checks every row) no more.
        for (var i = 0; i < 70; i++)
        {
            await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 15_000, 9_000]);
        }

        foreach (var url in new[] { "/pcns?Scope=all&Sort=population", "/pcns?Scope=all&Sort=population&pageNumber=2", "/pcns?Scope=all&pageNumber=3" })
        {
            Assert.Equal(forFive, await CommandsForRegisterAsync(client, url));
        }

        Assert.InRange(await CommandsForRegisterAsync(client, "/pcns?Scope=all&Rule=PCN-NO-PAYEE&pageNumber=2"), 1, forFive);

        // The CSV export has every row, still with a constant number of commands.
        var before = factory.Counter.Count;
        var csv = await client.GetStringAsync("/pcns?Scope=all&handler=csv");
        Assert.Equal(121, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.InRange(factory.Counter.Count - before, 1, 15);
    }
}
