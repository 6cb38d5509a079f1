using System.Net;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Pages.Account;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Account.SignIn;

public sealed class SignInPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Credentials(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    [Fact]
    public async Task Post_CorrectPassword_SignsInAndShowsHomeForRole()
    {
        var user = await factory.Data.CreateUserAsync(PortalRoles.Administrator);
        var client = factory.CreateAnonymousClient();

        var response = await client.SubmitFormAsync("/account/sign-in", Credentials(user.Email, TestData.Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var home = await client.GetDocumentAsync("/");
        var links = home.QuerySelectorAll("main .nhsuk-card__link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/admin/users", links);
        Assert.Contains("/admin/audit", links);
    }

    [Fact]
    public async Task Post_WrongPassword_ShowsErrorOnSignInPage()
    {
        var user = await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts);
        var client = factory.CreateAnonymousClient();

        var response = await client.SubmitFormAsync("/account/sign-in", Credentials(user.Email, "not-the-password"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains(SignInModel.WrongDetailsMessage, page.ErrorSummary());
        Assert.NotNull(page.QuerySelector("#Input_Email-error"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Post_EmptyFields_ShowsAMessageForEach()
    {
        var client = factory.CreateAnonymousClient();

        var response = await client.SubmitFormAsync("/account/sign-in", Credentials(string.Empty, string.Empty));

        var errors = (await response.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains("Enter your email address", errors);
        Assert.Contains("Enter your password", errors);
    }

    [Fact]
    public async Task Post_FiveWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        var user = await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance);
        var client = factory.CreateAnonymousClient();
        for (var i = 0; i < 5; i++)
        {
            await client.SubmitFormAsync("/account/sign-in", Credentials(user.Email, $"wrong-{i}"));
        }

        var response = await client.SubmitFormAsync("/account/sign-in", Credentials(user.Email, TestData.Password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(SignInModel.LockedOutMessage, (await response.ReadDocumentAsync()).ErrorSummary());
    }

    [Fact]
    public async Task Post_DisabledAccount_CannotSignIn()
    {
        var user = await factory.Data.CreateUserAsync(PortalRoles.PanelMember);
        await factory.WithDbAsync(async db =>
        {
            var entity = await db.Users.FindAsync(user.Id);
            entity!.IsDisabled = true;
            await db.SaveChangesAsync();
        });
        var client = factory.CreateAnonymousClient();

        var response = await client.SubmitFormAsync("/account/sign-in", Credentials(user.Email, TestData.Password));

        Assert.Contains(SignInModel.WrongDetailsMessage, (await response.ReadDocumentAsync()).ErrorSummary());
    }

    [Fact]
    public async Task SignIn_ReturnUrlToAnotherSite_IsIgnored()
    {
        var user = await factory.Data.CreateUserAsync(PortalRoles.Administrator);
        var client = factory.CreateAnonymousClient();

        var response = await client.SubmitFormAsync("/account/sign-in?ReturnUrl=https%3A%2F%2Fevil.example%2F", Credentials(user.Email, TestData.Password));

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AuthCookie_IsHttpOnlySecureAndSameSite()
    {
        var user = await factory.Data.CreateUserAsync(PortalRoles.Administrator);
        var client = factory.CreateAnonymousClient();

        var response = await client.SubmitFormAsync("/account/sign-in", Credentials(user.Email, TestData.Password));

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pcnportal.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
