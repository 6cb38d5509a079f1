using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Infrastructure.Security;

public sealed class AuthorisationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>The only pages a person may see without signing in.</summary>
    private static readonly HashSet<string> AnonymousPages = new(StringComparer.OrdinalIgnoreCase)
    {
        "/account/sign-in", "/account/access-denied", "/error", "/status",
    };

    /// <summary>Every Razor page route in the app, with route values filled in, found from the endpoint table.</summary>
    private List<(string Route, RouteEndpoint Endpoint)> PageRoutes() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => ("/" + FillRouteValues(e.RoutePattern.RawText ?? string.Empty).TrimStart('/'), e))
            .DistinctBy(r => r.Item1)
            .ToList();

    private static string FillRouteValues(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, "{([^}:?]+)[^}]*}", m => m.Groups[1].Value.ToLowerInvariant() switch
        {
            "code" or "pcncode" => "U90001",
            "id" => "1",
            "year" => "2021-22",
            _ => "1",
        });

    [Fact]
    public void EndpointTable_HasPages() => Assert.True(PageRoutes().Count >= 8, "Expected the page enumeration to find the portal's pages.");

    [Fact]
    public async Task EveryPage_ExceptSignIn_RedirectsAnonymousVisitorsToSignIn()
    {
        _ = factory.Services;
        var client = factory.CreateAnonymousClient();
        var failures = new List<string>();
        foreach (var (route, _) in PageRoutes().Where(r => !AnonymousPages.Contains(r.Route)))
        {
            var response = await client.GetAsync(route);
            var location = response.Headers.Location?.OriginalString ?? string.Empty;
            if (response.StatusCode != HttpStatusCode.Redirect || !location.Contains("/account/sign-in", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{route}: {(int)response.StatusCode} {location}");
            }
        }

        Assert.True(failures.Count == 0, "Pages reachable without signing in:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void EveryPageModel_DeclaresAPolicyOrIsAnAccountPage()
    {
        var missing = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract)
            .Where(t => t.Namespace != "PcnPortal.Web.Pages" && t.Namespace != "PcnPortal.Web.Pages.Account")
            .Where(t => t.GetCustomAttributes(typeof(AuthorizeAttribute), true).OfType<AuthorizeAttribute>().All(a => string.IsNullOrEmpty(a.Policy)))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(missing.Count == 0, "Page models without an [Authorize(Policy = ...)]: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Health_IsOpenWithoutSignIn()
    {
        var response = await factory.CreateAnonymousClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(PortalRoles.CommissionerContracts)]
    [InlineData(PortalRoles.CommissionerFinance)]
    [InlineData(PortalRoles.CommitteeSecretary)]
    [InlineData(PortalRoles.PanelMember)]
    [InlineData(PortalRoles.PcnManager)]
    [InlineData(PortalRoles.ClinicalDirector)]
    public async Task AdminPages_AreForbiddenToOtherRoles(string role)
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var user = await factory.Data.CreateUserAsync(role, PortalRoles.IsPcnScoped(role) ? pcn.Code : null);
        var client = factory.CreateClientFor(user);

        foreach (var url in new[] { "/admin/users", "/admin/users/add", "/admin/audit" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task PcnManager_CannotOpenAnotherPcnsPage()
    {
        var own = await factory.Data.CreatePcnAsync();
        var other = await factory.Data.CreatePcnAsync();
        var manager = await factory.Data.CreateUserAsync(PortalRoles.PcnManager, own.Code);
        var client = factory.CreateClientFor(manager);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/pcns/{own.Code}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/pcns/{other.Code}")).StatusCode);
    }

    [Fact]
    public async Task PcnManager_SeesOnlyTheirOwnPcnInTheRegister()
    {
        var own = await factory.Data.CreatePcnAsync();
        var other = await factory.Data.CreatePcnAsync();
        var manager = await factory.Data.CreateUserAsync(PortalRoles.PcnManager, own.Code);

        var page = await factory.CreateClientFor(manager).GetDocumentAsync("/pcns");

        Assert.Contains(own.Name, page.Body!.TextContent);
        Assert.DoesNotContain(other.Name, page.Body!.TextContent);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        var admin = await factory.Data.CreateUserAsync(PortalRoles.Administrator);
        var client = factory.CreateClientFor(admin);

        var response = await client.PostAsync("/admin/users/add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "sneaky@test.pcnportal.test",
            ["Input.DisplayName"] = "Sneaky",
            ["Input.Role"] = PortalRoles.Administrator,
            ["Input.Password"] = "Sneaky-Password-1",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await factory.WithDbAsync(async db => db.Users.Any(u => u.Email == "sneaky@test.pcnportal.test")));
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        var response = await factory.CreateAnonymousClient().GetAsync("/account/sign-in");

        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
