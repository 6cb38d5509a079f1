using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Robustness;

/// <summary>A clock the tests move forward; everything else is the real portal.</summary>
public sealed class MovableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}

/// <summary>The portal with a clock the test can move (sessions' absolute lifetime).</summary>
public sealed class MovableClockPortalFactory : PortalFactory
{
    public MovableClock Clock { get; } = new();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>
/// Issue 15, items 2 and 6: sessions through the real sign-in cookie. Signing out ends the session on the server (a copied
/// cookie stops working); a session ends 12 hours after sign-in however active; disabling an account, or changing its role or
/// PCN, takes effect on the person's next request.
/// </summary>
public sealed class SessionTests(MovableClockPortalFactory factory) : IClassFixture<MovableClockPortalFactory>
{
    private static Dictionary<string, string> Credentials(string email) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = TestData.Password,
    };

    /// <summary>Signs in through the page and returns the client and its auth cookie (name=value).</summary>
    private async Task<(HttpClient Client, string Cookie)> SignInAsync(TestUser user)
    {
        var client = factory.CreateAnonymousClient();
        var response = await client.SubmitFormAsync("/account/sign-in", Credentials(user.Email));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pcnportal.auth=", StringComparison.Ordinal)).Split(';')[0];
        return (client, cookie);
    }

    private HttpClient ClientWithCookie(string cookie)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static bool SentToSignIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/sign-in", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task SignOut_ACopiedCookieNoLongerWorks()
    {
        var user = await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts);
        var (client, cookie) = await SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await ClientWithCookie(cookie).GetAsync("/pcns")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync("/account/sign-out", new Dictionary<string, string>())).StatusCode);

        Assert.True(SentToSignIn(await ClientWithCookie(cookie).GetAsync("/pcns")));
        Assert.True(SentToSignIn(await client.GetAsync("/pcns")));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "Account" && a.Action == "SignedOut" && a.EntityKey == user.Id)));
    }

    [Fact]
    public async Task Session_EndsTwelveHoursAfterSignIn_EvenWhenActive()
    {
        var user = await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance);
        factory.Clock.Offset = TimeSpan.Zero;
        var (client, _) = await SignInAsync(user);
        try
        {
            // Active every few hours: the 8-hour idle timeout keeps sliding, but 12 hours after sign-in the session ends.
            foreach (var hours in new[] { 3, 6, 9, 11.5 })
            {
                factory.Clock.Offset = TimeSpan.FromHours(hours);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pcns")).StatusCode);
            }

            factory.Clock.Offset = TimeSpan.FromHours(12.1);
            Assert.True(SentToSignIn(await client.GetAsync("/pcns")));
        }
        finally
        {
            factory.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task DisabledAccount_IsRefusedOnItsNextRequest()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var user = await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code);
        var (client, _) = await SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/pcns/{pcn.Code}/changes/new")).StatusCode);

        // Disabled directly in the database, with no stamp change: the next request still finds out.
        await factory.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == user.Id)).IsDisabled = true;
            await db.SaveChangesAsync();
        });

        Assert.True(SentToSignIn(await client.GetAsync($"/pcns/{pcn.Code}/changes/new")));
    }

    [Fact]
    public async Task RoleAndPcnChanges_TakeEffectOnTheNextRequest()
    {
        var first = await factory.Data.CreatePcnAsync();
        var second = await factory.Data.CreatePcnAsync();
        var user = await factory.Data.CreateUserAsync(PortalRoles.PcnManager, first.Code);
        var (client, _) = await SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/pcns/{first.Code}")).StatusCode);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var entity = (await users.FindByIdAsync(user.Id))!;
            entity.PcnCode = second.Code;
            await users.UpdateAsync(entity);
        }

        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync($"/pcns/{first.Code}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/pcns/{second.Code}")).StatusCode);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var entity = (await users.FindByIdAsync(user.Id))!;
            await users.RemoveFromRoleAsync(entity, PortalRoles.PcnManager);
            if (!await scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>().RoleExistsAsync(PortalRoles.CommissionerFinance))
            {
                await scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>().CreateAsync(new IdentityRole(PortalRoles.CommissionerFinance));
            }

            await users.AddToRoleAsync(entity, PortalRoles.CommissionerFinance);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/finance")).StatusCode);
    }

    [Fact]
    public async Task UnchangedAccount_KeepsItsCookie_ANameChangeRebuildsIt()
    {
        var user = await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts);
        var (_, cookie) = await SignInAsync(user);
        var client = ClientWithCookie(cookie);
        static bool Renewed(HttpResponseMessage r) =>
            r.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith("pcnportal.auth=", StringComparison.Ordinal));

        // Nothing changed: the claims built at sign-in stand and the cookie is not re-issued.
        var unchanged = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        Assert.False(Renewed(unchanged));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var entity = (await users.FindByIdAsync(user.Id))!;
            entity.DisplayName = "Renamed Reviewer";
            await users.UpdateAsync(entity);
        }

        // Changed: rebuilt from the record on the next request, shown on the page, and the cookie re-issued with it.
        var changed = await client.GetAsync("/");
        Assert.True(Renewed(changed));
        Assert.Contains("Renamed Reviewer", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
