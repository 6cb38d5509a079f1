using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Infrastructure.Cli;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Claims.Baseline;

public sealed class ClaimsBaselinePageTests(PortalFactory factory) : IClassFixture<PortalFactory>
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
        var path = await FileAsync($"pcn_code,role,wte,staff_ref,vacant_from\n{pcn.Code},CLINICAL_PHARMACIST,1,ESR-1,\n{pcn.Code},SPLW,0.5,,2019-09-01\n");
        var output = new StringWriter();

        var exit = await CliRunner.RunAsync(factory.Services, ["import-baseline", path, "--json"], output, new StringWriter());

        Assert.Equal(CliExitCodes.Success, exit);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal(2, json.RootElement.GetProperty("posts").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("added").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("errors").GetArrayLength());
        var posts = await factory.WithDbAsync(db => db.ArrsBaselines.Where(b => b.Pcn!.Code == pcn.Code).OrderBy(b => b.RoleCode).ToListAsync());
        Assert.Equal(new DateOnly(2019, 9, 1), posts[1].VacantFrom);
        // The pharmacist claimed is no longer above the 1.0 WTE baseline.
        var line = await factory.WithDbAsync(db => db.ArrsClaimLines.Include(l => l.Outcomes).SingleAsync(l => l.Id == ids["2020-05/CP-" + pcn.Code]));
        Assert.Equal(0m, line.Reimbursable);
        Assert.Contains(line.Outcomes, o => o.Code == "ARRS-ADDITIONALITY" && o.Severity == RuleSeverity.Fail);

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

    [Fact]
    public async Task Baseline_PcnUserSeesOwnButNotAnotherPcns()
    {
        var own = await factory.Data.CreatePcnAsync();
        var other = await factory.Data.CreatePcnAsync();
        await CliRunner.RunAsync(factory.Services, ["import-baseline", await FileAsync($"pcn_code,role,wte\n{own.Code},SPLW,0.8\n")], new StringWriter(), new StringWriter());
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, own.Code));

        var page = await client.GetDocumentAsync("/claims/baseline");

        Assert.Contains("SPLW", page.QuerySelector("#baseline")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("a[href^='/claims/baseline/posts']"));
        await client.GetDocumentAsync($"/claims/baseline?pcn={other.Code}", HttpStatusCode.Forbidden);
        await client.GetDocumentAsync($"/claims/baseline/posts/add?pcn={own.Code}", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AddPost_ContractsUser_SavesAndShowsIt()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

        var response = await client.SubmitFormAsync($"/claims/baseline/posts/add?pcn={pcn.Code}", new Dictionary<string, string>
        {
            ["Input.RoleCode"] = "CLINICAL_PHARMACIST",
            ["Input.Wte"] = "0.6",
            ["Input.StaffRef"] = "ESR-77",
            ["Input.VacantFrom"] = "2020-02-01",
            ["Input.SignedOffOn"] = "2019-06-28",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync($"/claims/baseline?pcn={pcn.Code}");
        Assert.Contains("Vacant", page.QuerySelector("#baseline")!.TextContent, StringComparison.Ordinal);
        var id = await factory.WithDbAsync(db => db.ArrsBaselines.Where(b => b.Pcn!.Code == pcn.Code).Select(b => b.Id).SingleAsync());

        var refilled = await client.SubmitFormAsync($"/claims/baseline/posts/{id}", new Dictionary<string, string> { ["Input.RefilledOn"] = "2020-09-01" });

        Assert.Equal(HttpStatusCode.Redirect, refilled.StatusCode);
        Assert.Equal(new DateOnly(2020, 9, 1), await factory.WithDbAsync(db => db.ArrsBaselines.Where(b => b.Id == id).Select(b => b.RefilledOn).SingleAsync()));
    }

    [Fact]
    public async Task AddPost_BadInput_ShowsMessagesAndSavesNothing()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

        var response = await client.SubmitFormAsync($"/claims/baseline/posts/add?pcn={pcn.Code}", new Dictionary<string, string>
        {
            ["Input.RoleCode"] = "CLINICAL_PHARMACIST",
            ["Input.Wte"] = "0",
            ["Input.VacantFrom"] = "2020-02-01",
            ["Input.RefilledOn"] = "2019-01-01",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains(errors, e => e.StartsWith("Enter the whole-time equivalent", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("A post can be refilled only after", StringComparison.Ordinal));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ArrsBaselines.CountAsync(b => b.Pcn!.Code == pcn.Code)));
    }

    [Fact]
    public async Task AreaTier_ContractsSetInnerLondon_LinesUseLondonMaximum()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var ids = await factory.Data.CreateClaimLinesAsync(pcn.Code, TestData.ClaimRow(pcn.Code, month: "2024-11", salary: "8000.00", start: "2024-04-01"));
        var id = ids["2024-11/CP-" + pcn.Code];
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

        var response = await client.SubmitFormAsync($"/claims/baseline?pcn={pcn.Code}", new Dictionary<string, string> { ["Tier"] = "InnerLondon" }, "#tier-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // £76,313 inner London maximum from 1 October 2024 ÷ 12.
        Assert.Equal(6_359.42m, await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Id == id).Select(l => l.MaxForPeriod).SingleAsync()));
        var manager = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));
        var page = await manager.GetDocumentAsync("/claims/baseline");
        Assert.Contains("inner London", page.QuerySelector("#tier")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#tier-form"));
    }

    [Fact]
    public async Task AreaTier_UnknownTier_ShowsErrorAndSavesNothing()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

        var response = await client.SubmitFormAsync($"/claims/baseline?pcn={pcn.Code}", new Dictionary<string, string> { ["Tier"] = "Mars" }, "#tier-form");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Select the area tier: national, outer London or inner London", (await response.ReadDocumentAsync()).ErrorSummary());
        Assert.False(await factory.WithDbAsync(db => db.ArrsPcnAreaTiers.AnyAsync(t => t.Pcn!.Code == pcn.Code)));
    }
}
