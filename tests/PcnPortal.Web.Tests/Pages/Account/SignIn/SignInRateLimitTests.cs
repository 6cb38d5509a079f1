using System.Net;
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
