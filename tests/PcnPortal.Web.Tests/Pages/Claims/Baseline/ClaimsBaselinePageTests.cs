using System.Net;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Claims.Baseline;

/// <summary>/claims/baseline and its posts: the PCN's ARRS baseline workforce and area tier.</summary>
public sealed class ClaimsBaselinePageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Baseline_PcnUserSeesOwnButNotAnotherPcns()
    {
        var own = await factory.Data.CreatePcnAsync();
        var other = await factory.Data.CreatePcnAsync();
        await factory.Data.CreateBaselineAsync(own, "SPLW", 0.8m);
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, own.Code));

        var page = await client.GetDocumentAsync("/claims/baseline");

        Assert.Contains("Social prescribing link worker", page.QuerySelector("#baseline")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("#baseline code"));
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
