namespace PcnPortal.Web.Infrastructure.Security;

/// <summary>
/// While a person must change a password an administrator set, every page except changing it and signing out sends them to
/// /account/change-password (the claim is rebuilt from the database on every request, so it goes as soon as they change it).
/// </summary>
public static class PasswordChangeGate
{
    public const string Path = "/account/change-password";

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.HasClaim(PortalClaims.MustChangePassword, "true")
            && !context.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase)
            && !context.Request.Path.StartsWithSegments("/account/sign-out", StringComparison.OrdinalIgnoreCase)
            && !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect(Path);
            return;
        }

        await next();
    });
}
