using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Tests.Infrastructure;

/// <summary>
/// Starts the real portal in memory on its own SQLite database file (migrated by the app's own start-up), with
/// demo data off. Use one per test class (<c>IClassFixture&lt;PortalFactory&gt;</c>); tests create the data they
/// need with <see cref="TestData"/>. Clients made with <see cref="CreateClientFor"/> act as a given user
/// through a test sign-in scheme; anonymous clients go through the real cookie sign-in.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"pcnportal-test-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={_databasePath}";

    /// <summary>Extra configuration a test class needs (keys as in appsettings, e.g. "Portal:CcgCodes:0").</summary>
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Portal"] = ConnectionString,
            ["DemoData:Enabled"] = "false",

            // Many tests sign in through one test server: the rate limit has its own test class.
            ["Security:SignInAttemptsPerMinute"] = "10000",

            // Notifications are written to the outbox (so every hook runs in every test) but no background sender runs:
            // tests that send call NotificationSender themselves (Features/Notifications).
            ["Email:Transport"] = "Outbox",
            ["Email:Sender:Enabled"] = "false",
            ["Papers:WarmUpOnStart"] = "false",
            ["Email:PortalUrl"] = "https://portal.test",
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication()
                .AddScheme<AuthenticationSchemeOptions, TestSignInHandler>(TestSignInHandler.SchemeName, _ => { })
                .AddPolicyScheme(TestSignInHandler.Selector, TestSignInHandler.Selector, options =>
                    options.ForwardDefaultSelector = context =>
                        context.Request.Headers.ContainsKey(TestSignInHandler.Header) ? TestSignInHandler.SchemeName : IdentityConstants.ApplicationScheme);
            services.PostConfigure<AuthenticationOptions>(options =>
            {
                options.DefaultAuthenticateScheme = TestSignInHandler.Selector;
                options.DefaultChallengeScheme = TestSignInHandler.Selector;
                options.DefaultForbidScheme = TestSignInHandler.Selector;
            });
        });
    }

    /// <summary>An HTTP client that does not follow redirects, signed in as nobody.</summary>
    public HttpClient CreateAnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });

    /// <summary>An HTTP client signed in as the given user (see <see cref="TestData.CreateUserAsync"/>).</summary>
    public HttpClient CreateClientFor(TestUser user)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(TestSignInHandler.Header, user.Id);
        return client;
    }

    /// <summary>Builders for this factory's database (tests/PcnPortal.TestSupport).</summary>
    public TestData Data => new(Services);

    /// <summary>Runs work against the database in its own scope, as the app would.</summary>
    public Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> work) => Data.WithDbAsync(work);

    public Task WithDbAsync(Func<PortalDbContext, Task> work) => WithDbAsync<object?>(async db =>
    {
        await work(db);
        return null;
    });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            try
            {
                File.Delete(_databasePath + suffix);
            }
            catch (IOException)
            {
                // A leftover temp file is harmless.
            }
        }
    }
}
