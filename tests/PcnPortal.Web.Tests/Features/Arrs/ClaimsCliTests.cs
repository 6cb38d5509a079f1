using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Cli;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Features.Arrs;

/// <summary>The import-claims and export-claims verbs.</summary>
public sealed class ClaimsCliTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ImportClaimsCli_ValidFile_PrintsCountsJsonAndExportHasContractColumns()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, $"{TestData.ClaimHeader}\n{TestData.ClaimRow(pcn.Code, name: "=HYPERLINK(1)")}\n{TestData.ClaimRow(pcn.Code, staffRef: "S2-" + pcn.Code, role: "SPLW", salary: "2000.00")}\n");
        var output = new StringWriter();

        var exit = await CliRunner.RunAsync(factory.Services, ["import-claims", path, "--json"], output, new StringWriter());

        Assert.Equal(CliExitCodes.Success, exit);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal(2, json.RootElement.GetProperty("lines").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("outcomes").GetProperty("ARRS-CAP").GetProperty("warn").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("errors").GetArrayLength());

        var exportPath = Path.GetTempFileName();
        Assert.Equal(CliExitCodes.Success, await CliRunner.RunAsync(factory.Services, ["export-claims", "--year", "2020/21", "--pcn", pcn.Code, exportPath], new StringWriter(), new StringWriter()));
        var exported = await File.ReadAllLinesAsync(exportPath);
        Assert.Equal(string.Join(',', ArrsClaimExporter.Header), exported[0]);
        Assert.StartsWith(TestData.ClaimHeader + ",financial_year,claimed_cost,max_for_period,rate,reimbursable,status,ARRS-ROLE-ELIGIBLE", exported[0], StringComparison.Ordinal);
        Assert.Equal(3, exported.Length);
        Assert.Contains("'=HYPERLINK(1)", exported[1], StringComparison.Ordinal);
        Assert.Contains(",2020/21,5015.20,4639.17,1.00,4639.17,Submitted,pass,pass,pass,pass,pass,", exported[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportClaimsCli_BadFile_ExitsOneListingProblemsAndSavesNothing()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, $"{TestData.ClaimHeader}\n{TestData.ClaimRow(pcn.Code, wte: "2")}\n");
        var output = new StringWriter();

        var exit = await CliRunner.RunAsync(factory.Services, ["import-claims", path, "--json"], output, new StringWriter());

        Assert.Equal(CliExitCodes.Rejected, exit);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal(0, json.RootElement.GetProperty("lines").GetInt32());
        Assert.Contains("row 2, column 'wte'", json.RootElement.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ArrsClaimLines.CountAsync(l => l.Pcn!.Code == pcn.Code)));
        Assert.Equal(CliExitCodes.Usage, await CliRunner.RunAsync(factory.Services, ["import-claims"], new StringWriter(), new StringWriter()));
    }
}
