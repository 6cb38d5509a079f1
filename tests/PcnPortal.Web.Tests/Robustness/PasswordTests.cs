using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Pages.Account;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Robustness;

/// <summary>
/// Issue 15, item 7: people change their own password; an administrator sets a temporary one that must be changed at the next
/// sign-in; common passwords (a list shipped with the portal) and the published demo password are refused; each is audited.
/// </summary>
public sealed class PasswordTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string NewPassword = "Kettle-Orbit-Meadow-74";

    private static Dictionary<string, string> Credentials(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    private async Task<HttpClient> SignInAsync(string email, string password, string expectedLocation = "/")
    {
        var client = factory.CreateAnonymousClient();
        var response = await client.SubmitFormAsync("/account/sign-in", Credentials(email, password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expectedLocation, response.Headers.Location!.OriginalString);
        return client;
    }

    private static Dictionary<string, string> Change(string current, string next, string? confirm = null) => new()
    {
        ["Input.CurrentPassword"] = current,
        ["Input.NewPassword"] = next,
        ["Input.ConfirmPassword"] = confirm ?? next,
    };

    private Task<List<string>> AccountAuditAsync(string userId) =>
        factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == "Account" && a.EntityKey == userId).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

    [Theory]
    [InlineData("Password12")]
    [InlineData("password123456")]
    [InlineData("Demo-Portal-2026")]
    [InlineData("Liverpool123!")]
    [InlineData("qwertyuiop1")]
    [InlineData("1234567890")]
    public async Task CommonPasswords_AreRefused(string password)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = $"common.{TestData.Next()}@test.pcnportal.test";

        var result = await users.CreateAsync(new PortalUser { UserName = email, Email = email, DisplayName = "Common" }, password);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == CommonPasswordValidator.Code);
        Assert.True(CommonPasswordValidator.Count > 20_000);
    }

    [Fact]
    public async Task ChangePassword_ChecksTheCurrentOne_RefusesCommonOnes_ThenOnlyTheNewOneWorks()
    {
        var user = await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts);
        var client = await SignInAsync(user.Email, TestData.Password);
        await client.GetDocumentAsync("/account/change-password");

        var wrong = await client.SubmitFormAsync("/account/change-password", Change("not-my-password", NewPassword));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains(ChangePasswordModel.WrongCurrentMessage, (await wrong.ReadDocumentAsync()).ErrorSummary());

        var common = await client.SubmitFormAsync("/account/change-password", Change(TestData.Password, "Password12"));
        Assert.Equal(HttpStatusCode.BadRequest, common.StatusCode);
        Assert.Contains(CommonPasswordValidator.Message, (await common.ReadDocumentAsync()).ErrorSummary());

        var mismatch = await client.SubmitFormAsync("/account/change-password", Change(TestData.Password, NewPassword, NewPassword + "x"));
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);

        var changed = await client.SubmitFormAsync("/account/change-password", Change(TestData.Password, NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pcns")).StatusCode);

        Assert.Equal([SignInModel.WrongDetailsMessage], (await (await factory.CreateAnonymousClient().SubmitFormAsync("/account/sign-in", Credentials(user.Email, TestData.Password))).ReadDocumentAsync()).ErrorSummary());
        await SignInAsync(user.Email, NewPassword);
        Assert.Contains("PasswordChanged", await AccountAuditAsync(user.Id));
    }

    [Fact]
    public async Task AdministratorReset_SignsThePersonOut_AndForcesAChangeAtTheNextSignIn()
    {
        var user = await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance);
        var oldSession = await SignInAsync(user.Email, TestData.Password);
        var admin = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.Administrator));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/admin/users/{user.Id}/password")).StatusCode);

        var common = await admin.SubmitFormAsync($"/admin/users/{user.Id}/password", new Dictionary<string, string> { ["NewPassword"] = "Password12" });
        Assert.Equal(HttpStatusCode.BadRequest, common.StatusCode);
        Assert.Contains(CommonPasswordValidator.Message, (await common.ReadDocumentAsync()).ErrorSummary());

        const string temporary = "Lantern-Quarry-Pebble-31";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/admin/users/{user.Id}/password", new Dictionary<string, string> { ["NewPassword"] = temporary })).StatusCode);

        // The person's open session has ended; signing in with the temporary password leads only to changing it.
        Assert.Contains("/account/sign-in", (await oldSession.GetAsync("/finance")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        var client = await SignInAsync(user.Email, temporary, PasswordChangeGate.Path);
        var gated = await client.GetAsync("/finance");
        Assert.Equal(HttpStatusCode.Redirect, gated.StatusCode);
        Assert.Equal(PasswordChangeGate.Path, gated.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync("/account/change-password", Change(temporary, NewPassword))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/finance")).StatusCode);
        Assert.False(await factory.WithDbAsync(async db => (await db.Users.SingleAsync(u => u.Id == user.Id)).MustChangePassword));
        var audit = await AccountAuditAsync(user.Id);
        Assert.Equal(["SignedIn", "PasswordReset", "SignedIn", "PasswordChanged"], audit);
    }

    [Fact]
    public async Task AdministratorAddingAUser_RefusesACommonPassword()
    {
        var admin = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.Administrator));
        var email = $"new.{TestData.Next()}@test.pcnportal.test";
        var response = await admin.SubmitFormAsync("/admin/users/add", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "New Person",
            ["Input.Role"] = PortalRoles.CommissionerContracts,
            ["Input.Password"] = "Demo-Portal-2026",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(CommonPasswordValidator.Message, (await response.ReadDocumentAsync()).ErrorSummary());
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }
}

/// <summary>Demo data with the published demo password is refused outside Development, before anything is seeded.</summary>
public sealed class DemoPasswordOutsideDevelopmentTests
{
    [Theory]
    [InlineData("Demo-Portal-2026", false, true)]
    [InlineData("Password12", false, true)]
    [InlineData("Demo-Test-Password-1", false, false)]
    [InlineData("Demo-Portal-2026", true, false)]
    [InlineData("", true, true)]
    public void PublishedDemoPassword_IsRefusedOutsideDevelopment(string password, bool development, bool refused)
    {
        var reason = PcnPortal.Web.Infrastructure.DemoData.DemoDataRunner.RefusedDemoPassword(password, development);

        Assert.Equal(refused, reason is not null);
        Assert.True(reason is null || reason.Contains("DemoData:Password", StringComparison.Ordinal));
    }
}

/// <summary>In Development the demo users still get the published demo password (the seeder sets it without the password rules).</summary>
public sealed class DevelopmentDemoPasswordTests
{
    private sealed class Factory : PortalFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["DemoData:Enabled"] = "true",
            ["DemoData:Password"] = "Demo-Portal-2026",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }

    [Fact]
    public async Task DemoUsers_SignInWithTheDemoPassword()
    {
        using var factory = new Factory();
        var client = factory.CreateAnonymousClient();
        var response = await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = "admin@demo.pcnportal.test",
            ["Input.Password"] = "Demo-Portal-2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
