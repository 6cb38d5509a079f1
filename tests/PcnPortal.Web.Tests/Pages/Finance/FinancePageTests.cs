using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Cli;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Finance;

public sealed class FinancePageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(Pcn Pcn, Dictionary<string, int> Ids)> PcnWithClaimsAsync()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 15_000]);
        var ids = await factory.Data.CreateClaimLinesAsync(pcn.Code,
            TestData.ClaimRow(pcn.Code, month: "2020-05"), TestData.ClaimRow(pcn.Code, month: "2020-06"), TestData.ClaimRow(pcn.Code, month: "2020-07"));
        await factory.Data.ApproveClaimLinesAsync(ids["2020-05/CP-" + pcn.Code], ids["2020-06/CP-" + pcn.Code]);
        return (pcn, ids);
    }

    private static string RowText(AngleSharp.Dom.IDocument page, string pcnCode) =>
        page.QuerySelector($"#entitlements tr[data-pcn={pcnCode}]")?.TextContent ?? throw new Xunit.Sdk.XunitException($"No row for {pcnCode}");

    [Fact]
    public async Task Get_ShowsArrSumWithExplanationApprovedPendingPaidAndRemaining()
    {
        var (pcn, ids) = await PcnWithClaimsAsync();
        await factory.WithDbAsync(async db =>
        {
            var paid = await db.ArrsClaimLines.SingleAsync(l => l.Id == ids["2020-05/CP-" + pcn.Code]);
            paid.Status = ArrsClaimStatus.Paid;
            paid.PaidOn = new DateOnly(2020, 6, 30);
            await db.SaveChangesAsync();
        });
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));

        var page = await client.GetDocumentAsync("/finance?year=2020/21");

        // 36,750 weighted patients (35,000 × 1.05) as at 1 January 2020.
        var arrSum = ArrSum.Calculate(PublishedArrsSchedule.Create(), new FinancialYear(2020), 36_750).Amount;
        var row = RowText(page, pcn.Code);
        Assert.Contains(Money.Format(arrSum), row, StringComparison.Ordinal);
        Assert.Contains("36,750 weighted patients", row, StringComparison.Ordinal);
        Assert.Contains("as at 1 January 2020", row, StringComparison.Ordinal);
        Assert.Contains("£9,278.34", row, StringComparison.Ordinal); // approved: two lines of £4,639.17
        Assert.Contains("£4,639.17", row, StringComparison.Ordinal); // pending July, and paid May
        Assert.Contains(Money.Format(arrSum - (3 * 4_639.17m)), row, StringComparison.Ordinal);
        Assert.Contains("CCG total", page.QuerySelector("#ccg-total")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportEntitlementsCli_GivesTheSameFiguresAsThePage()
    {
        var (pcn, _) = await PcnWithClaimsAsync();
        var path = Path.GetTempFileName();
        var output = new StringWriter();

        var exit = await CliRunner.RunAsync(factory.Services, ["export-entitlements", "--year", "2020/21", path, "--json"], output, new StringWriter());

        Assert.Equal(CliExitCodes.Success, exit);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal("2020/21", json.RootElement.GetProperty("year").GetString());
        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal("pcn_code,pcn_name,weighted_population,population_as_at,arr_sum,reimbursable_submitted,approved,paid,remaining,arr_sum_status,population_warnings,gp_sum,gp_reimbursable_submitted", lines[0]);
        // 2020/21's £7.131 was not found in any source: the export says so next to every ARR Sum.
        Assert.Contains(",\"unverified: no source found, check before relying on it\",", lines.Single(l => l.StartsWith(pcn.Code + ",", StringComparison.Ordinal)), StringComparison.Ordinal);
        var cells = lines.Single(l => l.StartsWith(pcn.Code + ",", StringComparison.Ordinal)).Split(',');
        Assert.Equal(["36750", "2020-01-01"], cells[2..4]);
        Assert.Equal("13917.51", cells[5]);
        Assert.Equal("9278.34", cells[6]);
        Assert.Equal("0.00", cells[7]);

        var page = await factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts)).GetDocumentAsync("/finance?year=2020/21");
        var row = RowText(page, pcn.Code);
        foreach (var money in new[] { cells[4], cells[6], cells[7], cells[8] })
        {
            Assert.Contains(Money.Format(decimal.Parse(money, CultureInfo.InvariantCulture)), row, StringComparison.Ordinal);
        }

        var download = await factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance)).GetStringAsync("/finance?handler=EntitlementsCsv&year=2020/21");
        Assert.Equal(await File.ReadAllTextAsync(path), download);
    }

    [Fact]
    public async Task Get_OnlyOlderListSizes_UsesTheLatestEarlierOneAndSaysWhichDate()
    {
        // Issue 13/14: 2020/21 takes list sizes as at 1 January 2020; with only 1 January 2019 ones the page uses them and says so.
        var (pcn, _) = await PcnWithClaimsAsync();
        await factory.WithDbAsync(async db =>
        {
            db.PracticeListSizes.RemoveRange(db.PracticeListSizes.Where(l => l.Practice!.Memberships.Any(m => m.PcnId == pcn.Id) && l.AsAt > new DateOnly(2019, 1, 1)));
            await db.SaveChangesAsync();
        });

        var page = await factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance)).GetDocumentAsync("/finance?year=2020/21");

        var row = RowText(page, pcn.Code);
        Assert.Contains(Money.Format(ArrSum.Calculate(PublishedArrsSchedule.Create(), new FinancialYear(2020), 36_750).Amount), row, StringComparison.Ordinal);
        Assert.Contains("list sizes as at 1 January 2019 used for 2 of 2 practices: none held for 1 January 2020", row, StringComparison.Ordinal);
        Assert.Contains("the latest earlier one, as at 1 Jan 2019, is used", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NoListSizes_ShowsNotHeldAndWhatToLoad_NeverZeroAsFact()
    {
        var (pcn, _) = await PcnWithClaimsAsync();
        await factory.WithDbAsync(async db =>
        {
            db.PracticeListSizes.RemoveRange(db.PracticeListSizes.Where(l => l.Practice!.Memberships.Any(m => m.PcnId == pcn.Id)));
            await db.SaveChangesAsync();
        });
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));

        var page = await client.GetDocumentAsync("/finance?year=2020/21");

        var row = RowText(page, pcn.Code);
        Assert.Contains("Not held", row, StringComparison.Ordinal);
        Assert.Contains("Load the practices' list sizes as at 1 January 2020 (import-list-sizes)", row, StringComparison.Ordinal);
        Assert.DoesNotContain("£0.00 =", row, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#arr-sum-not-held"));
        var csv = await client.GetStringAsync("/finance?handler=EntitlementsCsv&year=2020/21");
        var cells = csv.Split('\n').Single(l => l.StartsWith(pcn.Code + ",", StringComparison.Ordinal)).Split(',');
        Assert.Equal("", cells[4]);
        Assert.Contains("not held: No usable population", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportEntitlementsCli_BadYear_ExitsTwo()
    {
        var error = new StringWriter();
        Assert.Equal(CliExitCodes.Usage, await CliRunner.RunAsync(factory.Services, ["export-entitlements", "--year", "20/21", Path.GetTempFileName()], new StringWriter(), error));
        Assert.Contains("2019/20", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/finance")]
    [InlineData("/finance/schedule")]
    [InlineData("/finance/forecast?pcn=U90001")]
    public async Task Get_PcnUser_IsForbidden(string url)
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));

        await client.GetDocumentAsync(url, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ClaimsCsv_UsesTheContractExportFormat()
    {
        var (pcn, _) = await PcnWithClaimsAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));

        var csv = await client.GetStringAsync("/finance?handler=ClaimsCsv&year=2020/21");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', ArrsClaimExporter.Header), lines[0]);
        Assert.Equal(3, lines.Count(l => l.StartsWith(pcn.Code + ",", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Schedule_MarkPaid_MarksEveryApprovedLineOfThePcnMonthAndAudits()
    {
        var (pcn, ids) = await PcnWithClaimsAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        var page = await client.GetDocumentAsync("/finance/schedule?year=2020/21");
        Assert.NotNull(page.QuerySelector($"#schedule tr[data-row='{pcn.Code}|2020-05']"));

        var response = await client.SubmitFormAsync("/finance/schedule?year=2020/21", new Dictionary<string, string> { ["PaidOn"] = "2020-06-30" },
            $"#schedule tr[data-row='{pcn.Code}|2020-05'] form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var may = await factory.WithDbAsync(db => db.ArrsClaimLines.SingleAsync(l => l.Id == ids["2020-05/CP-" + pcn.Code]));
        Assert.Equal(ArrsClaimStatus.Paid, may.Status);
        Assert.Equal(new DateOnly(2020, 6, 30), may.PaidOn);
        Assert.Equal(ArrsClaimStatus.Approved, await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Id == ids["2020-06/CP-" + pcn.Code]).Select(l => l.Status).SingleAsync()));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityKey == may.Id.ToString(CultureInfo.InvariantCulture) && a.After!.Contains("Paid"))));
        var csv = await client.GetStringAsync("/finance/schedule?handler=Csv&year=2020/21");
        Assert.Contains($"{pcn.Code},{pcn.Name},2020-05,0,0.00,1,4639.17,2020-06-30", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Enter the date the payment was made")]
    [InlineData("2020-06-31", "The date the payment was made must be a real date")]
    [InlineData("2020-04-30", "on or after the start of the month claimed")]
    [InlineData("2099-01-01", "today or in the past")]
    public async Task Schedule_MarkPaidBadDate_ShowsErrorAndSavesNothing(string paidOn, string message)
    {
        var (pcn, ids) = await PcnWithClaimsAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));

        var response = await client.SubmitFormAsync("/finance/schedule?year=2020/21", new Dictionary<string, string> { ["PaidOn"] = paidOn },
            $"#schedule tr[data-row='{pcn.Code}|2020-05'] form");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.Contains(message, document.ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("#PaidOn_Day.nhsuk-input--error"));
        Assert.Equal(ArrsClaimStatus.Approved, await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Id == ids["2020-05/CP-" + pcn.Code]).Select(l => l.Status).SingleAsync()));
    }

    [Fact]
    public async Task Schedule_ContractsUserCannotMarkPaid()
    {
        var (pcn, ids) = await PcnWithClaimsAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        var page = await client.GetDocumentAsync("/finance/schedule?year=2020/21");
        Assert.Null(page.QuerySelector("#schedule form"));
        var token = page.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await client.PostAsync("/finance/schedule?year=2020/21", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Pcn"] = pcn.Code,
            ["Month"] = "2020-05",
            ["PaidOn"] = "2020-06-30",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ArrsClaimStatus.Approved, await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Id == ids["2020-05/CP-" + pcn.Code]).Select(l => l.Status).SingleAsync()));
    }

    private static (FinancialYear Year, DateOnly From, int Months) CurrentYear()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var year = FinancialYear.Containing(today);
        var from = new DateOnly(today.Year, today.Month, 1);
        return (year, from, ((year.LastDay.Year - from.Year) * 12) + year.LastDay.Month - from.Month + 1);
    }

    [Fact]
    public async Task Forecast_StaffInPostAndWhatIfPlannedPost_ShowTheEffectWithoutSaving()
    {
        var (year, from, months) = CurrentYear();
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 15_000]);
        var lastMonth = from.AddMonths(-1);
        // A care coordinator claimed last month at £2,000 (well under the maximum), still in post.
        await factory.Data.CreateClaimLinesAsync(pcn.Code, TestData.ClaimRow(pcn.Code, "CC-" + pcn.Code, lastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            role: "CARE_COORDINATOR", salary: "1600.00", employerNi: "200.00", employerPension: "200.00", start: "2022-01-01"));
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));

        var page = await client.GetDocumentAsync($"/finance/forecast?year={year}&pcn={pcn.Code}");
        Assert.Contains(Money.Format(2_000m * months), page.QuerySelector("#forecast")!.TextContent, StringComparison.Ordinal);
        var staffBefore = await factory.WithDbAsync(db => db.ArrsStaff.CountAsync(s => s.Pcn!.Code == pcn.Code));

        var response = await client.SubmitFormAsync($"/finance/forecast?year={year}&pcn={pcn.Code}", new Dictionary<string, string>
        {
            ["Input.Role"] = "SPLW",
            ["Input.Wte"] = "1",
            ["Input.StartMonth"] = from.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            ["Input.Salary"] = "24000",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var whatIf = (await response.ReadDocumentAsync()).QuerySelector("#what-if")!.TextContent;
        Assert.Contains($"adds {Money.Format(2_000m * months)}", whatIf, StringComparison.Ordinal);
        Assert.Contains($"forecast {Money.Format(4_000m * months)}", whatIf, StringComparison.Ordinal);
        Assert.Equal(staffBefore, await factory.WithDbAsync(db => db.ArrsStaff.CountAsync(s => s.Pcn!.Code == pcn.Code)));
        Assert.Contains(Money.Format(2_000m * months), (await client.GetDocumentAsync($"/finance?year={year}")).QuerySelector($"#entitlements tr[data-pcn={pcn.Code}]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forecast_WhatIfBadInput_ShowsErrorsUnderFields()
    {
        var (year, _, _) = CurrentYear();
        var pcn = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));

        var response = await client.SubmitFormAsync($"/finance/forecast?year={year}&pcn={pcn.Code}", new Dictionary<string, string>
        {
            ["Input.Role"] = "",
            ["Input.Wte"] = "1.5",
            ["Input.StartMonth"] = "2019-01",
            ["Input.Salary"] = "lots",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        var errors = document.ErrorSummary();
        Assert.Contains("Select the role of the planned post", errors);
        Assert.Contains(errors, e => e.StartsWith("Enter the whole-time equivalent", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("The start month must be between", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Enter the annual salary", StringComparison.Ordinal));
        Assert.NotNull(document.QuerySelector("#Input_Wte-error"));
        Assert.Null(document.QuerySelector("#what-if"));
    }

    [Fact]
    public async Task Forecast_WhatIfAtZero_SaysWhy()
    {
        // Issue 14: the what-if forecast says why it is £0 (here no maximum is held for mental health practitioners).
        var (year, from, _) = CurrentYear();
        var pcn = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));

        var response = await client.SubmitFormAsync($"/finance/forecast?year={year}&pcn={pcn.Code}", new Dictionary<string, string>
        {
            ["Input.Role"] = "MENTAL_HEALTH_PRACTITIONER",
            ["Input.Wte"] = "1",
            ["Input.StartMonth"] = from.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            ["Input.Salary"] = "40000",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var why = (await response.ReadDocumentAsync()).QuerySelector("#what-if-why")!.TextContent;
        Assert.Contains("£0: no published maximum held for Mental health practitioner", why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_2024_ShowsTheRingFencedGpSumBesideTheArrSum()
    {
        // Pulse, 27 Sep 2024: £1.303 per weighted patient ring-fenced for GP claims in 2024/25, separate from the £22.894 ARR Sum.
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 20_000]);
        var page = await factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance)).GetDocumentAsync("/finance?year=2024/25");

        var row = RowText(page, pcn.Code);
        Assert.Contains("£961,548.00", row, StringComparison.Ordinal); // 22.894 × 42,000
        Assert.Contains("GP sum (ring-fenced, GP claims only): £54,726.00", row, StringComparison.Ordinal); // 1.303 × 42,000
    }

    [Fact]
    public async Task Forecast_UnknownPcn_IsNotFound()
    {
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        await client.GetDocumentAsync("/finance/forecast?pcn=U00000", HttpStatusCode.NotFound);
    }
}
