using System.Net;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Foundation;

/// <summary>"Which PCN may this user see" has one answer (<see cref="PcnScope"/>), and every page about one PCN uses it.</summary>
public sealed class PcnScopeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private sealed class User(string? role, string? pcnCode) : ICurrentUser
    {
        public string Name => "test";

        public string? UserId => "test";

        public bool IsSignedIn => role is not null;

        public string? PcnCode => pcnCode;

        public bool IsPcnScoped => role is not null && PortalRoles.IsPcnScoped(role);

        public bool IsInRole(string r) => r == role;
    }

    // The database is used only to list PCNs for a commissioner's choice (ChooseAsync), which the page tests cover.
    private static PcnScope ScopeFor(string? role, string? pcnCode = null) => new(new User(role, pcnCode), null!);

    [Theory]
    [InlineData(PortalRoles.PcnManager)]
    [InlineData(PortalRoles.ClinicalDirector)]
    public void A_PCN_user_sees_and_acts_for_their_own_PCN_only(string role)
    {
        var scope = ScopeFor(role, "U11111");

        Assert.True(scope.CanSee("U11111"));
        Assert.True(scope.CanSee("u11111"));
        Assert.True(scope.IsOwn("U11111"));
        Assert.False(scope.CanSee("U22222"));
        Assert.False(scope.IsOwn("U22222"));
        Assert.Equal("U11111", scope.OwnPcnCode);
        Assert.Equal("U11111", scope.OnlyPcnCode);
        Assert.Equal("U11111", scope.Resolve(null).PcnCode);
        Assert.Equal("U11111", scope.Resolve("U11111").PcnCode);
        Assert.True(scope.Resolve("U22222").IsRefused);
    }

    [Theory]
    [InlineData(PortalRoles.Administrator)]
    [InlineData(PortalRoles.CommissionerContracts)]
    [InlineData(PortalRoles.CommissionerFinance)]
    [InlineData(PortalRoles.CommitteeSecretary)]
    [InlineData(PortalRoles.PanelMember)]
    public void A_commissioner_sees_every_PCN_and_acts_for_none(string role)
    {
        var scope = ScopeFor(role);

        Assert.True(scope.CanSee("U22222"));
        Assert.False(scope.IsOwn("U22222"));
        Assert.Null(scope.OwnPcnCode);
        Assert.Null(scope.OnlyPcnCode);
        Assert.Equal("U22222", scope.Resolve("U22222").PcnCode);
        Assert.False(scope.Resolve("U22222").IsRefused);
    }

    [Fact]
    public void A_PCN_user_whose_account_names_no_PCN_sees_none()
    {
        var scope = ScopeFor(PortalRoles.PcnManager);

        Assert.False(scope.CanSee("U11111"));
        Assert.False(scope.IsOwn("U11111"));
        Assert.Equal("-", scope.OnlyPcnCode);
        Assert.True(scope.Resolve("U11111").IsRefused);
    }

    [Fact]
    public void Nobody_signed_in_sees_nothing()
    {
        var scope = ScopeFor(null);

        Assert.False(scope.CanSee("U11111"));
        Assert.False(scope.IsOwn("U11111"));
    }

    [Theory]
    [InlineData("/claims?pcn={0}")]
    [InlineData("/claims/baseline?pcn={0}")]
    [InlineData("/claims/staff?pcn={0}")]
    [InlineData("/claims/staff/add?pcn={0}")]
    [InlineData("/pcns/{0}")]
    [InlineData("/pcns/{0}/changes/new")]
    public async Task A_PCN_user_is_refused_another_PCNs_page(string url)
    {
        var own = await factory.Data.CreatePcnAsync();
        var other = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, own.Code));

        var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, other.Code));

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
        Assert.DoesNotContain(other.Name, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/claims")]
    [InlineData("/claims/baseline")]
    [InlineData("/claims/staff")]
    public async Task A_PCN_user_is_shown_their_own_PCN_whatever_else_exists(string url)
    {
        await factory.Data.CreatePcnAsync();
        var own = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.ClinicalDirector, own.Code));

        var html = (await client.GetDocumentAsync(url)).Body!.TextContent;

        Assert.Contains(own.Name, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/claims?pcn={0}")]
    [InlineData("/claims/baseline?pcn={0}")]
    [InlineData("/claims/staff?pcn={0}")]
    public async Task A_commissioner_sees_the_PCN_asked_for(string url)
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

        var html = (await client.GetDocumentAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, pcn.Code))).Body!.TextContent;

        Assert.Contains(pcn.Name, html, StringComparison.Ordinal);
    }
}
