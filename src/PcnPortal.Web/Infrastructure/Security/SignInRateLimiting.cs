using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

namespace PcnPortal.Web.Infrastructure.Security;

/// <summary>
/// Limits sign-in attempts per client address (Security:SignInAttemptsPerMinute, default 20) and per account name
/// (Security:SignInAttemptsPerAccountPerMinute, default 10; <see cref="SignInAccountLimiter"/>), on top of Identity's
/// per-account lockout: one address cannot try passwords across many accounts quickly, and many addresses cannot try one
/// account quickly. The client address is the connection's, or the X-Forwarded-For of a proxy listed in
/// Security:KnownProxies / Security:KnownNetworks (<see cref="ConfigureForwardedHeaders"/>); no other sender's header is
/// believed. Only POSTs to the sign-in page count; a refused attempt gets 429 and the friendly status page.
/// </summary>
public static class SignInRateLimiting
{
    public const string Policy = "sign-in";

    /// <summary>
    /// Trusts X-Forwarded-For and X-Forwarded-Proto only from the reverse proxies configured by address
    /// (Security:KnownProxies, e.g. ["10.0.0.4"]) or network (Security:KnownNetworks, e.g. ["10.0.0.0/24"]). ASP.NET Core's
    /// default trusts loopback; with nothing configured here no proxy is trusted and the connection's address is used.
    /// </summary>
    public static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = 1;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var text in configuration.GetSection("Security:KnownProxies").Get<string[]>() ?? [])
        {
            if (!System.Net.IPAddress.TryParse(text.Trim(), out var address))
            {
                throw new InvalidOperationException($"Security:KnownProxies: '{text}' is not an IP address (for example 10.0.0.4).");
            }

            options.KnownProxies.Add(address);
        }

        foreach (var text in configuration.GetSection("Security:KnownNetworks").Get<string[]>() ?? [])
        {
            if (!System.Net.IPNetwork.TryParse(text.Trim(), out var network))
            {
                throw new InvalidOperationException($"Security:KnownNetworks: '{text}' is not a network in CIDR form (for example 10.0.0.0/24).");
            }

            options.KnownIPNetworks.Add(network);
        }
    }

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => new SignInAccountLimiter(configuration.GetValue<int?>("Security:SignInAttemptsPerAccountPerMinute") ?? 10));
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

/// <summary>
/// Sign-in attempts per account name (the email typed, trimmed and lower-cased, whether or not an account has it): a fixed
/// window of a minute. The sign-in page asks before checking a password and answers 429 when the name has had its attempts.
/// </summary>
public sealed class SignInAccountLimiter(int permitsPerMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(name =>
        RateLimitPartition.GetFixedWindowLimiter(name, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permitsPerMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public bool TryAttempt(string email)
    {
        using var lease = limiter.AttemptAcquire(email.Trim().ToLowerInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
