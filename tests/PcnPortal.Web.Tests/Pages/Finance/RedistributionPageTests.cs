using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Arrs.Redistribution;
using PcnPortal.Domain.Arrs.Rules;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;
using PcnPortal.Web.Tests.Robustness;

namespace PcnPortal.Web.Tests.Pages.Finance;

/// <summary>/finance/redistribution: finance opens a round, a PCN bids, the contracts team decides, the CSV, and who may do what.</summary>
public sealed class RedistributionPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Today(int days = 0) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A PCN whose forecast spend reaches its entitlement exactly: 105 weighted patients (ARR Sum 2020/21 £748.76 at £7.131), and a
    /// pending clinical pharmacist line for May 2020 cut by ARRS-ENTITLEMENT to the £748.76 left. Returns the PCN and the line.
    /// </summary>
    private async Task<(Pcn Pcn, int LineId)> EligiblePcnAsync()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [100]);
        var line = await factory.Data.CreateClaimLineAsync(pcn.Code, month: "2020-05");
        return (pcn, line);
    }

    private async Task CloseOpenRoundsAsync(int startYear) => await factory.WithDbAsync(async db =>
    {
        foreach (var open in await db.RedistributionRounds.Where(r => r.StartYear == startYear && r.Status == RedistributionRoundStatus.Open).ToListAsync())
        {
            open.Status = RedistributionRoundStatus.Closed;
        }

        await db.SaveChangesAsync();
    });

    private async Task<HttpClient> ClientAsync(string role, string? pcnCode = null) =>
        factory.CreateClientFor(await factory.Data.CreateUserAsync(role, pcnCode));

    [Fact]
    public async Task Finance_OpensARound_ThePoolShowsEachPcnsWorking()
    {
        await CloseOpenRoundsAsync(2020);
        var giver = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 15_000]); // 36,750 weighted: ARR Sum £262,064.25, nothing claimed
        var finance = await ClientAsync(PortalRoles.CommissionerFinance);

        var preview = await finance.GetDocumentAsync("/finance/redistribution/open?year=2020/21");
        Assert.Contains("£262,064.25 entitlement − £0.00 claimed (approved and pending) − £0.00 forecast to year end = £262,064.25 expected unused.",
            preview.QuerySelector($"#pool tr[data-pcn={giver.Code}]")!.TextContent, StringComparison.Ordinal);

        var response = await finance.SubmitFormAsync("/finance/redistribution/open", new Dictionary<string, string> { ["Input.Year"] = "2020/21", ["Input.Deadline"] = Today(14) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var round = await factory.WithDbAsync(db => db.RedistributionRounds.Include(r => r.PoolEntries).OrderByDescending(r => r.Id).FirstAsync());
        Assert.Equal(2020, round.StartYear);
        Assert.Equal(round.PoolEntries.Sum(e => e.ExpectedUnused), round.Pool);
        Assert.All(round.PoolEntries, e => Assert.True(e.ExpectedUnused >= 0m));
        var page = await finance.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("£262,064.25", page.QuerySelector($"#pool tr[data-pcn={giver.Code}]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Money(round.Pool), page.QuerySelector("#pool-total")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Round {round.Id} for 2020/21 is open for bids", page.QuerySelector(".nhsuk-notification-banner")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024/25", "2026-12-31", "There is no redistribution for 2024/25: sharing unused ARRS entitlement between PCNs ran from 2019/20 to 2023/24 and was removed from the Network Contract DES from 2024/25.")]
    [InlineData("2018/19", "2026-12-31", "There is no redistribution for 2018/19")]
    [InlineData("2020/21", "2027-02-31", "The deadline for bids must be a real date")]
    [InlineData("2020/21", "2001-01-01", "The deadline for bids must be today")]
    [InlineData("", "2026-12-31", "Select the financial year, for example 2020/21")]
    public async Task Open_BadYearOrDeadline_Is400WithTheMessage_AndSavesNothing(string year, string deadline, string message)
    {
        await CloseOpenRoundsAsync(2020);
        var before = await factory.WithDbAsync(db => db.RedistributionRounds.CountAsync());
        var finance = await ClientAsync(PortalRoles.CommissionerFinance);
        var page = await finance.GetDocumentAsync("/finance/redistribution/open");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form[method=post]")!;
        if (year.Length > 0 && form.QuerySelector($"option[value='{year}']") is null)
        {
            var option = page.CreateElement("option");
            option.SetAttribute("value", year);
            form.QuerySelector("#Input_Year")!.AppendChild(option);
        }

        var response = await finance.SubmitAsync(form, "/finance/redistribution/open", new Dictionary<string, string> { ["Input.Year"] = year, ["Input.Deadline"] = deadline });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.ReadDocumentAsync()).ErrorSummary(), e => e.StartsWith(message, StringComparison.Ordinal));
        Assert.Equal(before, await factory.WithDbAsync(db => db.RedistributionRounds.CountAsync()));
    }

    [Fact]
    public async Task PcnUser_NotYetAtTheirEntitlement_SeesWhyAndTheirBidIsRefused()
    {
        var giver = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 15_000]);
        var round = await factory.Data.CreateRedistributionRoundAsync(2020, null, (giver, 50_000m));
        var manager = await ClientAsync(PortalRoles.PcnManager, giver.Code);

        var page = await manager.GetDocumentAsync($"/finance/redistribution/{round}");
        Assert.Contains("Forecast spend £0.00 (£0.00 claimed + £0.00 forecast to year end) is £262,064.25 short of its entitlement of £262,064.25", page.QuerySelector("#eligibility")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#bid"));

        var bidPage = await manager.GetDocumentAsync($"/finance/redistribution/{round}/bid");
        Assert.NotNull(bidPage.QuerySelector("#not-eligible"));
        var token = bidPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await manager.PostAsync($"/finance/redistribution/{round}/bid", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Role"] = "CLINICAL_PHARMACIST",
            ["Input.Wte"] = "1",
            ["Input.StartMonth.Month"] = "1",
            ["Input.StartMonth.Year"] = "2021",
            ["Input.MonthlyCost"] = "3500",
            ["Input.Reason"] = "More reviews",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.ReadDocumentAsync()).ErrorSummary(), e => e.Contains("short of its entitlement", StringComparison.Ordinal));
        Assert.Equal(0, await factory.WithDbAsync(db => db.RedistributionBids.CountAsync(b => b.PcnId == giver.Id)));
    }

    [Fact]
    public async Task PcnUser_AtTheirEntitlement_BidsWithPoundsAndCommas_AndChangesTheirBid()
    {
        var giver = await factory.Data.CreatePcnAsync();
        var (pcn, _) = await EligiblePcnAsync();
        var round = await factory.Data.CreateRedistributionRoundAsync(2020, null, (giver, 50_000m));
        var manager = await ClientAsync(PortalRoles.PcnManager, pcn.Code);

        var page = await manager.GetDocumentAsync($"/finance/redistribution/{round}");
        Assert.Contains("reaches its entitlement of £748.76", page.QuerySelector("#eligibility")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("= the expected unused entitlement of 1 PCNs when the round was opened", page.QuerySelector("#pool-total")!.TextContent, StringComparison.Ordinal); // the whole pool's, not only the PCN's own row
        Assert.Null(page.QuerySelector($"#pool tr[data-pcn={giver.Code}]"));
        var response = await manager.SubmitFormAsync($"/finance/redistribution/{round}/bid", new Dictionary<string, string>
        {
            ["Input.Role"] = "CLINICAL_PHARMACIST",
            ["Input.Wte"] = "0.8",
            ["Input.StartMonth"] = "2021-01",
            ["Input.MonthlyCost"] = "£3,500.00",
            ["Input.Reason"] = "Structured medication reviews for care homes",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var bid = await factory.WithDbAsync(db => db.RedistributionBids.SingleAsync(b => b.PcnId == pcn.Id));
        Assert.Equal((3_500m, 3, 10_500m, 0.8m, new DateOnly(2021, 1, 1)), (bid.MonthlyCost, bid.Months, bid.Requested, bid.Wte, bid.StartMonth));
        Assert.Equal(RedistributionBidStatus.Submitted, bid.Status);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity.Contains("RedistributionBid") && a.EntityKey.Contains(bid.Id.ToString(CultureInfo.InvariantCulture)))));

        var changed = await manager.SubmitFormAsync($"/finance/redistribution/{round}/bid/{bid.Id}", new Dictionary<string, string> { ["Input.StartMonth"] = "2020-12", ["Input.MonthlyCost"] = "1,000" });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var after = await factory.WithDbAsync(db => db.RedistributionBids.SingleAsync(b => b.Id == bid.Id));
        Assert.Equal((1_000m, 4, 4_000m), (after.MonthlyCost, after.Months, after.Requested));
    }

    [Theory]
    [InlineData("Input.MonthlyCost", "£3,500.005", "Enter the monthly cost in pounds and pence")]
    [InlineData("Input.MonthlyCost", "0", "Enter the monthly cost in pounds and pence")]
    [InlineData("Input.Wte", "1.5", "Enter the whole-time equivalent")]
    [InlineData("Input.StartMonth", "2021-04", "The start month must be between April 2020 and March 2021")]
    [InlineData("Input.StartMonth", "2021-13", "The start month must be a real date")]
    [InlineData("Input.Reason", "", "Enter why the PCN needs the post")]
    [InlineData("Input.Role", "NOT_A_ROLE", "Select the role of the post")]
    public async Task Bid_BadInput_Is400WithTheMessage_AndSavesNothing(string field, string value, string message)
    {
        var giver = await factory.Data.CreatePcnAsync();
        var (pcn, _) = await EligiblePcnAsync();
        var round = await factory.Data.CreateRedistributionRoundAsync(2020, null, (giver, 50_000m));
        var manager = await ClientAsync(PortalRoles.ClinicalDirector, pcn.Code);
        var values = new Dictionary<string, string>
        {
            ["Input.Role"] = "CLINICAL_PHARMACIST",
            ["Input.Wte"] = "1",
            ["Input.StartMonth"] = "2021-01",
            ["Input.MonthlyCost"] = "3500",
            ["Input.Reason"] = "More reviews",
            [field] = value,
        };
        var page = await manager.GetDocumentAsync($"/finance/redistribution/{round}/bid");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form[method=post]")!;
        var option = page.CreateElement("option");
        option.SetAttribute("value", "NOT_A_ROLE");
        form.QuerySelector("#Input_Role")!.AppendChild(option);

        var response = await manager.SubmitAsync(form, $"/finance/redistribution/{round}/bid", values);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.ReadDocumentAsync()).ErrorSummary(), e => e.StartsWith(message, StringComparison.Ordinal));
        Assert.Equal(0, await factory.WithDbAsync(db => db.RedistributionBids.CountAsync(b => b.PcnId == pcn.Id)));
    }

    [Fact]
    public async Task AnotherPcnsUser_IsRefusedTheBid_AndSeesNoneOfIt()
    {
        var giver = await factory.Data.CreatePcnAsync();
        var (pcn, _) = await EligiblePcnAsync();
        var other = await factory.Data.CreatePcnAsync();
        var round = await factory.Data.CreateRedistributionRoundAsync(2020, null, (giver, 50_000m));
        var bid = await factory.Data.CreateRedistributionBidAsync(round, pcn, reason: "A reason only the bidder and the CCG see");
        var intruder = await ClientAsync(PortalRoles.PcnManager, other.Code);

        Assert.Equal(HttpStatusCode.Forbidden, (await intruder.GetAsync($"/finance/redistribution/{round}/bid/{bid}")).StatusCode);
        var token = (await intruder.GetDocumentAsync($"/finance/redistribution/{round}/bid")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        var post = await intruder.PostAsync($"/finance/redistribution/{round}/bid/{bid}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Role"] = "CLINICAL_PHARMACIST",
            ["Input.Wte"] = "1",
            ["Input.StartMonth.Month"] = "1",
            ["Input.StartMonth.Year"] = "2021",
            ["Input.MonthlyCost"] = "99999",
            ["Input.Reason"] = "Hijacked",
            ["Input.Version"] = "0",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(1_000m, await factory.WithDbAsync(db => db.RedistributionBids.Where(b => b.Id == bid).Select(b => b.MonthlyCost).SingleAsync()));

        var roundPage = await (await intruder.GetAsync($"/finance/redistribution/{round}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("A reason only the bidder", roundPage, StringComparison.Ordinal);
        Assert.DoesNotContain(pcn.Code, roundPage, StringComparison.Ordinal);
        Assert.DoesNotContain(giver.Code, roundPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contracts_ApprovesInPart_GiversReducedProRataToThePenny_BidderEntitlementRaisedInClaimsAndFinance()
    {
        var g1 = await factory.Data.CreatePcnAsync();
        var g2 = await factory.Data.CreatePcnAsync();
        var (pcn, lineId) = await EligiblePcnAsync();
        var round = await factory.Data.CreateRedistributionRoundAsync(2020, null, (g1, 10_000m), (g2, 20_000m));
        var bid = await factory.Data.CreateRedistributionBidAsync(round, pcn, monthlyCost: 1_000m);
        Assert.Equal(748.76m, await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Id == lineId).Select(l => l.Reimbursable).SingleAsync()));
        var contracts = await ClientAsync(PortalRoles.CommissionerContracts);

        var decide = await contracts.GetDocumentAsync($"/finance/redistribution/{round}/bids/{bid}/decide");
        Assert.Contains("£30,000.00", decide.QuerySelector("#available")!.TextContent, StringComparison.Ordinal);
        var response = await contracts.SubmitFormAsync($"/finance/redistribution/{round}/bids/{bid}/decide", new Dictionary<string, string>
        {
            ["Input.Decision"] = "ApproveInPart",
            ["Input.Amount"] = "£1,000.01",
            ["Input.Reason"] = "The post starts later than planned",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.WithDbAsync(db => db.RedistributionBids.Include(b => b.Reductions).SingleAsync(b => b.Id == bid));
        Assert.Equal((RedistributionBidStatus.ApprovedInPart, 1_000.01m), (saved.Status, saved.ApprovedAmount));

        // £1,000.01 × 10,000 ÷ 30,000 = £333.3366 and × 20,000 ÷ 30,000 = £666.6733: floors £333.33 + £666.67 = £1,000.00, the penny left to the larger remainder.
        Assert.Equal(1_000.01m, saved.Reductions.Sum(r => r.Amount));
        Assert.Equal(333.34m, saved.Reductions.Single(r => r.GiverPcnId == g1.Id).Amount);
        Assert.Equal(666.67m, saved.Reductions.Single(r => r.GiverPcnId == g2.Id).Amount);
        Assert.Equal(1_000.01m, await factory.WithDbAsync(db => db.RedistributionRounds.Where(r => r.Id == round).Select(r => r.Approved).SingleAsync()));

        // The bidder's pending line is assessed again against its raised entitlement, and says why.
        var line = await factory.WithDbAsync(db => db.ArrsClaimLines.Include(l => l.Pcn).SingleAsync(l => l.Id == lineId));
        var outcomes = await factory.Data.WithServiceAsync<ArrsLineOutcomesQuery, IReadOnlyList<RuleOutcome>>(q => q.ForLineAsync(line, line.Pcn!.Code));
        Assert.Equal(1_748.77m, line.Reimbursable);
        Assert.Contains("ARR Sum £748.76 + £1,000.01 extra allocation from the redistribution of unused entitlement = £1,748.77", outcomes.Single(o => o.Code == EntitlementRule.Code).Explanation, StringComparison.Ordinal);

        var financePage = await (await ClientAsync(PortalRoles.CommissionerFinance)).GetDocumentAsync("/finance?year=2020/21");
        var bidderRow = financePage.QuerySelector($"#entitlements tr[data-pcn={pcn.Code}]")!.TextContent;
        Assert.Contains("Entitlement with redistribution: £1,748.77", bidderRow, StringComparison.Ordinal);
        Assert.Contains("− £333.34 unused entitlement given up to other PCNs' approved bids", financePage.QuerySelector($"#entitlements tr[data-pcn={g1.Code}]")!.TextContent, StringComparison.Ordinal);

        var roundPage = await contracts.GetDocumentAsync($"/finance/redistribution/{round}");
        Assert.Contains("£28,999.99", roundPage.QuerySelector("#pool-left")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Approved in part", roundPage.QuerySelector($"#bids tr[data-bid='{bid}']")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ApproveInPart", "£100.01", "£100.01 is more than the £100.00 left in the pool: approve £100.00 or less.")]
    [InlineData("ApproveInFull", "", "£3,000.00 is more than the £100.00 left in the pool: approve £100.00 or less.")]
    [InlineData("ApproveInPart", "3,000.01", "£3,000.01 is more than the £3,000.00 bid for")]
    [InlineData("ApproveInPart", "", "Enter the amount to approve in pounds and pence")]
    [InlineData("Reject", "", "Enter the reason for rejecting the bid")]
    [InlineData("", "", "Select approve in full, approve in part or reject")]
    public async Task Decide_OverThePoolOrIncomplete_Is400WithTheFigures_AndSavesNothing(string decision, string amount, string message)
    {
        var giver = await factory.Data.CreatePcnAsync();
        var (pcn, lineId) = await EligiblePcnAsync();
        var round = await factory.Data.CreateRedistributionRoundAsync(2020, null, (giver, 100m));
        var bid = await factory.Data.CreateRedistributionBidAsync(round, pcn, monthlyCost: 1_000m);
        var contracts = await ClientAsync(PortalRoles.CommissionerContracts);
        var before = await factory.AuditCountAsync();

        var response = await contracts.SubmitFormAsync($"/finance/redistribution/{round}/bids/{bid}/decide", new Dictionary<string, string>
        {
            ["Input.Decision"] = decision,
            ["Input.Amount"] = amount,
            ["Input.Reason"] = decision == "Reject" ? "" : "Part of the year only",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.ReadDocumentAsync()).ErrorSummary(), e => e.StartsWith(message, StringComparison.Ordinal));
        Assert.Equal(before, await factory.AuditCountAsync());
        Assert.Equal(RedistributionBidStatus.Submitted, await factory.WithDbAsync(db => db.RedistributionBids.Where(b => b.Id == bid).Select(b => b.Status).SingleAsync()));
        Assert.Equal(748.76m, await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Id == lineId).Select(l => l.Reimbursable).SingleAsync()));
    }

    [Fact]
    public async Task Contracts_RejectsWithAReason_Finance_ClosesOnlyOnceEveryBidIsDecided_AndTheCsvHasItAll()
    {
        var giver = await factory.Data.CreatePcnAsync();
        var (pcn, _) = await EligiblePcnAsync();
        var round = await factory.Data.CreateRedistributionRoundAsync(2020, null, (giver, 5_000m));
        var approved = await factory.Data.CreateRedistributionBidAsync(round, pcn, monthlyCost: 1_000m);
        var rejected = await factory.Data.CreateRedistributionBidAsync(round, pcn, monthlyCost: 500m);
        var contracts = await ClientAsync(PortalRoles.CommissionerContracts);
        var finance = await ClientAsync(PortalRoles.CommissionerFinance);

        var early = await finance.SubmitFormAsync($"/finance/redistribution/{round}", new Dictionary<string, string>(), "main form[method=post]");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("2 bids are still waiting for a decision", (await early.ReadDocumentAsync()).ErrorSummary().Single(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await contracts.SubmitFormAsync($"/finance/redistribution/{round}/bids/{approved}/decide", new Dictionary<string, string> { ["Input.Decision"] = "ApproveInFull" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await contracts.SubmitFormAsync($"/finance/redistribution/{round}/bids/{rejected}/decide", new Dictionary<string, string> { ["Input.Decision"] = "Reject", ["Input.Reason"] = "Not additional to the baseline" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await finance.SubmitFormAsync($"/finance/redistribution/{round}", new Dictionary<string, string>(), "main form[method=post]")).StatusCode);
        Assert.Equal(RedistributionRoundStatus.Closed, await factory.WithDbAsync(db => db.RedistributionRounds.Where(r => r.Id == round).Select(r => r.Status).SingleAsync()));

        var csv = (await finance.GetStringAsync($"/finance/redistribution/{round}/export")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", RedistributionCsv.Header), csv[0]);
        Assert.Equal("record,round_id,financial_year,pcn_code,pcn_name,entitlement,claimed,forecast,expected_unused,given_up,bid_id,role,wte,start_month,monthly_cost,months,requested,status,approved,bid_reason,decision_reason,reduction,working", csv[0]);
        Assert.StartsWith($"pool,{round},2020/21,{giver.Code},", csv.Single(l => l.StartsWith("pool,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(",5000.00,3000.00,", csv.Single(l => l.StartsWith("pool,", StringComparison.Ordinal)), StringComparison.Ordinal); // expected unused, given up
        Assert.Contains($",{approved},CLINICAL_PHARMACIST,1,2021-01,1000.00,3,3000.00,Approved in full,3000.00,", csv.Single(l => l.StartsWith($"bid,{round},2020/21,{pcn.Code},", StringComparison.Ordinal) && l.Contains("Approved", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("Rejected,,More medication reviews,Not additional to the baseline", csv.Single(l => l.Contains("Rejected", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.StartsWith($"reduction,{round},2020/21,{giver.Code},", csv.Single(l => l.StartsWith("reduction,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(",3000.00,", csv.Single(l => l.StartsWith("reduction,", StringComparison.Ordinal)), StringComparison.Ordinal);

        var pcnUser = await ClientAsync(PortalRoles.PcnManager, pcn.Code);
        Assert.Equal(HttpStatusCode.Forbidden, (await pcnUser.GetAsync($"/finance/redistribution/{round}/export")).StatusCode);
    }

    private static string Money(decimal pounds) => PcnPortal.Domain.Common.Money.Format(pounds);
}
