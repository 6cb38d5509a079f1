using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PcnPortal.Web.Infrastructure.Security;

/// <summary>
/// Checks the sign-in cookie against the database on every request (Identity's security stamp check with a zero interval):
/// <list type="bullet">
/// <item>signing out changes the user's security stamp, so a copied cookie stops working at once;</item>
/// <item>a disabled account, or one whose stamp an administrator changed, is signed out on its next request;</item>
/// <item>roles, PCN and display name are rebuilt from the database whenever the user record changed since the cookie's
/// claims were built (<see cref="PortalClaims.UserVersion"/>), so changes apply on the next request;</item>
/// <item>a session ends <see cref="AbsoluteLifetime"/> after sign-in however active it is (the 8-hour idle timeout slides within that).</item>
/// </list>
/// Cost: one user read by key per signed-in request. The claims are rebuilt (four more reads) and the cookie re-issued only
/// after the record changed: rebuilding and re-encrypting on every request took about a third of a cached page's time.
/// </summary>
public sealed class PortalSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options,
    SignInManager<PortalUser> signInManager,
    ILoggerFactory logger,
    IConfiguration configuration,
    TimeProvider clock)
    : SecurityStampValidator<PortalUser>(options, signInManager, logger)
{
    /// <summary>Authentication property holding when the person signed in (UTC, round-trip format).</summary>
    public const string SignedInAtItem = ".pcnportal.signed-in";

    public static readonly TimeSpan DefaultAbsoluteLifetime = TimeSpan.FromHours(12);

    private TimeSpan AbsoluteLifetime => TimeSpan.FromHours(configuration.GetValue<double?>("Security:SessionAbsoluteHours") ?? DefaultAbsoluteLifetime.TotalHours);

    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var signedIn = context.Properties.Items.TryGetValue(SignedInAtItem, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : (DateTimeOffset?)null;
        if (signedIn is null || clock.GetUtcNow() - signedIn.Value > AbsoluteLifetime)
        {
            context.RejectPrincipal();
            await SignInManager.SignOutAsync();
            return;
        }

        await base.ValidateAsync(context);
    }

    /// <summary>Keeps the cookie's claims while the user record is as they were built from; otherwise rebuilds them.</summary>
    protected override Task SecurityStampVerified(PortalUser user, CookieValidatePrincipalContext context)
    {
        var built = context.Principal?.FindFirst(PortalClaims.UserVersion)?.Value;
        return built is not null && string.Equals(built, user.ConcurrencyStamp, StringComparison.Ordinal)
            ? Task.CompletedTask
            : base.SecurityStampVerified(user, context);
    }

    protected override async Task<PortalUser?> VerifySecurityStamp(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.VerifySecurityStamp(principal);
        return user is null || user.IsDisabled ? null : user;
    }

    /// <summary>Registers the validator, checks every request, and stamps the sign-in time on each new sign-in cookie.</summary>
    public static void Configure(IServiceCollection services)
    {
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddScoped<ISecurityStampValidator, PortalSecurityStampValidator>();
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, cookie =>
        {
            var signingIn = cookie.Events.OnSigningIn;
            cookie.Events.OnSigningIn = async context =>
            {
                // Only a real sign-in passes here; renewing the cookie keeps the first sign-in time.
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                context.Properties.Items[SignedInAtItem] = now.ToString("O", CultureInfo.InvariantCulture);
                await signingIn(context);
            };
        });
    }
}
