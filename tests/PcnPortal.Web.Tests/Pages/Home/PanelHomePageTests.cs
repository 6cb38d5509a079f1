using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Home;

/// <summary>/ for a panel member: the submitted EOIs in the funds whose panel they sit on, and no other fund's.</summary>
public sealed class PanelHomePageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Home_PanelMember_CountsSubmittedEoisOnTheirPanelsOnly()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var member = await factory.Data.CreateUserAsync(PortalRoles.PanelMember);
        var theirs = await factory.Data.CreateFundAsync();
        var notTheirs = await factory.Data.CreateFundAsync();
        await factory.Data.AddPanelMemberAsync(theirs, member, "Pat Panel");
        var waiting = await factory.Data.CreateEoiAsync(theirs, pcn.Code);
        await factory.Data.CreateEoiAsync(theirs, (await factory.Data.CreatePcnAsync()).Code, status: EoiStatus.Draft);
        await factory.Data.CreateEoiAsync(theirs, (await factory.Data.CreatePcnAsync()).Code, status: EoiStatus.Approved);
        await factory.Data.CreateEoiAsync(notTheirs, pcn.Code);

        var page = await factory.CreateClientFor(member).GetDocumentAsync("/");

        var row = page.QuerySelector("tr[data-item=\"Expressions of interest waiting for the panel's decision\"]")!;
        Assert.Equal("1", row.QuerySelector("td:last-child")!.TextContent.Trim());
        Assert.Equal($"/od-funds/eois/{waiting}/decision", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("0", page.QuerySelector("tr[data-item='Panel decisions waiting for you to confirm your vote'] td:last-child")!.TextContent.Trim());
    }
}
