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

    /// <summary>Two PCNs with lines approved for the month (one PCN with two lines) and one line approved for the next month.</summary>
    private async Task<(Pcn First, Pcn Second, int[] MonthIds, int NextMonthId)> ApprovedMonthAsync(string month, string nextMonth)
    {
        var first = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 15_000]);
        var second = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 15_000]);
        var a = await factory.Data.CreateClaimLinesAsync(first.Code, TestData.ClaimRow(first.Code, month: month), TestData.ClaimRow(first.Code, "SP-" + first.Code, month, role: "SPLW", salary: "2000.00"),
            TestData.ClaimRow(first.Code, month: nextMonth));
        var b = await factory.Data.CreateClaimLinesAsync(second.Code, TestData.ClaimRow(second.Code, month: month));
        int[] monthIds = [a[$"{month}/CP-{first.Code}"], a[$"{month}/SP-{first.Code}"], b[$"{month}/CP-{second.Code}"]];
        var next = a[$"{nextMonth}/CP-{first.Code}"];
        await factory.Data.ApproveClaimLinesAsync([.. monthIds, next]);
        return (first, second, monthIds, next);
    }

    private static Dictionary<string, string> Run(string reference, string paidOn) => new() { ["Input.Reference"] = reference, ["Input.PaidOn"] = paidOn };

    [Fact]
    public async Task PaymentRun_MarksEveryPcnsApprovedLinesOfTheMonthPaid_WithOneReferenceAndDate_AuditedPerLine()
    {
        var (first, second, ids, next) = await ApprovedMonthAsync("2020-08", "2020-09");
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        var expected = await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Month == new DateOnly(2020, 8, 1) && l.Status == ArrsClaimStatus.Approved).SumAsync(l => l.ApprovedAmount!.Value));

        var page = await client.GetDocumentAsync("/finance/schedule?month=2020-08");

        Assert.Equal("Payment run for August 2020", page.QuerySelector("#payment-run-heading")!.TextContent);
        Assert.Equal("2", page.QuerySelector($"#payment-run tr[data-pcn={first.Code}] td[data-lines]")!.GetAttribute("data-lines"));
        Assert.NotNull(page.QuerySelector($"#payment-run tr[data-pcn={second.Code}]"));
        Assert.Contains(Money.Format(expected), page.QuerySelector("#payment-run-total")!.TextContent, StringComparison.Ordinal);

        var response = await client.SubmitFormAsync("/finance/schedule?month=2020-08", Run("BACS-2020-08-001", "2020-09-15"), "#mark-paid");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/finance/schedule?month=2020-08", response.Headers.Location!.OriginalString);
        var lines = await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => ids.Contains(l.Id)).ToListAsync());
        Assert.All(lines, l =>
        {
            Assert.Equal(ArrsClaimStatus.Paid, l.Status);
            Assert.Equal(new DateOnly(2020, 9, 15), l.PaidOn);
            Assert.Equal("BACS-2020-08-001", l.PaymentReference);
        });
        Assert.Equal(0, await factory.WithDbAsync(db => db.ArrsClaimLines.CountAsync(l => l.Month == new DateOnly(2020, 8, 1) && l.Status == ArrsClaimStatus.Approved)));
        Assert.Equal(ArrsClaimStatus.Approved, await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Id == next).Select(l => l.Status).SingleAsync()));
        foreach (var id in ids)
        {
            var key = id.ToString(CultureInfo.InvariantCulture);
            Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(ArrsClaimLine) && a.EntityKey == key && a.After!.Contains("BACS-2020-08-001"))), $"line {id} audited");
        }

        var after = await client.GetDocumentAsync("/finance/schedule?month=2020-08");
        Assert.Contains($"{Money.Format(expected)} in all, marked paid on 15 September 2020 with payment reference BACS-2020-08-001", after.QuerySelector(".nhsuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(after.QuerySelector("#payment-run-empty"));
        Assert.Null(after.QuerySelector("#mark-paid"));
        Assert.Contains("reference BACS-2020-08-001", after.QuerySelector($"#payment-run tr[data-pcn={first.Code}]")!.TextContent, StringComparison.Ordinal);
        var csv = await client.GetStringAsync("/finance/schedule?handler=Csv&year=2020/21");
        Assert.Contains($"{second.Code},{second.Name},2020-08,0,0.00,1,4639.17,2020-09-15,0,BACS-2020-08-001", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PaymentRun_OpensOnTheCurrentMonth_AndTheScheduleIsNewestFirst()
    {
        await ApprovedMonthAsync("2020-06", "2020-07");
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        var thisMonth = DateOnly.FromDateTime(DateTime.UtcNow);

        var page = await client.GetDocumentAsync("/finance/schedule");
        var year = await client.GetDocumentAsync("/finance/schedule?month=2020-07");

        Assert.Equal($"Payment run for {thisMonth.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}", page.QuerySelector("#payment-run-heading")!.TextContent);
        Assert.Equal(thisMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture), page.QuerySelector("#month option[selected]")!.GetAttribute("value"));
        var offered = page.QuerySelectorAll("#month option").Select(o => o.GetAttribute("value")!).ToList();
        Assert.Contains("2020-06", offered);
        Assert.Equal(offered.OrderDescending(StringComparer.Ordinal), offered);
        var months = year.QuerySelectorAll("#schedule tbody tr").Select(r => r.GetAttribute("data-month")!).ToList();
        Assert.Equal(months.OrderDescending(StringComparer.Ordinal), months);
        Assert.True(months.Distinct().Count() > 1);
    }

    [Theory]
    [InlineData("", "2020-11-30", "Enter the payment reference")]
    [InlineData("BACS-1", "", "Enter the date the payment was made")]
    [InlineData("BACS-1", "2020-11-31", "The date the payment was made must be a real date")]
    [InlineData("BACS-1", "2020-09-30", "on or after the start of the month claimed")]
    [InlineData("BACS-1", "2099-01-01", "today or in the past")]
    [InlineData("A reference far too long to be a payment reference from any ledger", "2020-11-30", "50 characters or fewer")]
    public async Task PaymentRun_BadInput_ShowsTheErrorAndMarksNothingPaid(string reference, string paidOn, string message)
    {
        var (_, _, ids, _) = await ApprovedMonthAsync("2020-10", "2020-11");
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));

        var response = await client.SubmitFormAsync("/finance/schedule?month=2020-10", Run(reference, paidOn), "#mark-paid");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.Contains(message, document.ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("#mark-paid"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ArrsClaimLines.CountAsync(l => ids.Contains(l.Id) && l.Status != ArrsClaimStatus.Approved)));
    }

    [Fact]
    public async Task PaymentRun_LinesApprovedAfterThePageOpened_MarksNothingAndShowsTheNewTotal()
    {
        var (first, _, ids, _) = await ApprovedMonthAsync("2020-12", "2021-01");
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        var page = await client.GetDocumentAsync("/finance/schedule?month=2020-12");
        var late = await factory.Data.CreateClaimLineAsync(first.Code, month: "2020-12");
        await factory.Data.ApproveClaimLinesAsync(late);

        var response = await client.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#mark-paid")!, "/finance/schedule?month=2020-12", Run("BACS-2020-12", "2021-01-20"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.Contains("changed after you opened this page", document.ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ArrsClaimLines.CountAsync(l => (ids.Contains(l.Id) || l.Id == late) && l.Status != ArrsClaimStatus.Approved)));

        // Sent again from the page now shown, the run includes the late line.
        var again = await client.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)document.QuerySelector("#mark-paid")!, "/finance/schedule?month=2020-12", Run("BACS-2020-12", "2021-01-20"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(ArrsClaimStatus.Paid, await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Id == late).Select(l => l.Status).SingleAsync()));
    }

    [Fact]
    public async Task PaymentRun_ContractsUserSeesTheRunButCannotMarkItPaid()
    {
        var (_, _, ids, _) = await ApprovedMonthAsync("2021-02", "2021-03");
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        var page = await client.GetDocumentAsync("/finance/schedule?month=2021-02");
        Assert.NotNull(page.QuerySelector("#payment-run"));
        Assert.Null(page.QuerySelector("#mark-paid"));
        var token = page.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await client.PostAsync("/finance/schedule?month=2021-02", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Month"] = "2021-02",
            ["Input.Lines"] = "3",
            ["Input.Total"] = "0",
            ["Input.Reference"] = "BACS-1",
            ["Input.PaidOn.Day"] = "30",
            ["Input.PaidOn.Month"] = "3",
            ["Input.PaidOn.Year"] = "2021",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ArrsClaimLines.CountAsync(l => ids.Contains(l.Id) && l.Status != ArrsClaimStatus.Approved)));
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
