using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

namespace PcnPortal.Web.Infrastructure.Security;

/// <summary>
/// Optional single sign-on with an OpenID Connect provider (for example NHS Entra ID). Off unless
/// Authentication:OpenIdConnect:Authority and ClientId are set. A person signs in to the portal account linked to the
/// provider's stable subject and tenant (<see cref="SingleSignOnAccounts"/>), never to an account found by the email or
/// user name the token carries; roles and PCN still come from the portal. A refusal comes back to the sign-in page with
/// its reason (<see cref="RefusalQueryKey"/>).
/// </summary>
public static class SingleSignOn
{
    public const string Scheme = "oidc";

    /// <summary>The sign-in page's query key for why single sign-on was refused (a <see cref="SingleSignOnRefusal"/> code).</summary>
    public const string RefusalQueryKey = "sso";

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

            // Keep the token's own claim names (oid, tid, sub, email, email_verified) rather than mapped ones.
            options.MapInboundClaims = false;
            options.Events.OnTokenValidated = async context =>
            {
                var accounts = context.HttpContext.RequestServices.GetRequiredService<SingleSignOnAccounts>();
                var result = await accounts.SignInAsync(context.Principal, context.HttpContext.RequestAborted);
                if (result.Principal is null)
                {
                    context.Fail(new SingleSignOnRefusedException(result.Refusal));
                    return;
                }

                context.Principal = result.Principal;
            };
            options.Events.OnRemoteFailure = context =>
            {
                var refusal = context.Failure is SingleSignOnRefusedException refused ? refused.Refusal : SingleSignOnRefusal.Failed;
                context.Response.Redirect($"/account/sign-in?{RefusalQueryKey}={SingleSignOnAccounts.Code(refusal)}");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }
}

/// <summary>Why a single sign-on was refused; carried from the token check to the sign-in page.</summary>
public sealed class SingleSignOnRefusedException(SingleSignOnRefusal refusal) : Exception($"Single sign-on refused: {refusal}")
{
    public SingleSignOnRefusal Refusal { get; } = refusal;
}
