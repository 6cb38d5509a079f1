using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

namespace PcnPortal.Web.Infrastructure.Security;

/// <summary>
/// Optional single sign-on with an OpenID Connect provider (for example NHS Entra ID). Off unless
/// Authentication:OpenIdConnect:Authority and ClientId are set. A person signing in this way must already have
/// a portal account with the same email address: roles and PCN still come from the portal.
/// </summary>
public static class SingleSignOn
{
    public const string Scheme = "oidc";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Authentication:OpenIdConnect:Authority"])
        && !string.IsNullOrWhiteSpace(configuration["Authentication:OpenIdConnect:ClientId"]);

    public static void AddIfConfigured(IServiceCollection services, IConfiguration configuration)
    {
        if (!IsConfigured(configuration))
        {
            return;
        }

        var section = configuration.GetSection("Authentication:OpenIdConnect");
        services.AddAuthentication().AddOpenIdConnect(Scheme, section["DisplayName"] ?? "NHS account", options =>
        {
            options.Authority = section["Authority"];
            options.ClientId = section["ClientId"];
            options.ClientSecret = section["ClientSecret"];
            options.ResponseType = "code";
            options.UsePkce = true;
            options.SaveTokens = false;
            options.CallbackPath = section["CallbackPath"] ?? "/signin-oidc";
            options.SignInScheme = IdentityConstants.ApplicationScheme;
            options.Scope.Add("email");
            options.Events.OnTokenValidated = async context =>
            {
                var email = context.Principal?.FindFirstValue(ClaimTypes.Email) ?? context.Principal?.FindFirstValue("email") ?? context.Principal?.FindFirstValue("preferred_username");
                var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<PortalUser>>();
                var user = email is null ? null : await users.FindByEmailAsync(email);
                if (user is null || user.IsDisabled)
                {
                    context.Fail("There is no active portal account for this email address. Ask an administrator to add you.");
                    return;
                }

                var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<PortalUser>>();
                context.Principal = await signIn.CreateUserPrincipalAsync(user);
            };
        });
    }
}
