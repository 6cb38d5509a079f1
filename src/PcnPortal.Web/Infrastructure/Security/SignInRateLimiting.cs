using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace PcnPortal.Web.Infrastructure.Security;

/// <summary>
/// Limits sign-in attempts per client address (Security:SignInAttemptsPerMinute, default 20), on top of
/// Identity's per-account lockout, so one address cannot try passwords across many accounts quickly.
/// Only POSTs to the sign-in page count; a refused attempt gets 429 and the friendly status page.
/// </summary>
public static class SignInRateLimiting
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("reads");
                }

                var permits = configuration.GetValue<int?>("Security:SignInAttemptsPerMinute") ?? 20;
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }
}
