using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Admin.ReferenceData;

public sealed class ReferenceDataPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Get_ListsRoleCodesRatesArrSumMethodsAndLimits()
    {
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.Administrator));

        var page = await client.GetDocumentAsync("/admin/reference-data");

        var codes = page.QuerySelector("#role-codes")!.TextContent;
        Assert.Contains("CLINICAL_PHARMACIST", codes, StringComparison.Ordinal);
        Assert.Contains("MENTAL_HEALTH_PRACTITIONER", codes, StringComparison.Ordinal);
        Assert.Contains("£37,810.00", page.QuerySelector("#rate-entries")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2020/21", page.QuerySelector("#arr-sum-methods")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ShowsRolesByNameWithNoRawCodes()
    {
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.Administrator));

        var page = await client.GetDocumentAsync("/admin/reference-data");

        Assert.Empty(page.QuerySelectorAll("main code"));
        var pharmacist = page.QuerySelectorAll("#role-codes tbody tr").Single(r => r.Children[1].TextContent.Trim() == "CLINICAL_PHARMACIST");
        Assert.Equal("Clinical pharmacist", pharmacist.Children[0].TextContent.Trim());
        Assert.Contains("Clinical pharmacist", page.QuerySelector("#rate-entries tbody tr")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("CLINICAL_PHARMACIST", page.QuerySelector("#rate-entries")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("_", page.QuerySelector("#arr-sum-methods")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/reference-data")]
    [InlineData("/admin/reference-data/rates/add")]
    public async Task Get_NonAdministrator_IsForbidden(string url)
    {
        var pcn = await factory.Data.CreatePcnAsync();
        await factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code)).GetDocumentAsync(url, HttpStatusCode.Forbidden);
        await factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance)).GetDocumentAsync(url, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AddRate_BackdatedUplift_ReassessesLinesShowingWasAmount()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 15_000]);
        // SPLW 2020/21 claimed at £4,000 a month: capped at the 2020/21 maximum.
        var ids = await factory.Data.CreateClaimLinesAsync(pcn.Code, TestData.ClaimRow(pcn.Code, "SP-" + pcn.Code, "2020-11", role: "SPLW"));
        var id = ids["2020-11/SP-" + pcn.Code];
        var before = await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Id == id).Select(l => l.Reimbursable).SingleAsync());
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.Administrator));

        var response = await client.SubmitFormAsync("/admin/reference-data/rates/add", new Dictionary<string, string>
        {
            ["Input.RoleCode"] = "SPLW",
            ["Input.EffectiveFrom"] = "2020-10-01",
            ["Input.AreaTier"] = "National",
            ["Input.Rate"] = "1.00",
            ["Input.Maximum"] = "60000.00",
            ["Input.Source"] = "Test uplift",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var line = await factory.WithDbAsync(db => db.ArrsClaimLines.SingleAsync(l => l.Id == id));
        Assert.Equal(5_000m, line.MaxForPeriod);
        Assert.Equal(before, line.PreviousReimbursable);
        Assert.True(line.Reimbursable > before);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity.Contains("Rate") && a.After!.Contains("Test uplift"))));
        var detail = await factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts)).GetDocumentAsync($"/claims/review/{id}");
        Assert.Contains(Money.Format(before), detail.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditRate_ChangesTheEntry()
    {
        var id = await factory.WithDbAsync(async db =>
        {
            var entry = new RoleRateEntry { RoleCode = "DIETITIAN", EffectiveFrom = new DateOnly(2031, 4, 1), AreaTier = AreaTier.National, ReimbursementRate = 1m, MaxReimbursablePerWteYear = 50_000m, Source = "x" };
            db.ArrsRateEntries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.Administrator));

        var response = await client.SubmitFormAsync($"/admin/reference-data/rates/{id}", new Dictionary<string, string> { ["Input.Maximum"] = "51000.00" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(51_000m, await factory.WithDbAsync(db => db.ArrsRateEntries.Where(e => e.Id == id).Select(e => e.MaxReimbursablePerWteYear).SingleAsync()));
    }

    [Fact]
    public async Task AddRate_BadInput_ShowsMessagesUnderFieldsAndSavesNothing()
    {
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.Administrator));
        var count = await factory.WithDbAsync(db => db.ArrsRateEntries.CountAsync());

        var response = await client.SubmitFormAsync("/admin/reference-data/rates/add", new Dictionary<string, string>
        {
            ["Input.RoleCode"] = "SPLW",
            ["Input.EffectiveFrom"] = "",
            ["Input.Rate"] = "70",
            ["Input.Maximum"] = "-5",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        var errors = document.ErrorSummary();
        Assert.Contains(errors, e => e.StartsWith("Enter the date the rate applies from", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Enter the reimbursement rate as a fraction", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Enter the maximum reimbursable amount", StringComparison.Ordinal));
        Assert.NotNull(document.QuerySelector("#Input_Rate-error"));
        Assert.Equal(count, await factory.WithDbAsync(db => db.ArrsRateEntries.CountAsync()));
    }

    [Fact]
    public async Task AddRate_DuplicateDate_IsRefused()
    {
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.Administrator));

        var response = await client.SubmitFormAsync("/admin/reference-data/rates/add", new Dictionary<string, string>
        {
            ["Input.RoleCode"] = "CLINICAL_PHARMACIST",
            ["Input.EffectiveFrom"] = "2019-07-01",
            ["Input.Rate"] = "0.70",
            ["Input.Maximum"] = "37810.00",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("change that entry instead", (await response.ReadDocumentAsync()).ErrorSummary().Single(), StringComparison.Ordinal);
    }
}

public sealed class ArrsArrSumMethodTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AddArrSumMethod_NewYear_ChangesTheFinanceFigures()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 15_000]);
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.Administrator));

        var response = await client.SubmitFormAsync("/admin/reference-data/arr-sum/add", new Dictionary<string, string>
        {
            ["Input.Year"] = "2027/28",
            ["Input.Rate"] = "30.5",
            ["Input.Source"] = "Test schedule",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var finance = await client.GetDocumentAsync("/finance?year=2027/28");
        // 36,750 weighted patients × £30.50 = £1,120,875.00
        Assert.Contains("£1,120,875.00", finance.QuerySelector($"#entitlements tr[data-pcn={pcn.Code}]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddArrSumMethod_ExistingYearOrBadRate_IsRefusedAndSavesNothing()
    {
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.Administrator));
        await client.GetDocumentAsync("/admin/reference-data");
        var count = await factory.WithDbAsync(db => db.ArrSumMethods.CountAsync());

        var existing = await client.SubmitFormAsync("/admin/reference-data/arr-sum/add", new Dictionary<string, string> { ["Input.Year"] = "2020/21", ["Input.Rate"] = "30" });
        var bad = await client.SubmitFormAsync("/admin/reference-data/arr-sum/add", new Dictionary<string, string> { ["Input.Year"] = "next year", ["Input.Rate"] = "-1" });

        Assert.Equal(HttpStatusCode.BadRequest, existing.StatusCode);
        Assert.Contains("2020/21 already has an ARR Sum method", (await existing.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(2, (await bad.ReadDocumentAsync()).ErrorSummary().Count);
        Assert.Equal(count, await factory.WithDbAsync(db => db.ArrSumMethods.CountAsync()));
    }
}

public sealed class ArrsFigureStatusPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ReferenceData_ShowsEachFiguresStatus_AndCitations_NotInternalNotes()
    {
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.Administrator));

        var page = await client.GetDocumentAsync("/admin/reference-data");

        var rates = page.QuerySelector("#rate-entries")!.TextContent;
        Assert.Contains("carried forward from 1 October 2024: no published figure for 1 April 2026 held", rates, StringComparison.Ordinal);
        Assert.Contains("No published maximum held", rates, StringComparison.Ordinal);
        Assert.Contains("https://", rates, StringComparison.Ordinal);
        Assert.DoesNotContain("domain.md", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("seed 000", page.Body!.TextContent, StringComparison.Ordinal);
        var sums = page.QuerySelector("#arr-sum-methods")!.TextContent;
        Assert.Contains("(rounded figure only)", sums, StringComparison.Ordinal);
        Assert.Contains("carried forward from 2025/26: no published figure for 2026/27 held", sums, StringComparison.Ordinal);
        Assert.Contains("ring-fenced GP sum", sums, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DesFundingPaperSection_For202627_ListsCarriedForwardRates_WithStatus()
    {
        await factory.Data.CreatePcnAsync();
        using var scope = factory.Services.CreateScope();
        var section = scope.ServiceProvider.GetRequiredService<PcnPortal.Web.Features.Papers.PaperDataSections>().Find("des-funding")!;

        var snapshot = await section.BuildAsync(new DateOnly(2026, 11, 1), new PcnPortal.Web.Features.Papers.PaperSectionOptions(ShowDetail: false, AllEngland: false), CancellationToken.None);

        var table = snapshot.Blocks.First(b => b.Table is not null).Table!;
        Assert.Equal("Status of the rate", table.Columns[^1].Header);
        Assert.Contains(table.Rows, r => r[^1].Text == "carried forward from 2025/26: no published figure for 2026/27 held");
        Assert.Contains(table.Rows, r => r[3].Text == "not calculated");
        Assert.Contains(snapshot.Blocks, b => b.Text?.StartsWith("Sources of the rates:", StringComparison.Ordinal) == true);
    }
}
