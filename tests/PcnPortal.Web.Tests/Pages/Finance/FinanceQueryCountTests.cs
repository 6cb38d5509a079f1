using System.Data.Common;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Finance;

/// <summary>
/// The finance page and the claims review queue: the number of SQL commands must not grow with the number of PCNs or
/// claim lines, whether the page is computed or kept from an earlier request.
/// </summary>
public sealed class FinanceQueryCountTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task AddPcnsWithClaimsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var pcn = await factory.Data.CreatePcnAsync();
            await factory.Data.CreateClaimLinesAsync(pcn.Code,
                TestData.ClaimRow(pcn.Code, month: "2020-05"), TestData.ClaimRow(pcn.Code, "SP-" + pcn.Code, "2020-06", role: "SPLW", salary: "2000.00"));
        }
    }

    private (SqlCommandCounter Counter, HttpClient Client, IDisposable Host) CountedClient(TestUser user)
    {
        var counter = new SqlCommandCounter();
        var counted = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.ConfigureDbContext<SqlitePortalDbContext>(o => o.AddInterceptors(counter))));
        var client = counted.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Add(TestSignInHandler.Header, user.Id);
        return (counter, client, counted);
    }

    [Fact]
    public async Task Get_SameNumberOfSqlCommandsFor3And12Pcns()
    {
        var (counter, client, host) = CountedClient(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        using var disposeHost = host;
        await AddPcnsWithClaimsAsync(3);
        await client.GetDocumentAsync("/finance?year=2019/20"); // warm-up: reference data seeded, caches filled (another year)

        // Computed (the data changed since the report was last kept).
        counter.Reset();
        var page3 = await client.GetDocumentAsync("/finance?year=2020/21");
        var with3 = counter.Count;
        await AddPcnsWithClaimsAsync(9);
        counter.Reset();
        var page12 = await client.GetDocumentAsync("/finance?year=2020/21");
        var with12 = counter.Count;

        // Kept (nothing changed): only the data version is read.
        counter.Reset();
        var again = await client.GetDocumentAsync("/finance?year=2020/21");
        var kept = counter.Count;

        Assert.True(page12.QuerySelectorAll("#entitlements tbody tr").Length >= page3.QuerySelectorAll("#entitlements tbody tr").Length + 9);
        Assert.True(with3 > 0);
        Assert.Equal(with3, with12);
        Assert.True(kept < with12, $"{kept} commands when nothing changed, {with12} when computed");
        Assert.Equal(page12.QuerySelector("#entitlements")!.TextContent, again.QuerySelector("#entitlements")!.TextContent);
    }

    [Fact]
    public async Task Get_AfterNewClaims_ShowsThemAtOnce()
    {
        var (_, client, host) = CountedClient(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        using var disposeHost = host;
        var pcn = await factory.Data.CreatePcnAsync();
        await factory.Data.CreateClaimLinesAsync(pcn.Code, TestData.ClaimRow(pcn.Code, month: "2020-05"));
        var before = (await client.GetDocumentAsync("/finance?year=2020/21")).QuerySelector($"#entitlements tr[data-pcn={pcn.Code}]")!.TextContent;

        await factory.Data.CreateClaimLinesAsync(pcn.Code, TestData.ClaimRow(pcn.Code, month: "2020-06"));
        var after = (await client.GetDocumentAsync("/finance?year=2020/21")).QuerySelector($"#entitlements tr[data-pcn={pcn.Code}]")!.TextContent;

        var pending = await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Pcn!.Code == pcn.Code).Select(l => l.Reimbursable).ToListAsync());
        Assert.Equal(2, pending.Count);
        Assert.NotEqual(before, after);
        Assert.Contains(PcnPortal.Domain.Common.Money.Format(pending.Sum()), after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewQueue_SameNumberOfSqlCommandsFor3And12Pcns()
    {
        var (counter, client, host) = CountedClient(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        using var disposeHost = host;
        await AddPcnsWithClaimsAsync(3);
        await client.GetDocumentAsync("/claims/review?Status=Queried"); // warm-up

        counter.Reset();
        var page3 = await client.GetDocumentAsync("/claims/review?Status=Submitted");
        var with3 = counter.Count;
        await AddPcnsWithClaimsAsync(9);
        counter.Reset();
        var page12 = await client.GetDocumentAsync("/claims/review?Status=Submitted");
        var with12 = counter.Count;
        counter.Reset();
        await client.GetDocumentAsync("/claims/review?Status=Submitted");
        var kept = counter.Count;

        static int Matching(AngleSharp.Dom.IDocument page) =>
            int.Parse(page.QuerySelectorAll("p").Select(p => p.TextContent).First(t => t.Contains("matching lines", StringComparison.Ordinal)).Split(' ')[0], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Matching(page3) + 18, Matching(page12)); // nine more PCNs, two submitted lines each
        Assert.True(with3 > 0);
        Assert.Equal(with3, with12);
        Assert.True(kept <= with12);
    }
}
