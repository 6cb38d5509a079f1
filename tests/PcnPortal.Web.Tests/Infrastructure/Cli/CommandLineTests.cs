using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Web.Infrastructure.Cli;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Infrastructure.Cli;

public sealed class CommandLineTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Migrate_Json_PrintsOneObjectAndExitsZero()
    {
        var output = new StringWriter();

        var exit = await CliRunner.RunAsync(factory.Services, ["migrate", "--json"], output, new StringWriter());

        Assert.Equal(CliExitCodes.Success, exit);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal("Sqlite", json.RootElement.GetProperty("provider").GetString());
        Assert.True(json.RootElement.GetProperty("migrations").GetInt32() >= 1);
    }

    [Fact]
    public async Task Migrate_WithStrayArgument_IsAUsageError()
    {
        var error = new StringWriter();

        var exit = await CliRunner.RunAsync(factory.Services, ["migrate", "extra"], new StringWriter(), error);

        Assert.Equal(CliExitCodes.Usage, exit);
        Assert.Contains("Usage: migrate", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void IsVerb_KnowsTheVerbsAndNothingElse()
    {
        Assert.True(CliRunner.IsVerb(["migrate"]));
        Assert.False(CliRunner.IsVerb(["--urls", "http://127.0.0.1:5000"]));
        Assert.False(CliRunner.IsVerb([]));
    }

    [Fact]
    public void EveryVerb_CanBeBuiltByTheContainer()
    {
        using var scope = factory.Services.CreateScope();
        foreach (var (type, verb) in CliRunner.Verbs())
        {
            Assert.NotNull(scope.ServiceProvider.GetRequiredService(type));
            Assert.False(string.IsNullOrWhiteSpace(verb.Usage));
        }
    }
}
