using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Infrastructure.Cli;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Features.Access;

/// <summary>`import-access-declarations`: all or nothing, every problem by row and column, --json, exit codes as the other verbs.</summary>
public sealed class AccessDeclarationsCliTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Header = "pcn_code,month,offered,booked,attended,did_not_attend,minutes_delivered";

    private static async Task<string> FileAsync(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"access-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    [Fact]
    public async Task Import_QuarterOfThreeMonths_CompletesTheDeclaration_Json()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var path = await FileAsync($"{Header}\n{pcn.Code},2022-10,200,180,170,10,9000\n{pcn.Code},2022-11,200,180,170,10,9000\n{pcn.Code.ToLowerInvariant()},2022-12,200,180,170,10,9000\n");
        var output = new StringWriter();

        var exit = await CliRunner.RunAsync(factory.Services, ["import-access-declarations", path, "--json"], output, new StringWriter());

        Assert.Equal(CliExitCodes.Success, exit);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal(3, json.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("declarations").GetProperty("completed").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("errors").GetArrayLength());
        var declaration = await factory.WithDbAsync(db => db.AccessDeclarations.Include(d => d.Months).SingleAsync(d => d.PcnId == pcn.Id));
        Assert.Equal(new DateOnly(2022, 10, 1), declaration.QuarterStart);
        Assert.NotNull(declaration.CompletedOn);
        Assert.Equal(27_000, declaration.Months.Sum(m => m.MinutesDelivered));

        // The same file again replaces the months: nothing added, the quarter stays completed once.
        var again = new StringWriter();
        Assert.Equal(CliExitCodes.Success, await CliRunner.RunAsync(factory.Services, ["import-access-declarations", path, "--json"], again, new StringWriter()));
        using var second = JsonDocument.Parse(again.ToString());
        Assert.Equal(3, second.RootElement.GetProperty("months").GetProperty("replaced").GetInt32());
        Assert.Equal(0, second.RootElement.GetProperty("declarations").GetProperty("completed").GetInt32());
    }

    [Fact]
    public async Task Import_AnyBadRow_RefusesTheWholeFile_NamingEachProblem()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var path = await FileAsync(
            $"{Header}\n{pcn.Code},2022-10,200,180,170,10,9000\n" +
            "U99999,2022-10,200,180,170,10,9000\n" +
            $"{pcn.Code},2022-11,100,180,170,10,9000\n" +
            $"{pcn.Code},2022-13,200,180,170,10,9000\n" +
            $"{pcn.Code},2099-01,200,180,170,10,9000\n" +
            $"{pcn.Code},2022-12,200,180,170,10,lots\n");
        var output = new StringWriter();

        var exit = await CliRunner.RunAsync(factory.Services, ["import-access-declarations", path, "--json"], output, new StringWriter());

        Assert.Equal(CliExitCodes.Rejected, exit);
        var errors = JsonDocument.Parse(output.ToString()).RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(errors, e => e.Contains("row 3, column 'pcn_code': U99999 is not a PCN the portal knows", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("row 4, column 'booked'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("row 5, column 'month'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("row 6, column 'month': January 2099 has not ended yet", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("row 7, column 'minutes_delivered'", StringComparison.Ordinal));
        Assert.Equal(0, await factory.WithDbAsync(db => db.AccessDeclarations.CountAsync(d => d.PcnId == pcn.Id)));
    }

    [Fact]
    public async Task Import_Usage_NoFile_Exit2()
    {
        var error = new StringWriter();
        Assert.Equal(CliExitCodes.Usage, await CliRunner.RunAsync(factory.Services, ["import-access-declarations"], new StringWriter(), error));
        Assert.Equal(CliExitCodes.Usage, await CliRunner.RunAsync(factory.Services, ["import-access-declarations", "/no/such/file.csv"], new StringWriter(), error));
    }
}
