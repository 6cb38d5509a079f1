using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Infrastructure.Auditing;

namespace PcnPortal.Web.Infrastructure.Security;

/// <summary>Why a single sign-on was refused (<see cref="None"/> when it was not).</summary>
public enum SingleSignOnRefusal
{
    None,

    /// <summary>The token names no subject (neither <c>oid</c> nor <c>sub</c>).</summary>
    NoSubject,

    /// <summary>The token is from another tenant than Authentication:OpenIdConnect:TenantId.</summary>
    OtherTenant,

    /// <summary>No portal account is linked to the subject, and it could not be linked by verified email.</summary>
    NoAccount,

    Disabled,

    LockedOut,

    /// <summary>The provider's answer could not be used (anything else that went wrong on the way back).</summary>
    Failed,
}

/// <summary>The portal principal for a single sign-on, or why there is none.</summary>
public sealed record SingleSignOnResult(ClaimsPrincipal? Principal, SingleSignOnRefusal Refusal);

/// <summary>
/// Finds the portal account for a person signed in at the single sign-on provider, and decides whether they may sign in.
/// <list type="bullet">
/// <item>The account is found by the provider's <b>stable subject</b> (<c>oid</c>, else <c>sub</c>) together with the
/// <b>tenant</b> (<c>tid</c>, else the issuer), never by <c>email</c> or <c>preferred_username</c>, which a tenant's
/// administrator (or the person) can change to anything.</item>
/// <item>When Authentication:OpenIdConnect:TenantId is set, a token from any other tenant is refused.</item>
/// <item><b>First sign-in</b> links an account only when Authentication:OpenIdConnect:LinkByVerifiedEmail is true,
/// TenantId is set and the token is from that tenant, the token's <c>email</c> is verified (<c>email_verified</c> or Entra's
/// <c>xms_edov</c> true), and the portal account with that email is not linked yet. Once linked, the email is never used
/// again to find the account.</item>
/// <item>A disabled or locked-out account is refused, as at the password sign-in.</item>
/// </list>
/// Every sign-in and refusal is written to the audit log (entity Account).
/// </summary>
public sealed class SingleSignOnAccounts(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    AccountAudit audit,
    IConfiguration configuration,
    ILogger<SingleSignOnAccounts> logger)
{
    /// <summary>The code of a refusal in the sign-in page's address.</summary>
    public static string Code(SingleSignOnRefusal refusal) => refusal switch
    {
        SingleSignOnRefusal.NoSubject => "no-subject",
        SingleSignOnRefusal.OtherTenant => "other-tenant",
        SingleSignOnRefusal.NoAccount => "no-account",
        SingleSignOnRefusal.Disabled => "disabled",
        SingleSignOnRefusal.LockedOut => "locked",
        _ => "failed",
    };

    /// <summary>What the sign-in page says for a refusal code (null for an unknown code).</summary>
    public static string? Message(string? code) => code switch
    {
        "no-subject" or "failed" => "Signing in with your NHS account did not work. Try again, or sign in with your email address and password",
        "other-tenant" => "Your NHS account is from an organisation this portal does not accept. Sign in with the account your administrator set up for you",
        "no-account" => "Your NHS account is not linked to a portal account. Ask an administrator to add you",
        "disabled" => "Your portal account is disabled. Ask an administrator if you need access again",
        "locked" => "Your portal account is locked after too many failed sign-ins. Try again in 15 minutes, or ask an administrator to unlock it",
        _ => null,
    };

    private string? TenantId => Setting("TenantId");

    private bool LinkByVerifiedEmail => string.Equals(Setting("LinkByVerifiedEmail"), "true", StringComparison.OrdinalIgnoreCase);

    public async Task<SingleSignOnResult> SignInAsync(ClaimsPrincipal? external, CancellationToken cancellationToken = default)
    {
        var subject = Claim(external, "oid") ?? Claim(external, "sub");
        var tid = Claim(external, "tid");
        var tenant = tid ?? Claim(external, "iss");
        var email = Claim(external, "email");
        var described = email ?? subject ?? "unknown";
        if (subject is null || tenant is null)
        {
            return await RefuseAsync(SingleSignOnRefusal.NoSubject, null, described);
        }

        if (TenantId is { } allowed && !string.Equals(tid, allowed, StringComparison.OrdinalIgnoreCase))
        {
            return await RefuseAsync(SingleSignOnRefusal.OtherTenant, null, described);
        }

        var user = await users.Users.SingleOrDefaultAsync(u => u.ExternalSubject == subject && u.ExternalTenant == tenant, cancellationToken);
        var link = false;
        if (user is null && CanLinkByEmail(external, tid) && email is not null)
        {
            var byEmail = await users.FindByEmailAsync(email);
            if (byEmail is { ExternalSubject: null })
            {
                (user, link) = (byEmail, true);
            }
        }

        if (user is null)
        {
            return await RefuseAsync(SingleSignOnRefusal.NoAccount, null, described);
        }

        if (user.IsDisabled)
        {
            return await RefuseAsync(SingleSignOnRefusal.Disabled, user, described);
        }

        if (await users.IsLockedOutAsync(user))
        {
            return await RefuseAsync(SingleSignOnRefusal.LockedOut, user, described);
        }

        if (link)
        {
            user.ExternalSubject = subject;
            user.ExternalTenant = tenant;
            var updated = await users.UpdateAsync(user);
            if (!updated.Succeeded)
            {
                logger.LogWarning("Single sign-on could not link {Email}: {Errors}", user.Email, string.Join("; ", updated.Errors.Select(e => e.Description)));
                return await RefuseAsync(SingleSignOnRefusal.Failed, user, described);
            }

            logger.LogInformation("Single sign-on linked {Email} to its provider subject on first sign-in", user.Email);
        }

        logger.LogInformation("{Email} signed in with single sign-on", user.Email);
        await audit.RecordAsync(AccountAudit.SignedIn, user.Id, user.Email ?? described, cancellationToken: cancellationToken);
        return new SingleSignOnResult(await signIn.CreateUserPrincipalAsync(user), SingleSignOnRefusal.None);
    }

    /// <summary>First-time linking by email: only when configured, only within the configured tenant, only a verified email.</summary>
    private bool CanLinkByEmail(ClaimsPrincipal? external, string? tid) =>
        LinkByVerifiedEmail
        && TenantId is { } allowed
        && string.Equals(tid, allowed, StringComparison.OrdinalIgnoreCase)
        && (IsTrue(Claim(external, "email_verified")) || IsTrue(Claim(external, "xms_edov")));

    private async Task<SingleSignOnResult> RefuseAsync(SingleSignOnRefusal refusal, PortalUser? user, string described)
    {
        logger.LogWarning("Single sign-on refused for {Who}: {Reason}", user?.Email ?? described, refusal);
        await audit.RecordAsync(refusal == SingleSignOnRefusal.LockedOut ? AccountAudit.LockedOut : AccountAudit.SignInFailed, user?.Id, user?.Email ?? described);
        return new SingleSignOnResult(null, refusal);
    }

    private string? Setting(string key) => configuration[$"Authentication:OpenIdConnect:{key}"] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string? Claim(ClaimsPrincipal? principal, string type) =>
        principal?.FindFirst(type)?.Value is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
