using System.Net;
using Microsoft.Extensions.Configuration;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Account.SignIn;

/// <summary>A portal whose sign-in allows three attempts a minute per address.</summary>
public sealed class RateLimitedPortalFactory : PortalFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Security:SignInAttemptsPerMinute"] = "3" };
}

public sealed class SignInRateLimitTests(RateLimitedPortalFactory factory) : IClassFixture<RateLimitedPortalFactory>
{
    [Fact]
    public async Task Post_MoreAttemptsThanTheLimit_IsRefusedWith429AndAFriendlyPage()
    {
        var client = factory.CreateAnonymousClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var response = await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
            {
                ["Input.Email"] = $"nobody{i}@test.pcnportal.test",
                ["Input.Password"] = "wrong-password",
            });
            statuses.Add(response.StatusCode);
            if (i == 3)
            {
                Assert.Contains("Too many attempts", (await response.ReadDocumentAsync()).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
    }
}

/// <summary>A portal whose sign-in allows two attempts a minute per account name and many per address.</summary>
public sealed class AccountRateLimitedPortalFactory : PortalFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Security:SignInAttemptsPerAccountPerMinute"] = "2" };
}

/// <summary>Issue #15 item 8: attempts are limited per account name too, and X-Forwarded-For is believed only from configured proxies.</summary>
public sealed class SignInAccountRateLimitTests(AccountRateLimitedPortalFactory factory) : IClassFixture<AccountRateLimitedPortalFactory>
{
    [Fact]
    public async Task Post_MoreAttemptsOnOneAccountThanTheLimit_IsRefusedWith429_FromAnyAddress_WhileOtherAccountsStillWork()
    {
        var email = $"target{TestData.Next()}@test.pcnportal.test";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            // A fresh client each time, and a different forged forwarded address: neither resets the account's count.
            var client = factory.CreateAnonymousClient();
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            var response = await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
            {
                ["Input.Email"] = i == 2 ? email.ToUpperInvariant() : email, // the name is compared without case
                ["Input.Password"] = "wrong-password",
            });
            statuses.Add(response.StatusCode);
        }

        var other = await factory.CreateAnonymousClient().SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = $"someone.else{TestData.Next()}@test.pcnportal.test",
            ["Input.Password"] = "wrong-password",
        });

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}

public sealed class ForwardedHeadersTests
{
    private static Microsoft.AspNetCore.Builder.ForwardedHeadersOptions Configure(params (string Key, string Value)[] settings)
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        var options = new Microsoft.AspNetCore.Builder.ForwardedHeadersOptions();
        PcnPortal.Web.Infrastructure.Security.SignInRateLimiting.ConfigureForwardedHeaders(options, configuration);
        return options;
    }

    [Fact]
    public void NoProxyConfigured_TrustsNoOne_NotEvenLoopback()
    {
        var options = Configure();

        Assert.Empty(options.KnownProxies);
        Assert.Empty(options.KnownIPNetworks);
    }

    [Fact]
    public void ConfiguredProxiesAndNetworks_AreTheOnlyOnesTrusted()
    {
        var options = Configure(("Security:KnownProxies:0", "10.0.0.4"), ("Security:KnownNetworks:0", "192.168.10.0/24"));

        Assert.Equal([System.Net.IPAddress.Parse("10.0.0.4")], options.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("192.168.10.0/24")], options.KnownIPNetworks);
        Assert.Equal(1, options.ForwardLimit);
    }

    [Fact]
    public void AProxyThatIsNotAnAddress_StopsStartUpWithTheSettingNamed()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Configure(("Security:KnownProxies:0", "proxy.internal")));

        Assert.Contains("Security:KnownProxies", error.Message, StringComparison.Ordinal);
    }
}
