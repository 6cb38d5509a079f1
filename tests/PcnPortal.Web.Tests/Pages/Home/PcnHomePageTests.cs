using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Home;

/// <summary>/ for PCN users: their own PCN's work waiting, never another PCN's.</summary>
public sealed class PcnHomePageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Home_PcnManager_CountsOnlyTheirOwnPcnsWork()
    {
        var mine = await factory.Data.CreatePcnAsync();
        var other = await factory.Data.CreatePcnAsync();
        var fund = 0;
        foreach (var pcn in new[] { mine, other, other })
        {
            var eoiFund = await factory.Data.CreateFundAsync();
            fund = fund == 0 ? eoiFund : fund; // mine's
            var change = await factory.Data.CreateChangeRequestAsync(pcn);
            var line = await factory.Data.CreateClaimLineAsync(pcn.Code);
            await factory.Data.CreateEoiAsync(eoiFund, pcn.Code, status: EoiStatus.Returned);
            await factory.WithDbAsync(async db =>
            {
                (await db.PcnChangeRequests.SingleAsync(c => c.Id == change)).Status = PcnChangeStatus.Returned;
                (await db.ArrsClaimLines.SingleAsync(l => l.Id == line)).Status = ArrsClaimStatus.Queried;
                await db.SaveChangesAsync();
            });
        }

        await factory.Data.CreateClaimLineAsync(mine.Code); // submitted, not queried: not waiting for the PCN
        var draft = await factory.Data.CreateEoiAsync(await factory.Data.CreateFundAsync(), mine.Code, status: EoiStatus.Draft);
        await factory.WithDbAsync(async db =>
        {
            (await db.OdEois.SingleAsync(e => e.Id == draft)).ClinicalDirectorConfirmed = false;
            await db.SaveChangesAsync();
        });
        await factory.Data.CreateMaturityReturnAsync(mine);
        var manager = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, mine.Code));

        var page = await manager.GetDocumentAsync("/");

        var rows = page.QuerySelectorAll("table.app-work tbody tr").ToDictionary(r => r.GetAttribute("data-item")!, r => (Count: r.QuerySelector("td:last-child")!.TextContent.Trim(), Link: r.QuerySelector("a")?.GetAttribute("href")));
        Assert.Equal(("1", $"/pcns/{mine.Code}"), rows["Change requests returned to you"]);
        Assert.Equal(("1", $"/claims?pcn={mine.Code}"), rows["Claim lines queried by the contracts team"]);
        Assert.Equal(("1", $"/od-funds/{fund}/eoi"), rows["Expressions of interest returned to you"]);
        Assert.Equal("1", rows["Expressions of interest waiting for the clinical director's confirmation"].Count);
        Assert.Equal("1", rows["Maturity returns to submit"].Count);
        Assert.DoesNotContain(other.Code, page.QuerySelector("main")!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll("h2"), h => h.TextContent.Contains("contracts team", StringComparison.Ordinal));
    }
}
