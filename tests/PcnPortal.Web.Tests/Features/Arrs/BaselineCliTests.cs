using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Infrastructure.Cli;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Features.Arrs;

/// <summary>The import-baseline verb.</summary>
public sealed class BaselineCliTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<string> FileAsync(string text)
    {
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    [Fact]
    public async Task ImportBaselineCli_ValidFile_SavesPostsReassessesAndPrintsJson()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var ids = await factory.Data.CreateClaimLinesAsync(pcn.Code, TestData.ClaimRow(pcn.Code, month: "2020-05"));
        var path = await FileAsync($"pcn_code,role,wte,staff_ref,vacant_from\n{pcn.Code},CLINICAL_PHARMACIST,1,ESR-1,2019-09-01\n{pcn.Code},SPLW,0.5,,\n");
        var output = new StringWriter();

        var exit = await CliRunner.RunAsync(factory.Services, ["import-baseline", path, "--json"], output, new StringWriter());

        Assert.Equal(CliExitCodes.Success, exit);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal(2, json.RootElement.GetProperty("posts").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("added").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("errors").GetArrayLength());
        var posts = await factory.WithDbAsync(db => db.ArrsBaselines.Where(b => b.Pcn!.Code == pcn.Code).OrderBy(b => b.RoleCode).ToListAsync());
        Assert.Equal(new DateOnly(2019, 9, 1), posts[0].VacantFrom);
        Assert.Null(posts[1].VacantFrom);
        // The 1.0 WTE baseline pharmacist post has been vacant beyond the 3-month grace: the pharmacist claimed covers it, £0.
        var line = await factory.WithDbAsync(db => db.ArrsClaimLines.SingleAsync(l => l.Id == ids["2020-05/CP-" + pcn.Code]));
        Assert.Equal(0m, line.Reimbursable);
        Assert.Equal(RuleSeverity.Fail, ArrsStoredAssessment.SeverityOf(line.RuleChecks!, "ARRS-ADDITIONALITY"));

        // Importing again is idempotent: the posts are matched, not duplicated.
        Assert.Equal(CliExitCodes.Success, await CliRunner.RunAsync(factory.Services, ["import-baseline", path], new StringWriter(), new StringWriter()));
        Assert.Equal(2, await factory.WithDbAsync(db => db.ArrsBaselines.CountAsync(b => b.Pcn!.Code == pcn.Code)));
    }

    [Fact]
    public async Task ImportBaselineCli_BadRows_ExitsOneListingEveryProblemAndSavesNothing()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var path = await FileAsync($"pcn_code,role,wte,vacant_from\n{pcn.Code},CLINICAL_PHARMACIST,1,\n{pcn.Code},ASTRONAUT,1,\n{pcn.Code},SPLW,1.5,\nU00000,SPLW,1,\n{pcn.Code},SPLW,1,1/9/2019\n");
        var output = new StringWriter();

        var exit = await CliRunner.RunAsync(factory.Services, ["import-baseline", path, "--json"], output, new StringWriter());

        Assert.Equal(CliExitCodes.Rejected, exit);
        var errors = JsonDocument.Parse(output.ToString()).RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.Contains("ASTRONAUT", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'1.5' is not a WTE", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("U00000", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'1/9/2019' is not a date", StringComparison.Ordinal));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ArrsBaselines.CountAsync(b => b.Pcn!.Code == pcn.Code)));
    }

    [Fact]
    public async Task ImportBaselineCli_MissingFile_ExitsTwo()
    {
        Assert.Equal(CliExitCodes.Usage, await CliRunner.RunAsync(factory.Services, ["import-baseline", "/no/such/file.csv"], new StringWriter(), new StringWriter()));
    }
}
