using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PcnPortal.Web.Infrastructure.Auditing;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Robustness;

/// <summary>The portal with single sign-on configured for one tenant, first-time linking by verified email allowed.</summary>
public sealed class SingleSignOnPortalFactory : PortalFactory
{
    public const string TenantA = "6f1c2a4e-0000-4000-8000-00000000000a";
    public const string TenantB = "6f1c2a4e-0000-4000-8000-00000000000b";

    /// <summary>Host settings, so the portal sees them while it registers its services (as from appsettings).</summary>
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Authentication:OpenIdConnect:Authority", $"https://login.example.test/{TenantA}/v2.0");
        builder.UseSetting("Authentication:OpenIdConnect:ClientId", "pcnportal-test");
        builder.UseSetting("Authentication:OpenIdConnect:TenantId", TenantA);
        builder.UseSetting("Authentication:OpenIdConnect:LinkByVerifiedEmail", "true");
    }
}

/// <summary>
/// Issue 15, item 11: single sign-on finds the portal account by the provider's stable subject (oid, else sub) with the tenant
/// (tid), never by email; links an account by verified email only on first sign-in and only within the configured tenant;
/// refuses disabled and locked accounts. Each case runs the real OpenID Connect handler's token-validated event (as the handler
/// calls it once the provider's token has been checked) with a principal holding the token's claims, then the remote-failure
/// event that sends a refusal back to the sign-in page, and the sign-in page's message.
/// </summary>
public sealed class SingleSignOnTests(SingleSignOnPortalFactory factory) : IClassFixture<SingleSignOnPortalFactory>
{
    public enum Case
    {
        /// <summary>The account is linked to this oid and tid.</summary>
        LinkedSubjectAndTenant,

        /// <summary>The account is linked to this oid and tid; the token's email is another account's: the subject decides.</summary>
        LinkedSubjectWithAnotherAccountsEmail,

        /// <summary>The token is from another tenant but carries the account's (verified) email.</summary>
        SameEmailOtherTenant,

        /// <summary>A token naming the account's linked oid from another tenant.</summary>
        LinkedSubjectOtherTenant,

        /// <summary>First sign-in, right tenant, verified email of an account not yet linked: linked and signed in.</summary>
        FirstSignInVerifiedEmail,

        /// <summary>First sign-in, right tenant, the email is not marked verified.</summary>
        FirstSignInUnverifiedEmail,

        /// <summary>The account is already linked to another subject; a new subject with its email is not linked.</summary>
        SameEmailAnotherSubjectAfterLinking,

        /// <summary>The account is linked but disabled.</summary>
        Disabled,

        /// <summary>The account is linked but locked out after failed password sign-ins.</summary>
        LockedOut,

        /// <summary>A token without oid or sub.</summary>
        NoSubject,
    }

    public static TheoryData<Case, SingleSignOnRefusal> Cases => new()
    {
        { Case.LinkedSubjectAndTenant, SingleSignOnRefusal.None },
        { Case.LinkedSubjectWithAnotherAccountsEmail, SingleSignOnRefusal.None },
        { Case.SameEmailOtherTenant, SingleSignOnRefusal.OtherTenant },
        { Case.LinkedSubjectOtherTenant, SingleSignOnRefusal.OtherTenant },
        { Case.FirstSignInVerifiedEmail, SingleSignOnRefusal.None },
        { Case.FirstSignInUnverifiedEmail, SingleSignOnRefusal.NoAccount },
        { Case.SameEmailAnotherSubjectAfterLinking, SingleSignOnRefusal.NoAccount },
        { Case.Disabled, SingleSignOnRefusal.Disabled },
        { Case.LockedOut, SingleSignOnRefusal.LockedOut },
        { Case.NoSubject, SingleSignOnRefusal.NoSubject },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task TokenValidated_SignsInOnlyTheLinkedActiveAccount(Case @case, SingleSignOnRefusal expected)
    {
        var user = await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts);
        var other = await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance);
        var oid = Guid.NewGuid().ToString();
        var linked = @case is not (Case.FirstSignInVerifiedEmail or Case.FirstSignInUnverifiedEmail or Case.SameEmailOtherTenant or Case.NoSubject);
        await factory.WithDbAsync(async db =>
        {
            var account = await db.Users.SingleAsync(u => u.Id == user.Id);
            if (linked)
            {
                account.ExternalSubject = @case == Case.SameEmailAnotherSubjectAfterLinking ? Guid.NewGuid().ToString() : oid;
                account.ExternalTenant = SingleSignOnPortalFactory.TenantA;
            }

            account.IsDisabled = @case == Case.Disabled;
            account.LockoutEnd = @case == Case.LockedOut ? DateTimeOffset.UtcNow.AddMinutes(15) : null;
            await db.SaveChangesAsync();
        });

        var tenant = @case is Case.SameEmailOtherTenant or Case.LinkedSubjectOtherTenant ? SingleSignOnPortalFactory.TenantB : SingleSignOnPortalFactory.TenantA;
        var email = @case == Case.LinkedSubjectWithAnotherAccountsEmail ? other.Email : user.Email;
        var claims = new List<Claim>
        {
            new("tid", tenant),
            new("iss", $"https://login.example.test/{tenant}/v2.0"),
            new("email", email),
            new("preferred_username", email),
        };
        if (@case != Case.NoSubject)
        {
            claims.Add(new Claim("oid", oid));
            claims.Add(new Claim("sub", "pairwise-" + oid));
        }

        if (@case != Case.FirstSignInUnverifiedEmail)
        {
            claims.Add(new Claim("email_verified", "true"));
        }

        var (context, http) = await TokenValidatedAsync(new ClaimsPrincipal(new ClaimsIdentity(claims, "oidc-token")));

        if (expected == SingleSignOnRefusal.None)
        {
            Assert.Null(context.Result);
            Assert.Equal(user.Id, context.Principal!.FindFirstValue(ClaimTypes.NameIdentifier));
            Assert.True(context.Principal!.IsInRole(PortalRoles.CommissionerContracts));
            var stored = await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
            Assert.Equal((oid, SingleSignOnPortalFactory.TenantA), (stored.ExternalSubject, stored.ExternalTenant));
            Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == AccountAudit.Entity && a.Action == AccountAudit.SignedIn && a.EntityKey == user.Id)));
            return;
        }

        var refused = Assert.IsType<SingleSignOnRefusedException>(context.Result?.Failure);
        Assert.Equal(expected, refused.Refusal);
        var after = await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.True(!linked ? after.ExternalSubject is null : after.ExternalSubject is not null, "a refusal links nothing");

        // The handler's remote-failure event sends the person back to the sign-in page, which says why.
        var location = await RemoteFailureAsync(refused, http);
        Assert.Equal($"/account/sign-in?sso={SingleSignOnAccounts.Code(expected)}", location);
        var page = await (await factory.CreateAnonymousClient().GetAsync(location)).Content.ReadAsStringAsync();
        Assert.Contains(WebUtility.HtmlEncode(SingleSignOnAccounts.Message(SingleSignOnAccounts.Code(expected))!), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPage_UnknownRefusalCode_ShowsNoMessage()
    {
        var page = await (await factory.CreateAnonymousClient().GetAsync("/account/sign-in?sso=%3Cscript%3E")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("There is a problem", page, StringComparison.Ordinal);
    }

    private async Task<(TokenValidatedContext Context, HttpContext Http)> TokenValidatedAsync(ClaimsPrincipal principal)
    {
        var (options, scheme) = await HandlerAsync();
        var scope = factory.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var context = new TokenValidatedContext(http, scheme, options, principal, new AuthenticationProperties());
        await options.Events.TokenValidated(context);
        return (context, http);
    }

    private async Task<string> RemoteFailureAsync(Exception failure, HttpContext http)
    {
        var (options, scheme) = await HandlerAsync();
        var context = new RemoteFailureContext(http, scheme, options, failure);
        await options.Events.RemoteFailure(context);
        Assert.True(context.Result?.Handled);
        return http.Response.Headers.Location.ToString();
    }

    private async Task<(OpenIdConnectOptions Options, AuthenticationScheme Scheme)> HandlerAsync()
    {
        var options = factory.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(SingleSignOn.Scheme);
        var scheme = await factory.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(SingleSignOn.Scheme);
        return (options, scheme!);
    }
}
