using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using PcnPortal.Web.Features.Access;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Features.Home;
using PcnPortal.Web.Features.Maturity;
using PcnPortal.Web.Features.Notifications;
using PcnPortal.Web.Features.OdFunds;
using PcnPortal.Web.Features.Papers;
using PcnPortal.Web.Features.Registration;
using PcnPortal.Web.Infrastructure.Cli;
using PcnPortal.Web.Infrastructure.Configuration;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Pdf;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web;
using Serilog;
using Serilog.Events;

namespace PcnPortal.Web;

/// <summary>Everything the portal registers and every piece of middleware it uses, in one place.</summary>
public static class PortalHost
{
    /// <summary>
    /// The folder holding wwwroot and appsettings: null (the default, the current directory) when it has them,
    /// as with dotnet run; otherwise the folder the binaries are in (a published app started from elsewhere).
    /// </summary>
    public static string? ContentRootOverride() =>
        File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? null : AppContext.BaseDirectory;

    public static void AddPortal(this WebApplicationBuilder builder, bool isCli)
    {
        var configuration = builder.Configuration;

        // Each host's logging stays its own (preserveStaticLogger): without it Serilog routes every host's ILogger through the
        // static Log.Logger, which the last host built replaces and a disposed host silences. One portal per process never
        // noticed; the test hosts, several to a process, lost each other's log events.
        builder.Services.AddSerilog(
            (services, logger) =>
        {
            logger.ReadFrom.Configuration(configuration)
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Application", "PcnPortal");

            // Command-line verbs print their summary (or JSON) on standard output: logs go to standard error.
            logger.WriteTo.Console(
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: isCli ? LogEventLevel.Verbose : null);
            if (builder.Environment.IsDevelopment() && !isCli)
            {
                logger.WriteTo.File(Path.Combine(builder.Environment.ContentRootPath, "logs", "pcnportal-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 7);
            }
        },
            preserveStaticLogger: true);

        var services = builder.Services;
        services.AddPortalOptions();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Infrastructure.Data.DataVersionCache>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<PcnScope>();
        services.AddScoped<Infrastructure.Auditing.IAuditActor>(sp => sp.GetRequiredService<ICurrentUser>());
        services.AddScoped<Infrastructure.Auditing.AccountAudit>();
        services.AddScoped<Infrastructure.Auditing.AuditDescriber>();
        services.AddPortalDatabase(builder.Environment.ContentRootPath);

        services.AddIdentity<PortalUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddPasswordValidator<CommonPasswordValidator>();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "pcnportal.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookiePolicyFor(builder);
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        PortalSecurityStampValidator.Configure(services);
        services.AddScoped<SingleSignOnAccounts>();
        SingleSignOn.AddIfConfigured(services, configuration);
        services.AddDataProtection().SetApplicationName("PcnPortal").PersistKeysToDbContext<PortalDbContext>();
        services.AddAuthorization(PortalPolicies.Configure);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "pcnportal.af";
            options.Cookie.SecurePolicy = CookiePolicyFor(builder);
        });

        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.SecurePolicy = CookiePolicyFor(builder);
            options.Cookie.SameSite = SameSiteMode.Lax;
        });

        services.AddSignInRateLimiting(configuration);

        // HTTPS: a year of HSTS for the host and its subdomains; no Server header naming the web server.
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
        services.AddRazorPages(options =>
        {
            options.Conventions.AddPageApplicationModelConvention("/Account/SignIn", model =>
                model.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(SignInRateLimiting.Policy)));
            options.Conventions.AllowAnonymousToPage("/Account/SignIn");
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.AllowAnonymousToPage("/StatusCode");
            options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
        }).AddMvcOptions(options => options.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute()));
        services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database");
        services.Configure<ForwardedHeadersOptions>(o => SignInRateLimiting.ConfigureForwardedHeaders(o, configuration));
        services.AddRegistration();
        services.AddMaturity();
        services.AddArrs();
        services.AddAccess();
        services.AddHome();
        services.AddOdFunds();
        services.AddNotifications();
        services.AddCliVerbs();
        if (!isCli)
        {
            services.AddPdfRendering();
            services.AddCommitteePapers();
        }
    }

    /// <summary>
    /// Cookies are Secure-only outside Development. Security:RequireHttps=false relaxes that for a portal served
    /// over plain HTTP on a closed network or loopback (browser tests, load runs); never for a real deployment.
    /// </summary>
    private static CookieSecurePolicy CookiePolicyFor(WebApplicationBuilder builder) =>
        builder.Configuration.GetValue<bool?>("Security:RequireHttps") ?? !builder.Environment.IsDevelopment()
            ? CookieSecurePolicy.Always
            : CookieSecurePolicy.SameAsRequest;

    public static void UsePortal(this WebApplication app)
    {
        app.UseLastResortErrorPage();
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        if (app.Configuration.GetValue<bool?>("Security:RequireHttps") ?? !app.Environment.IsDevelopment())
        {
            // Plain HTTP is redirected to HTTPS (the port from ASPNETCORE_HTTPS_PORTS / HTTPS_PORT, or Kestrel's HTTPS endpoint).
            app.UseHttpsRedirection();
        }

        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/status", "?code={0}");
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        // The request log goes to this host's logger (the static one is not set: see AddSerilog above).
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UsePasswordChangeGate();
        app.UseAuthorization();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapRazorPages();
    }
}
