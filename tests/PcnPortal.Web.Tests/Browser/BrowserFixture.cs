using System.Net;
using System.Net.Sockets;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Browser;

/// <summary>
/// The real portal on Kestrel at http://localhost:&lt;free port&gt; with its own SQLite database, and Debian's
/// headless Chromium driven by Playwright. `.ci/run` (via test.sh) installs chromium; the tests fail, not skip,
/// when it is missing, so a green run always means the browser journeys ran.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public PortalFactory Factory { get; } = new BrowserPortalFactory();

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Debian's chromium at {ChromiumPath}: run ./test.sh (it installs it) or apt-get install -y chromium.");
        }

        var port = FreePort();
        BaseUrl = $"http://localhost:{port}";
        Factory.UseKestrel(port);
        Factory.StartServer();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
            ],
        });
    }

    /// <summary>A new browser page signed in through the real sign-in form as the given user.</summary>
    public async Task<IPage> SignedInPageAsync(TestUser user)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/account/sign-in");
        if (response is null || !response.Ok || await page.Locator("#Input_Email").CountAsync() == 0)
        {
            throw new InvalidOperationException($"The sign-in page did not load from {BaseUrl}: {response?.Status} {await page.ContentAsync()}");
        }

        await page.FillAsync("#Input_Email", user.Email);
        await page.FillAsync("#Input_Password", TestData.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Runs axe on the page and fails on any serious or critical violation, listing them.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"Accessibility violations on {page.Url}:\n" + string.Join("\n", bad.Select(Describe)));
    }

    private static string Describe(AxeResultItem v) =>
        $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}";

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Served over plain HTTP on loopback, so cookies may not be Secure-only here.</summary>
public sealed class BrowserPortalFactory : PortalFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Security:RequireHttps"] = "false" };
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
