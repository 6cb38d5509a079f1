using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Robustness;

/// <summary>
/// Issue 15, items 10 and 12: outside Development a forged Host header is refused (AllowedHosts defaults to loopback names; a
/// deployment lists its own), HSTS lasts a year and covers subdomains, and Kestrel sends no Server header.
/// </summary>
public sealed class TransportSecurityTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ForgedHostHeader_IsRefused()
    {
        var client = factory.CreateAnonymousClient();
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/pcns");
        forged.Headers.Host = "evil.example";

        var response = await client.SendAsync(forged);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/pcns")).StatusCode);
    }

    [Fact]
    public async Task Hsts_IsAYearWithSubdomains()
    {
        var response = await factory.CreateAnonymousClient().GetAsync("/account/sign-in");

        // UseHsts leaves localhost out, so read the configured header policy as well as the response.
        var options = factory.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.HttpsPolicy.HstsOptions>>().Value;
        Assert.Equal(TimeSpan.FromDays(365), options.MaxAge);
        Assert.True(options.IncludeSubDomains);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public void Kestrel_SendsNoServerHeader() =>
        Assert.False(factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
}
