using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;
using PcnPortal.TestSupport;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Claims.Review;

/// <summary>
/// /claims/review as a sortable table, bulk approval through a confirmation page (/claims/review/approve-passing), the
/// next line after a decision, and approving a line that fails a rule only by override with a reason.
/// </summary>
public sealed class ClaimsReviewQueueTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>Two warned clinical pharmacist lines (Bea for May, Cal for June) and one line failing ARRS-DUPLICATE and so paid nothing (Ada).</summary>
    private async Task<(string Pcn, int Failing, int Bea, int Cal)> QueueAsync()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var ids = await factory.Data.CreateClaimLinesAsync(
            pcn.Code,
            TestData.ClaimRow(pcn.Code, $"B-1-{pcn.Code}", name: "Bea Warned"),
            TestData.ClaimRow(pcn.Code, $"A-1-{pcn.Code}", name: "Ada Failing"),
            TestData.ClaimRow(pcn.Code, $"C-1-{pcn.Code}", month: "2020-06", salary: "3000.00", employerNi: "300.00", employerPension: "400.00", name: "Cal Pharmacist"));
        var failing = ids[$"2020-05/A-1-{pcn.Code}"];
        await factory.WithDbAsync(async db =>
        {
            var line = await db.ArrsClaimLines.SingleAsync(l => l.Id == failing);
            line.WorstOutcome = RuleSeverity.Fail;
            line.Reimbursable = 0m;

            // ARRS-DUPLICATE failed (state letter F, reason 1) in the stored checks.
            var at = ArrsStoredAssessment.StateOffset("ARRS-DUPLICATE");
            line.RuleChecks = string.Concat(line.RuleChecks![..at], "F1", line.RuleChecks[(at + 2)..]);
            await db.SaveChangesAsync();
        });
        return (pcn.Code, failing, ids[$"2020-05/B-1-{pcn.Code}"], ids[$"2020-06/C-1-{pcn.Code}"]);
    }

    private async Task<HttpClient> ReviewerAsync() => factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

    private static List<string> Names(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("#queue tbody tr td:nth-child(2)").Select(c => c.TextContent.Trim()).ToList();

    private static List<int> RowIds(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("#queue tbody tr").Select(r => int.Parse(r.GetAttribute("data-line")!, CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task Queue_IsATableWithRoleNamesFailuresFirstAndSortableHeaders()
    {
        var (pcn, failing, bea, cal) = await QueueAsync();
        var reviewer = await ReviewerAsync();

        var page = await reviewer.GetDocumentAsync($"/claims/review?Pcn={pcn}");

        Assert.Equal(failing, RowIds(page)[0]); // failures first
        var headers = page.QuerySelectorAll("#queue thead th").Select(h => (Text: h.TextContent.Trim(), Sort: h.GetAttribute("aria-sort"))).ToList();
        Assert.Equal(["PCN", "Person", "Role", "Month", "Claimed", "Reimbursable", "Worst outcome", "Due"], headers.Select(h => h.Text.TrimEnd('▼', '▲', ' ')));
        Assert.Equal("descending", headers.Single(h => h.Text.StartsWith("Worst outcome", StringComparison.Ordinal)).Sort);
        Assert.All(headers.Where(h => !h.Text.StartsWith("Worst outcome", StringComparison.Ordinal)), h => Assert.Equal("none", h.Sort));
        var rows = page.QuerySelectorAll("#queue tbody tr").ToDictionary(r => int.Parse(r.GetAttribute("data-line")!, CultureInfo.InvariantCulture), r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList());
        Assert.Equal("Clinical pharmacist", rows[cal][2]);
        Assert.StartsWith("Fails a rule", rows[failing][6], StringComparison.Ordinal);
        Assert.Contains("ARRS-DUPLICATE", rows[failing][6], StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".app-outcomes")); // rule detail stays on the line page

        // Sorting by person keeps the filter; the header says so, and a second click reverses it.
        var personLink = page.QuerySelectorAll("#queue thead th a").Single(a => a.TextContent.StartsWith("Person", StringComparison.Ordinal)).GetAttribute("href")!;
        Assert.Contains($"Pcn={pcn}", personLink, StringComparison.Ordinal);
        var byPerson = await reviewer.GetDocumentAsync(personLink);
        Assert.True(RowIds(byPerson).SequenceEqual([failing, bea, cal]), personLink + ": " + string.Join(", ", Names(byPerson)));
        Assert.Equal("ascending", byPerson.QuerySelectorAll("#queue thead th").Single(h => h.TextContent.Trim().StartsWith("Person", StringComparison.Ordinal)).GetAttribute("aria-sort"));
        var reversed = await reviewer.GetDocumentAsync(byPerson.QuerySelectorAll("#queue thead th a").Single(a => a.TextContent.StartsWith("Person", StringComparison.Ordinal)).GetAttribute("href")!);
        Assert.Equal([cal, bea, failing], RowIds(reversed));

        // The line links carry the queue's filters and order to the decision page.
        Assert.Contains($"/claims/review/{bea}?Pcn={pcn}", byPerson.QuerySelector($"tr[data-line='{bea}'] a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("Sort=person", byPerson.QuerySelector($"tr[data-line='{bea}'] a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_ShowsFiftyLinesAPage()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var rows = Enumerable.Range(1, 51).Select(i => TestData.ClaimRow(pcn.Code, $"P-{i:00}-{pcn.Code}", name: $"Person {i:00}")).ToArray();
        await factory.Data.CreateClaimLinesAsync(pcn.Code, rows);
        var reviewer = await ReviewerAsync();

        var first = await reviewer.GetDocumentAsync($"/claims/review?Pcn={pcn.Code}&Sort=person&Dir=asc");
        var second = await reviewer.GetDocumentAsync($"/claims/review?Pcn={pcn.Code}&Sort=person&Dir=asc&P=2");

        Assert.Equal(50, first.QuerySelectorAll("#queue tbody tr").Length);
        Assert.Equal("Person 51", second.QuerySelector("#queue tbody tr td:nth-child(2)")!.TextContent.Trim());
        Assert.Contains("51 matching lines", first.QuerySelector("#queue-count")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sort=person", first.QuerySelector("nav.nhsuk-pagination a[rel=next]")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkApprove_ConfirmsCountAndTotal_ThenRedirectsToTheQueue()
    {
        var (pcn, failing, bea, cal) = await QueueAsync();
        var reviewer = await ReviewerAsync();
        var lines = await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Id == bea || l.Id == cal).Select(l => l.Reimbursable).ToListAsync());
        var total = Money.Format(lines.Sum());

        // Neither line on the page passes every rule yet (the default line warns on ARRS-CAP): make two pass.
        await factory.WithDbAsync(async db =>
        {
            foreach (var l in await db.ArrsClaimLines.Where(l => l.Id == bea || l.Id == cal).ToListAsync())
            {
                l.WorstOutcome = RuleSeverity.Pass;
            }

            await db.SaveChangesAsync();
        });
        var queue = await reviewer.GetDocumentAsync($"/claims/review?Pcn={pcn}");
        var button = queue.QuerySelector("#approve-passing")!;
        Assert.Contains($"Approve the 2 lines on this page that pass every rule ({total})", button.TextContent, StringComparison.Ordinal);

        var confirm = await reviewer.GetDocumentAsync(button.GetAttribute("href")!);
        Assert.Equal($"Approve 2 lines totalling {total}?", confirm.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(ArrsClaimStatus.Submitted, await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Id == bea).Select(l => l.Status).SingleAsync())); // nothing approved by looking

        var response = await reviewer.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)confirm.QuerySelector("main form[method=post]")!, button.GetAttribute("href")!, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/claims/review?Pcn={pcn}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var statuses = await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Pcn!.Code == pcn).ToDictionaryAsync(l => l.Id, l => l.Status));
        Assert.Equal(ArrsClaimStatus.Approved, statuses[bea]);
        Assert.Equal(ArrsClaimStatus.Approved, statuses[cal]);
        Assert.Equal(ArrsClaimStatus.Submitted, statuses[failing]);
        var after = await reviewer.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("2 lines that passed every rule were approved.", after.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_LandsOnTheNextLineInTheSameOrder_WithBackToQueue()
    {
        var (pcn, failing, bea, cal) = await QueueAsync();
        var reviewer = await ReviewerAsync();
        var state = $"?Pcn={pcn}&Status=Submitted&Sort=person&Dir=desc"; // Cal, Bea, Ada

        var first = await reviewer.GetDocumentAsync($"/claims/review/{cal}{state}");
        Assert.Equal($"/claims/review/{bea}{state}", first.QuerySelector("#next-line")!.GetAttribute("href"));
        Assert.Equal($"/claims/review{state}", first.QuerySelector("#back-to-queue")!.GetAttribute("href"));
        var response = await reviewer.SubmitFormAsync($"/claims/review/{cal}{state}", new Dictionary<string, string> { ["Input.Decision"] = "approve" });

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join("; ", (await response.ReadDocumentAsync()).ErrorSummary()));
        Assert.Equal($"/claims/review/{bea}{state}", response.Headers.Location!.OriginalString);
        var next = await reviewer.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("was approved", next.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bea Warned", next.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var last = await reviewer.SubmitFormAsync($"/claims/review/{bea}{state}", new Dictionary<string, string> { ["Input.Decision"] = "query", ["Input.Text"] = "Payslip?" });
        Assert.Equal($"/claims/review/{failing}{state}", last.Headers.Location!.OriginalString);
        var end = await reviewer.SubmitFormAsync($"/claims/review/{failing}{state}", new Dictionary<string, string> { ["Input.Decision"] = "query", ["Input.Text"] = "Start date?" });
        Assert.Equal($"/claims/review{state}", end.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task FailingLine_NoApproveZero_OverrideNeedsAmountAndReason_RecordedAuditedShownToFinanceAndExported()
    {
        var (pcn, failing, _, _) = await QueueAsync();
        var reviewer = await ReviewerAsync();

        var page = await reviewer.GetDocumentAsync($"/claims/review/{failing}");
        var main = page.QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("Approve £0.00", main, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("input[name='Input.Decision'][value=approve]"));
        Assert.NotNull(page.QuerySelector("input[name='Input.Decision'][value=override]"));

        // A plain approval of a failing line is refused (as a crafted post would send it).
        var plain = await reviewer.SubmitFormAsync($"/claims/review/{failing}", new Dictionary<string, string> { ["Input.Decision"] = "approve" });
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Contains("This line fails a rule", (await plain.ReadDocumentAsync()).ErrorSummary().Single(), StringComparison.Ordinal);

        var bare = await reviewer.SubmitFormAsync($"/claims/review/{failing}", new Dictionary<string, string> { ["Input.Decision"] = "override" });
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal(["Enter the amount to approve", "Enter why you are approving a line that fails a rule; finance will see this."], (await bare.ReadDocumentAsync()).ErrorSummary());
        var tooMuch = await reviewer.SubmitFormAsync($"/claims/review/{failing}", new Dictionary<string, string> { ["Input.Decision"] = "override", ["Input.Amount"] = "£99,999.00", ["Input.OverrideReason"] = "Started early" });
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Contains("no more than the claimed cost, £5,015.20", (await tooMuch.ReadDocumentAsync()).ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Equal(ArrsClaimStatus.Submitted, await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Id == failing).Select(l => l.Status).SingleAsync()));

        var done = await reviewer.SubmitFormAsync($"/claims/review/{failing}", new Dictionary<string, string>
        {
            ["Input.Decision"] = "override",
            ["Input.Amount"] = "£3,500.00",
            ["Input.OverrideReason"] = "Contract shows a start on 1 May; the PCN is correcting the start date.",
        });

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var line = await factory.WithDbAsync(db => db.ArrsClaimLines.AsNoTracking().SingleAsync(l => l.Id == failing));
        Assert.Equal(ArrsClaimStatus.Approved, line.Status);
        Assert.Equal(3500.00m, line.ApprovedAmount);
        Assert.Equal("Contract shows a start on 1 May; the PCN is correcting the start date.", line.OverrideReason);
        var audited = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity.Contains("ClaimLine") && a.EntityKey == failing.ToString(CultureInfo.InvariantCulture)).Select(a => a.After).ToListAsync());
        Assert.Contains(audited, a => a != null && a.Contains("Contract shows a start on 1 May", StringComparison.Ordinal));

        var finance = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        var detail = await finance.GetDocumentAsync($"/claims/lines/{failing}");
        Assert.Contains("Approved by override", detail.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("the PCN is correcting the start date", detail.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var schedule = await finance.GetDocumentAsync("/finance/schedule?month=2020-05");
        Assert.Contains("1 line approved by override of a failed rule", schedule.QuerySelector($"#payment-run tr[data-pcn='{pcn}']")!.TextContent, StringComparison.Ordinal);

        var (csv, _) = await factory.Data.WithServiceAsync<ArrsClaimExporter, (string, int)>(e => e.ExportAsync(new FinancialYear(2020), pcn));
        var csvLines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("approved_amount,override_reason", csvLines[0].TrimEnd('\r'), StringComparison.Ordinal);
        Assert.Contains(csvLines, l => l.Contains($"A-1-{pcn}", StringComparison.Ordinal) && l.TrimEnd('\r').EndsWith("3500.00,Contract shows a start on 1 May; the PCN is correcting the start date.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Queue_FiltersItCannotRead_AreNamedInTheErrorSummary()
    {
        var reviewer = await ReviewerAsync();

        var response = await reviewer.GetAsync("/claims/review?DaysLeft=-3");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Enter the number of working days as 0 or more"], (await response.ReadDocumentAsync()).ErrorSummary());
    }
}
