using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Tests.Infrastructure;

/// <summary>
/// Signs a test request in as the user named in the X-Test-User header, building exactly the claims the real
/// cookie sign-in would (roles, PCN, display name), so authorisation is tested for real.
/// </summary>
public sealed class TestSignInHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    UserManager<PortalUser> users,
    IUserClaimsPrincipalFactory<PortalUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Selector = "TestOrCookie";
    public const string Header = "X-Test-User";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var id = Request.Headers[Header].ToString();
        var user = await users.FindByIdAsync(id);
        if (user is null || user.IsDisabled)
        {
            return AuthenticateResult.Fail("No such test user.");
        }

        var principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Redirect("/account/sign-in");
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 403;
        return Task.CompletedTask;
    }
}
