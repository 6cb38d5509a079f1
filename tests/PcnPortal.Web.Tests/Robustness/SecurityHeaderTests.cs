using System.Net;
using Microsoft.AspNetCore.Hosting;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Robustness;

/// <summary>The portal as deployed: Production environment.</summary>
public sealed class ProductionPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        // A real deployment names its own host (AllowedHosts); the tests ask as the public host and as localhost.
        builder.UseSetting("AllowedHosts", "pcnportal.avonmere.nhs.uk;localhost");
    }
}

public sealed class SecurityHeaderTests(ProductionPortalFactory factory) : IClassFixture<ProductionPortalFactory>
{
    private const string PublicHost = "pcnportal.avonmere.nhs.uk";

    private static void AssertHardened(HttpResponseMessage response, string what)
    {
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.DoesNotContain("'unsafe-inline'", scriptSrc, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", scriptSrc, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.True(response.Headers.GetValues("X-Content-Type-Options").Single() == "nosniff", what);
        Assert.True(response.Headers.GetValues("X-Frame-Options").Single() == "DENY", what);
        Assert.True(response.Headers.GetValues("Referrer-Policy").Single() is "same-origin" or "no-referrer" or "strict-origin-when-cross-origin", what);
    }

    private static HttpRequestMessage Get(string url, string host = PublicHost)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Host = host;
        return request;
    }

    [Theory]
    [InlineData("/account/sign-in")]
    [InlineData("/css/site.css")]
    [InlineData("/lib/nhsuk-frontend/nhsuk-frontend.min.css")]
    [InlineData("/health")]
    [InlineData("/no-such-page")]
    public async Task Anonymous_PagesAndStaticFiles_CarryTheSecurityHeadersAndHsts(string url)
    {
        var response = await factory.CreateAnonymousClient().SendAsync(Get(url));

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        AssertHardened(response, url);
        var hsts = response.Headers.GetValues("Strict-Transport-Security").Single();
        Assert.Matches("max-age=[1-9][0-9]{6,}", hsts); // at least ~12 days; the default is 30 days
    }

    [Fact]
    public async Task SignedInPage_CarriesTheHeaders_AndIsNotCached()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));

        var response = await client.SendAsync(Get($"/pcns/{pcn.Code}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHardened(response, "PCN page");
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Hsts_IsNotSentOverPlainHttp()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://" + PublicHost) });

        var response = await client.GetAsync("/account/sign-in");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        AssertHardened(response, "sign-in over http");
    }

    [Fact]
    public async Task SignInPage_HasNoInlineScriptsOrStyleAttributes()
    {
        var html = await (await factory.CreateAnonymousClient().SendAsync(Get("/account/sign-in"))).Content.ReadAsStringAsync();
        var document = await HtmlForms.ParseAsync(html);

        Assert.All(document.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "inline <script> found"));
        Assert.Empty(document.QuerySelectorAll("[style]"));
        Assert.Empty(document.QuerySelectorAll("[onclick],[onload],[onerror]"));
    }

    [Fact]
    public async Task Cookies_AreSecureHttpOnlyAndSameSite()
    {
        var response = await factory.CreateAnonymousClient().SendAsync(Get("/account/sign-in"));

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c =>
        {
            Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=", c, StringComparison.OrdinalIgnoreCase);
        });
    }
}
