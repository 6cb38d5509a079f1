using System.Diagnostics;
using PcnPortal.Web.Infrastructure.Cli;

namespace PcnPortal.Web.Tests.Robustness;

/// <summary>
/// Issue 15, item 15: a scheduled job with a typo in its verb must fail at once (exit 2 with the list of verbs), not start the web
/// server and wait for ever. Runs the real published entry point as a process.
/// </summary>
public sealed class UnknownVerbTests
{
    [Fact]
    public async Task MistypedVerb_ExitsTwoWithTheVerbs_InsteadOfStartingTheServer()
    {
        var database = Path.Combine(Path.GetTempPath(), $"pcnportal-verb-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PcnPortal.Web.dll"));
        start.ArgumentList.Add("improt-claims");
        start.ArgumentList.Add("claims.csv");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Portal"] = $"Data Source={database}";
        start.Environment["DemoData__Enabled"] = "false";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The portal was still running 90 seconds after a mistyped verb (it started the web server).");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database);
        }

        Assert.Equal(CliExitCodes.Usage, process.ExitCode);
        var text = await error;
        Assert.Contains("Unknown verb 'improt-claims'", text, StringComparison.Ordinal);
        Assert.Contains("import-claims", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "improt-claims", "x.csv" }, true)]
    [InlineData(new[] { "migrate" }, true)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5000" }, false)]
    [InlineData(new[] { "urls=http://127.0.0.1:5000" }, false)]
    [InlineData(new string[0], false)]
    public void AnyWordFirst_IsAVerb(string[] args, bool verb) => Assert.Equal(verb, CliRunner.IsVerb(args));
}
