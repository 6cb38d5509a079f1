using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.OdFunds;

public sealed class OdFundPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> FundForm(string total = "720000.00", string source1 = "360000", string source2 = "360000") => new()
    {
        ["Input.Year"] = "2021/22",
        ["Input.Name"] = $"Test fund {TestData.Next()}",
        ["Input.Total"] = total,
        ["Input.Sources[0].Name"] = "NHS England PCN development",
        ["Input.Sources[0].Amount"] = source1,
        ["Input.Sources[1].Name"] = "CCG top-up from GP transformation funding",
        ["Input.Sources[1].Amount"] = source2,
        ["Input.RingFencePercent"] = "10",
        ["Input.HeldBack"] = "0",
        ["Input.Method"] = "PerCapita",
        ["Input.Rate"] = "0.66",
        ["Input.Basis"] = "Registered",
        ["Input.PopulationDate"] = "2021-10-01",
        ["Input.EoiDeadline"] = "2022-03-31",
        ["Input.Quorum"] = "3",
    };

    /// <summary>
    /// A fund set up through the pages as finance does: one person creates it and computes the shares, a colleague approves them,
    /// the panel of three (the quorum) is appointed, and the fund is opened. Returns its id.
    /// </summary>
    private async Task<int> SetUpThroughThePagesAsync(HttpClient finance)
    {
        var created = await finance.SubmitFormAsync("/od-funds/new", FundForm());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await finance.SubmitFormAsync($"/od-funds/{id}", new Dictionary<string, string>(), "form[action*='Compute']")).StatusCode);
        var colleague = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        Assert.Equal(HttpStatusCode.Redirect, (await colleague.SubmitFormAsync($"/od-funds/{id}", new Dictionary<string, string>(), "form[action*='Approve']")).StatusCode);
        await PanelAsync(id);
        await factory.Data.AddPanelMemberAsync(id, await factory.Data.CreateUserAsync(PortalRoles.PanelMember), "Member C", "Clinical lead");
        Assert.Equal(HttpStatusCode.Redirect, (await finance.SubmitFormAsync($"/od-funds/{id}", new Dictionary<string, string>(), "form[action*='Status']")).StatusCode);
        Assert.Equal(OdFundStatus.Open, await factory.WithDbAsync(db => db.OdFunds.Where(f => f.Id == id).Select(f => f.Status).SingleAsync()));
        return id;
    }

    /// <summary>Posts a fund-page handler the page does not offer this user (a hand-made post with the user's real token).</summary>
    private static async Task<HttpResponseMessage> PostHandlerAsync(HttpClient client, int fundId, string handler, Dictionary<string, string> values)
    {
        var page = await client.GetDocumentAsync($"/od-funds/{fundId}");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form[action*='Compute']")!;
        form.Action = $"/od-funds/{fundId}?handler={handler}";
        return await client.SubmitAsync(form, $"/od-funds/{fundId}", values);
    }

    [Fact]
    public async Task Allocation_ThePersonWhoComputedItCannotApproveIt_AColleagueCan()
    {
        await factory.Data.CreatePcnAsync(practiceListSizes: [10_000]);
        var computer = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        var id = await factory.Data.CreateFundAsync(open: false);
        Assert.Equal(HttpStatusCode.Redirect, (await computer.SubmitFormAsync($"/od-funds/{id}", new Dictionary<string, string>(), "form[action*='Compute']")).StatusCode);

        var page = await computer.GetDocumentAsync($"/od-funds/{id}");
        Assert.Null(page.QuerySelector("form[action*='Approve']"));
        Assert.Contains("someone else in finance must check the shares and approve them", page.QuerySelector("#approve-by-someone-else")!.TextContent, StringComparison.Ordinal);
        var refused = await PostHandlerAsync(computer, id, "Approve", new Dictionary<string, string> { ["number"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("You computed version 1, so you cannot approve it", (await computer.GetDocumentAsync(refused.Headers.Location!.OriginalString)).ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Equal(OdAllocationStatus.Draft, await factory.WithDbAsync(db => db.OdAllocationVersions.Where(v => v.FundId == id).Select(v => v.Status).SingleAsync()));

        var colleague = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        Assert.Equal(HttpStatusCode.Redirect, (await colleague.SubmitFormAsync($"/od-funds/{id}", new Dictionary<string, string>(), "form[action*='Approve']")).StatusCode);
        Assert.Equal(OdAllocationStatus.Approved, await factory.WithDbAsync(db => db.OdAllocationVersions.Where(v => v.FundId == id).Select(v => v.Status).SingleAsync()));
    }

    [Fact]
    public async Task Open_WithoutAPanelThatCanReachQuorumForEveryPcn_IsRefused()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [10_000]);
        var finance = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        var id = await factory.Data.CreateFundAsync(quorum: 2);
        await finance.SubmitFormAsync($"/od-funds/{id}", new Dictionary<string, string>(), "form[action*='Status']"); // close it
        async Task<OdFundStatus> StatusAsync() => await factory.WithDbAsync(db => db.OdFunds.Where(f => f.Id == id).Select(f => f.Status).SingleAsync());
        Assert.Equal(OdFundStatus.Closed, await StatusAsync());

        // One member, quorum 2: the page says so and offers no "Open"; a hand-made post is refused.
        await factory.Data.AddPanelMemberAsync(id, await factory.Data.CreateUserAsync(PortalRoles.PanelMember), "Member A", "Area director");
        var page = await finance.GetDocumentAsync($"/od-funds/{id}");
        Assert.Contains("The panel has 1 member and decisions need 2", page.QuerySelector("#panel-quorum")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*='Status'] input[value=Open]"));
        var refused = await PostHandlerAsync(finance, id, "Status", new Dictionary<string, string> { ["status"] = "Open" });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(OdFundStatus.Closed, await StatusAsync());

        // Two members, but one has an interest in a PCN with a share: that PCN's EOI could not be decided.
        var conflicted = await factory.Data.CreateUserAsync(PortalRoles.PanelMember);
        await factory.Data.AddPanelMemberAsync(id, conflicted, "Member B", "Clinical lead");
        await factory.Data.DeclareInterestAsync(conflicted, "Member B", pcn.Code);
        refused = await PostHandlerAsync(finance, id, "Status", new Dictionary<string, string> { ["status"] = "Open" });
        var message = (await finance.GetDocumentAsync(refused.Headers.Location!.OriginalString)).ErrorSummary().Single();
        Assert.Contains($"cannot reach its quorum of 2 for {pcn.Name} ({pcn.Code}): 1 member has no declared interest", message, StringComparison.Ordinal);
        Assert.Equal(OdFundStatus.Closed, await StatusAsync());

        // A third member without interests: the fund opens.
        await factory.Data.AddPanelMemberAsync(id, await factory.Data.CreateUserAsync(PortalRoles.PanelMember), "Member C", "Head of locality");
        Assert.Equal(HttpStatusCode.Redirect, (await finance.SubmitFormAsync($"/od-funds/{id}", new Dictionary<string, string>(), "form[action*='Status']")).StatusCode);
        Assert.Equal(OdFundStatus.Open, await StatusAsync());
    }

    [Fact]
    public async Task Decision_WhenQuorumCannotBeReached_SaysSoUpFrontAndWhatToDo()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var fundId = await factory.Data.CreateFundAsync(quorum: 2);
        var eoiId = await factory.Data.CreateEoiAsync(fundId, pcn.Code);
        var member = await factory.Data.CreateUserAsync(PortalRoles.PanelMember);
        await factory.Data.AddPanelMemberAsync(fundId, member, "Member A", "Area director");
        var conflicted = await factory.Data.CreateUserAsync(PortalRoles.PanelMember);
        await factory.Data.AddPanelMemberAsync(fundId, conflicted, "Member B", "Clinical lead");
        await factory.Data.DeclareInterestAsync(conflicted, "Member B", pcn.Code);

        var page = await factory.CreateClientFor(member).GetDocumentAsync($"/od-funds/eois/{eoiId}/decision");

        var warning = page.QuerySelector("#quorum-warning")!.TextContent;
        Assert.Contains("Decisions need 2 members without a declared interest", warning, StringComparison.Ordinal);
        Assert.Contains("only 1 member has none", warning, StringComparison.Ordinal);
        Assert.Contains("ask an administrator to add a panel member without an interest in this PCN", warning, StringComparison.Ordinal);
        Assert.True(page.QuerySelector("#quorum-warning")!.CompareDocumentPosition(page.QuerySelector("main table")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        Assert.Null(page.QuerySelector("main form[method=post]"));
    }

    private static Dictionary<string, string> EoiLines(string amount = "12000.00") => new()
    {
        ["Input.Lines[0].SupportRequested"] = "Facilitated workshops on PCN priorities",
        ["Input.Lines[0].Deliverable"] = "Agreed PCN development plan",
        ["Input.Lines[0].Amount"] = amount,
        ["Input.Lines[0].Domains"] = "LPP",
        ["Input.ConfirmedNotFundedElsewhere"] = "true",
    };

    [Fact]
    public async Task Finance_SetsUpComputesAndApproves_SharesShowTheWorking()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [25_000, 15_000]);
        var finance = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        var id = await SetUpThroughThePagesAsync(finance);

        var page = await finance.GetDocumentAsync($"/od-funds/{id}");
        Assert.Contains($"40,000 registered patients × £0.66 = £26,400.00", page.Body!.TextContent);
        Assert.Contains("£72,000.00", page.Body.TextContent); // 10% ring-fence in pounds
        Assert.Contains("unallocated", page.Body.TextContent);
        var version = await factory.WithDbAsync(db => db.OdAllocationVersions.Include(v => v.Shares).SingleAsync(v => v.FundId == id));
        Assert.Equal(OdAllocationStatus.Approved, version.Status);
        Assert.Equal(26_400m, version.Shares.Single(s => s.PcnCode == pcn.Code).Amount);
    }

    [Fact]
    public async Task Post_SourcesNotAddingUp_ShowsErrorAndSavesNothing()
    {
        var finance = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        var form = FundForm(source2: "350000");
        var response = await finance.SubmitFormAsync("/od-funds/new", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains(errors, e => e.Contains("£10,000.00 less than the fund total of £720,000.00", StringComparison.Ordinal) && !e.Contains("OD-", StringComparison.Ordinal));
        Assert.False(await factory.WithDbAsync(db => db.OdFunds.AnyAsync(f => f.Name == form["Input.Name"])));
    }

    [Fact]
    public async Task Post_RingFenceBelowTenPercent_ShowsMinimumInPounds()
    {
        var finance = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        var form = FundForm();
        form["Input.RingFencePercent"] = "5";
        var response = await finance.SubmitFormAsync("/od-funds/new", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.ReadDocumentAsync()).ErrorSummary(), e => e.Contains("at least 10% (£72,000.00)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Recompute_MakesNewVersionWithDiff_ApprovedVersionFrozen()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [10_000]);
        var finance = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        var id = await factory.Data.CreateFundAsync();
        await factory.WithDbAsync(async db =>
        {
            var fund = await db.OdFunds.SingleAsync(f => f.Id == id);
            fund.RatePerPatient = 0.5m;
            await db.SaveChangesAsync();
        });

        await finance.SubmitFormAsync($"/od-funds/{id}", new Dictionary<string, string>(), "form[action*='Compute']");
        var page = await finance.GetDocumentAsync($"/od-funds/{id}?version=2");
        Assert.Contains("Changes from version 1", page.Body!.TextContent);
        var versions = await factory.WithDbAsync(db => db.OdAllocationVersions.Include(v => v.Shares).Where(v => v.FundId == id).OrderBy(v => v.Number).ToListAsync());
        Assert.Equal([OdAllocationStatus.Approved, OdAllocationStatus.Draft], versions.Select(v => v.Status));
        Assert.Equal(6_600m, versions[0].Shares.Single(s => s.PcnCode == pcn.Code).Amount);
        Assert.Equal(5_000m, versions[1].Shares.Single(s => s.PcnCode == pcn.Code).Amount);
    }

    [Fact]
    public async Task NonFinance_CannotSetUpOrCompute()
    {
        var contracts = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        Assert.Equal(HttpStatusCode.Forbidden, (await contracts.GetAsync("/od-funds/new")).StatusCode);
        var finance = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        var id = await factory.Data.CreateFundAsync();
        await contracts.GetDocumentAsync($"/od-funds/{id}");
        var pcnUser = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, (await factory.Data.CreatePcnAsync()).Code));
        Assert.Equal(HttpStatusCode.Forbidden, (await pcnUser.GetAsync($"/od-funds/{id}")).StatusCode);
    }

    [Fact]
    public async Task Eoi_ManagerDrafts_ClinicalDirectorSubmits_PanelApproves_FinancePays()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 20_000]);
        var finance = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        var fundId = await factory.Data.CreateFundAsync(quorum: 2);
        var manager = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));

        // The manager cannot submit without the clinical director's confirmation.
        var values = EoiLines();
        values["Command"] = "Submit";
        var refused = await manager.SubmitFormAsync($"/od-funds/{fundId}/eoi", values);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains((await refused.ReadDocumentAsync()).ErrorSummary(), e => e == "The clinical director must confirm the EOI before it is submitted.");
        values["Command"] = "Save";
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitFormAsync($"/od-funds/{fundId}/eoi", values)).StatusCode);

        var cd = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.ClinicalDirector, pcn.Code));
        var submitted = await cd.SubmitFormAsync($"/od-funds/{fundId}/eoi", new Dictionary<string, string> { ["Input.ClinicalDirectorConfirmed"] = "true", ["Command"] = "Continue" });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal($"/od-funds/{fundId}/eoi/check", submitted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(cd, fundId)).StatusCode);
        var eoiId = await factory.WithDbAsync(db => db.OdEois.Where(e => e.PcnCode == pcn.Code).Select(e => e.Id).SingleAsync());

        var (a, b) = await PanelAsync(fundId);
        var decision = await factory.CreateClientFor(a).SubmitFormAsync($"/od-funds/eois/{eoiId}/decision", new Dictionary<string, string>
        {
            ["Input.Voters"] = b.Id,
            ["Input.Outcome"] = "Approved",
            ["Input.ApprovedAmount"] = "12000.00",
        });
        Assert.Equal(HttpStatusCode.Redirect, decision.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.OdPayments.AnyAsync(p => p.EoiId == eoiId))); // not until B confirms their vote
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmVoteAsync(b, eoiId)).StatusCode);
        var payment = await factory.WithDbAsync(db => db.OdPayments.SingleAsync(p => p.EoiId == eoiId));
        Assert.Equal(12_000m, payment.Amount);

        var paid = await finance.SubmitFormAsync($"/od-funds/payments/{payment.Id}", new Dictionary<string, string> { ["PaidDate"] = "2022-01-15" });
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<PcnPortal.Web.Features.OdFunds.OdFundReportQuery>().GetAsync(fundId);
        var row = report!.Pcns.Single(p => p.PcnCode == pcn.Code);
        Assert.Equal((26_400m, 12_000m, 12_000m, 12_000m, 14_400m), (row.Allocated, row.Requested, row.Approved, row.Paid, row.Remaining));

        var csv = await (await finance.GetAsync($"/od-funds/{fundId}/export")).Content.ReadAsStringAsync();
        Assert.Contains($"\"{pcn.Code}\",\"{pcn.Name}\",40000.00,26400.00,\"40,000 registered patients × £0.66 = £26,400.00\",12000.00,12000.00,12000.00,14400.00", csv);
    }

    [Fact]
    public async Task Eoi_OverShareWithoutReason_IsRefused_WithReasonIsSubmittedWithWarning()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [10_000]);
        var finance = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        var fundId = await factory.Data.CreateFundAsync();
        var cd = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.ClinicalDirector, pcn.Code));
        var values = EoiLines("7000.00");
        values["Input.ClinicalDirectorConfirmed"] = "true";
        values["Command"] = "Submit";
        var refused = await cd.SubmitFormAsync($"/od-funds/{fundId}/eoi", values);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains((await refused.ReadDocumentAsync()).ErrorSummary(), e => e.Contains("£400.00 more than its share", StringComparison.Ordinal));
        Assert.False(await factory.WithDbAsync(db => db.OdEois.AnyAsync(e => e.PcnCode == pcn.Code)));

        values["Input.OverShareReason"] = "Two extra workshops for the new practice joining in April.";
        var ok = await cd.SubmitFormAsync($"/od-funds/{fundId}/eoi", values);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var page = await cd.GetDocumentAsync(ok.Headers.Location!.OriginalString); // check your answers: the panel will see this warning
        var callout = page.QuerySelector(".nhsuk-warning-callout")!.TextContent;
        Assert.Contains("£400.00 more than the PCN's share of", callout, StringComparison.Ordinal);
        Assert.DoesNotContain("OD-", callout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eoi_LineWithoutDomain_ShowsErrorUnderTheLine()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var finance = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        var fundId = await factory.Data.CreateFundAsync();
        var cd = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.ClinicalDirector, pcn.Code));
        var values = EoiLines();
        values.Remove("Input.Lines[0].Domains");
        values["Input.ClinicalDirectorConfirmed"] = "true";
        values["Command"] = "Submit";
        var response = await cd.SubmitFormAsync($"/od-funds/{fundId}/eoi", values);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ReadDocumentAsync();
        Assert.NotNull(doc.QuerySelector("#Input_Lines_0__Domains-error"));
        Assert.Contains(doc.ErrorSummary(), e => e == "Line 1: choose at least one maturity domain the support will help the PCN progress in.");
    }

    [Fact]
    public async Task PcnUser_SeesOnlyOwnEoi_OtherPcnsEoiIsNotFound()
    {
        var mine = await factory.Data.CreatePcnAsync();
        var theirs = await factory.Data.CreatePcnAsync();
        var finance = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        var fundId = await factory.Data.CreateFundAsync();
        var theirEoi = await factory.Data.CreateEoiAsync(fundId, theirs.Code);
        var myEoi = await factory.Data.CreateEoiAsync(fundId, mine.Code);

        var manager = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, mine.Code));
        await manager.GetDocumentAsync($"/od-funds/eois/{myEoi}");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/od-funds/eois/{theirEoi}")).StatusCode);
        var list = await manager.GetDocumentAsync("/od-funds");
        Assert.DoesNotContain(theirs.Code, list.Body!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/od-funds/eois/{myEoi}/decision")).StatusCode);
    }

    [Fact]
    public async Task Eoi_NotAllowedWhenFundNotOpen()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var finance = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        var fundId = await factory.Data.CreateFundAsync();
        await finance.SubmitFormAsync($"/od-funds/{fundId}", new Dictionary<string, string>(), "form[action*='Status']"); // close
        var cd = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.ClinicalDirector, pcn.Code));
        var page = await cd.GetDocumentAsync($"/od-funds/{fundId}/eoi");
        Assert.Contains("not open to expressions of interest", page.Body!.TextContent);
        Assert.Null(page.QuerySelector("main form[method=post]"));
    }

    private async Task<(TestUser A, TestUser B, TestUser Conflicted)> PanelWithConflictAsync(int fundId, string pcnCode)
    {
        var (a, b) = await PanelAsync(fundId);
        var c = await factory.Data.CreateUserAsync(PortalRoles.PanelMember);
        await factory.Data.AddPanelMemberAsync(fundId, c, "Conflicted Member", "Clinical lead");
        await factory.Data.DeclareInterestAsync(c, "Conflicted Member", pcnCode);
        return (a, b, c);
    }

    /// <summary>"Send to the panel" on the EOI's check-your-answers page.</summary>
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, int fundId) =>
        client.SubmitFormAsync($"/od-funds/{fundId}/eoi/check", new Dictionary<string, string>());

    [Fact]
    public async Task Eoi_CheckYourAnswers_ShowsEveryAnswerWithChangeLinks_SendShowsTheConfirmation()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 20_000]);
        var fundId = await factory.Data.CreateFundAsync(quorum: 2);
        var cd = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.ClinicalDirector, pcn.Code));
        var values = EoiLines();
        values["Input.Lines[1].SupportRequested"] = "Supervision backfill for ARRS roles";
        values["Input.Lines[1].Deliverable"] = "Monthly supervision for new clinical pharmacists";
        values["Input.Lines[1].Amount"] = "£3,500.00";
        values["Input.Lines[1].Domains"] = "INT";
        values["Input.ClinicalDirectorConfirmed"] = "true";
        values["Command"] = "Continue";

        var continued = await cd.SubmitFormAsync($"/od-funds/{fundId}/eoi", values);

        Assert.Equal(HttpStatusCode.Redirect, continued.StatusCode);
        var eoi = await factory.WithDbAsync(db => db.OdEois.SingleAsync(e => e.PcnCode == pcn.Code));
        Assert.Equal(EoiStatus.Draft, eoi.Status); // nothing is sent before the PCN has checked it
        var check = await cd.GetDocumentAsync(continued.Headers.Location!.OriginalString);
        Assert.Equal("Check your answers before sending your expression of interest", check.QuerySelector("h1")!.TextContent.Trim());
        var rows = check.QuerySelectorAll(".nhsuk-summary-list__row")
            .Select(r => (Key: r.QuerySelector(".nhsuk-summary-list__key")!.TextContent.Trim(), Value: r.QuerySelector(".nhsuk-summary-list__value")!.TextContent.Trim(), Change: r.QuerySelector(".nhsuk-summary-list__actions a")?.GetAttribute("href")))
            .ToList();
        Assert.Contains(("Support requested", "Facilitated workshops on PCN priorities", $"/od-funds/{fundId}/eoi#Input_Lines_0__SupportRequested"), rows);
        Assert.Contains(("Cost", "£3,500.00", $"/od-funds/{fundId}/eoi#Input_Lines_1__Amount"), rows);
        Assert.Contains(rows, r => r.Key == "Maturity domains it progresses" && r.Change == $"/od-funds/{fundId}/eoi#Input_Lines_1__Domains" && r.Value.Contains("Integrating care", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(rows, r => r.Key == "Total requested" && r.Value.StartsWith("£15,500.00", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Key == "Clinical director" && r.Value.StartsWith("Confirmed by", StringComparison.Ordinal) && r.Change == $"/od-funds/{fundId}/eoi#Input_ClinicalDirectorConfirmed");
        var form = await cd.GetDocumentAsync($"/od-funds/{fundId}/eoi");
        Assert.NotNull(form.QuerySelector("#Input_Lines_1__Amount"));
        Assert.NotNull(form.QuerySelector("#Input_ClinicalDirectorConfirmed"));

        var sent = await SendAsync(cd, fundId);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"/od-funds/eois/{eoi.Id}/sent", sent.Headers.Location!.OriginalString);
        Assert.Equal(EoiStatus.Submitted, await factory.WithDbAsync(db => db.OdEois.Where(e => e.Id == eoi.Id).Select(e => e.Status).SingleAsync()));
        var confirmation = await cd.GetDocumentAsync(sent.Headers.Location.OriginalString);
        Assert.Equal("Expression of interest sent", confirmation.QuerySelector("#confirmation h1")!.TextContent.Trim());
        Assert.Contains($"expression of interest {eoi.Id}", confirmation.QuerySelector("#confirmation")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("What happens next", confirmation.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("At least 2 panel members without a declared interest", confirmation.Body.TextContent, StringComparison.Ordinal);

        // Sent: the check page no longer offers to send it again.
        Assert.Equal(HttpStatusCode.Redirect, (await cd.GetAsync($"/od-funds/{fundId}/eoi/check")).StatusCode);
    }

    [Fact]
    public async Task Eoi_ChangedAfterTheCheckPageWasOpened_IsNotSentUnseen()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var fundId = await factory.Data.CreateFundAsync();
        var cd = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.ClinicalDirector, pcn.Code));
        var values = EoiLines();
        values["Input.ClinicalDirectorConfirmed"] = "true";
        values["Command"] = "Continue";
        Assert.Equal(HttpStatusCode.Redirect, (await cd.SubmitFormAsync($"/od-funds/{fundId}/eoi", values)).StatusCode);
        var check = await cd.GetDocumentAsync($"/od-funds/{fundId}/eoi/check");

        // A colleague changes the cost in another tab.
        values["Input.Lines[0].Amount"] = "9000.00";
        Assert.Equal(HttpStatusCode.Redirect, (await cd.SubmitFormAsync($"/od-funds/{fundId}/eoi", values)).StatusCode);
        var stale = await cd.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)check.QuerySelector("main form[method=post]")!, $"/od-funds/{fundId}/eoi/check", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = await stale.ReadDocumentAsync();
        Assert.Contains(page.ErrorSummary(), e => e.Contains("changed after you opened this page", StringComparison.Ordinal));
        Assert.Contains("£9,000.00", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(EoiStatus.Draft, await factory.WithDbAsync(db => db.OdEois.Where(e => e.PcnCode == pcn.Code).Select(e => e.Status).SingleAsync()));
    }

    [Fact]
    public async Task Eoi_AnotherPcnsUser_CannotSeeItsCheckOrConfirmationPage()
    {
        var mine = await factory.Data.CreatePcnAsync();
        var theirs = await factory.Data.CreatePcnAsync();
        var fundId = await factory.Data.CreateFundAsync();
        var theirEoi = await factory.Data.CreateEoiAsync(fundId, theirs.Code, status: EoiStatus.Draft);
        var submitted = await factory.Data.CreateEoiAsync(await factory.Data.CreateFundAsync(), theirs.Code);
        var manager = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, mine.Code));

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/od-funds/eois/{submitted}/sent")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/od-funds/eois/{theirEoi}/sent")).StatusCode);

        // The check page is always the user's own PCN's: with no EOI of their own they are sent to the form, never shown another's.
        var check = await manager.GetAsync($"/od-funds/{fundId}/eoi/check");
        Assert.Equal(HttpStatusCode.Redirect, check.StatusCode);
        Assert.Equal($"/od-funds/{fundId}/eoi", check.Headers.Location!.OriginalString);
        Assert.Equal(EoiStatus.Draft, await factory.WithDbAsync(db => db.OdEois.Where(e => e.Id == theirEoi).Select(e => e.Status).SingleAsync()));

        var contracts = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        Assert.Equal(HttpStatusCode.Forbidden, (await contracts.GetAsync($"/od-funds/eois/{submitted}/sent")).StatusCode);
    }

    /// <summary>A voter named on a recorded decision confirms their own vote (#15.16).</summary>
    private Task<HttpResponseMessage> ConfirmVoteAsync(TestUser voter, int eoiId) =>
        factory.CreateClientFor(voter).SubmitFormAsync($"/od-funds/eois/{eoiId}/decision/confirm", new Dictionary<string, string> { ["Input.Command"] = "Confirm" });

    private async Task<(TestUser A, TestUser B)> PanelAsync(int fundId)
    {
        var a = await factory.Data.CreateUserAsync(PortalRoles.PanelMember);
        var b = await factory.Data.CreateUserAsync(PortalRoles.PanelMember);
        await factory.Data.AddPanelMemberAsync(fundId, a, "Member A", "Area director");
        await factory.Data.AddPanelMemberAsync(fundId, b, "Member B", "Head of locality");
        return (a, b);
    }

    [Fact]
    public async Task Decision_ShowsExcludedMemberAndWhy_ConflictedMembersPostIsRefused()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var other = await factory.Data.CreatePcnAsync();
        var finance = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        var fundId = await factory.Data.CreateFundAsync(quorum: 2);
        var eoiId = await factory.Data.CreateEoiAsync(fundId, pcn.Code);
        var (a, b, conflicted) = await PanelWithConflictAsync(fundId, pcn.Code);

        var page = await factory.CreateClientFor(a).GetDocumentAsync($"/od-funds/eois/{eoiId}/decision");
        Assert.Contains("Conflicted Member", page.Body!.TextContent);
        Assert.Contains($"GP partner at a member practice ({pcn.Code})", page.Body.TextContent);
        Assert.Null(page.QuerySelector($"input[name='Input.Voters'][value='{conflicted.Id}']"));

        // The conflicted member sees no form, and a hand-made POST is refused on the server.
        var conflictedClient = factory.CreateClientFor(conflicted);
        var own = await conflictedClient.GetDocumentAsync($"/od-funds/eois/{eoiId}/decision");
        Assert.Null(own.QuerySelector("main form[method=post]"));
        // Take a real form (with the conflicted member's own antiforgery token) from an EOI they may decide, and aim it at this one.
        var otherEoi = await factory.Data.CreateEoiAsync(fundId, other.Code);
        var otherPage = await conflictedClient.GetDocumentAsync($"/od-funds/eois/{otherEoi}/decision");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)otherPage.QuerySelector("main form[method=post]")!;
        form.Action = $"/od-funds/eois/{eoiId}/decision";
        var post = await conflictedClient.SubmitAsync(form, $"/od-funds/eois/{eoiId}/decision", new Dictionary<string, string>
        {
            ["Input.Voters"] = b.Id,
            ["Input.Outcome"] = "Declined",
            ["Input.Reasons"] = "No.",
        });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);

        // A non-conflicted member voting with the conflicted one is refused too.
        var mixed = await factory.CreateClientFor(a).SubmitFormAsync($"/od-funds/eois/{eoiId}/decision", new Dictionary<string, string>
        {
            ["Input.Voters"] = conflicted.Id,
            ["Input.Outcome"] = "Declined",
            ["Input.Reasons"] = "Not transformation.",
        });
        Assert.Equal(HttpStatusCode.BadRequest, mixed.StatusCode);
        var mixedErrors = (await mixed.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains(mixedErrors, e => e.StartsWith("Conflicted members cannot vote: Conflicted Member", StringComparison.Ordinal));
        Assert.DoesNotContain(mixedErrors, e => e.Contains("OD-", StringComparison.Ordinal)); // plain words, no rule codes (issue #17)
        Assert.Equal(EoiStatus.Submitted, await factory.WithDbAsync(db => db.OdEois.Where(e => e.Id == eoiId).Select(e => e.Status).SingleAsync()));
    }

    [Fact]
    public async Task Decision_BelowQuorum_IsRefused_ReturnThenResubmit()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var finance = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        var fundId = await factory.Data.CreateFundAsync(quorum: 2);
        var eoiId = await factory.Data.CreateEoiAsync(fundId, pcn.Code);
        var (a, b) = await PanelAsync(fundId);
        var panel = factory.CreateClientFor(a);

        var alone = await panel.SubmitFormAsync($"/od-funds/eois/{eoiId}/decision", new Dictionary<string, string> { ["Input.Outcome"] = "ReturnedForMoreInformation", ["Input.Reasons"] = "Who facilitates?" });
        Assert.Equal(HttpStatusCode.BadRequest, alone.StatusCode);
        Assert.Contains((await alone.ReadDocumentAsync()).ErrorSummary(), e => e.Contains("needs 2 non-conflicted members voting; 1 did", StringComparison.Ordinal));

        var returned = await panel.SubmitFormAsync($"/od-funds/eois/{eoiId}/decision", new Dictionary<string, string> { ["Input.Voters"] = b.Id, ["Input.Outcome"] = "ReturnedForMoreInformation", ["Input.Reasons"] = "Who facilitates?" });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(EoiStatus.Submitted, await factory.WithDbAsync(db => db.OdEois.Where(e => e.Id == eoiId).Select(e => e.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmVoteAsync(b, eoiId)).StatusCode);
        Assert.Equal(EoiStatus.Returned, await factory.WithDbAsync(db => db.OdEois.Where(e => e.Id == eoiId).Select(e => e.Status).SingleAsync()));
        Assert.False(await factory.WithDbAsync(db => db.OdPayments.AnyAsync(p => p.EoiId == eoiId)));

        var cd = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.ClinicalDirector, pcn.Code));
        var resubmitted = await cd.SubmitFormAsync($"/od-funds/{fundId}/eoi", new Dictionary<string, string> { ["Input.Lines[0].Deliverable"] = "Plan facilitated by the training hub", ["Input.ClinicalDirectorConfirmed"] = "true", ["Command"] = "Continue" });
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        Assert.Equal(EoiStatus.Returned, await factory.WithDbAsync(db => db.OdEois.Where(e => e.Id == eoiId).Select(e => e.Status).SingleAsync())); // not sent until checked
        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(cd, fundId)).StatusCode);
        Assert.Equal(EoiStatus.Submitted, await factory.WithDbAsync(db => db.OdEois.Where(e => e.Id == eoiId).Select(e => e.Status).SingleAsync()));
    }

    [Fact]
    public async Task Decision_FieldAndPanelRuleErrorsShowTogether_InTheOrderOfTheFields()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var fundId = await factory.Data.CreateFundAsync(quorum: 2);
        var eoiId = await factory.Data.CreateEoiAsync(fundId, pcn.Code);
        var (a, _) = await PanelAsync(fundId);

        // Nobody else voting (the quorum of 2 is a panel rule), no decision chosen and an amount that is not money (field errors).
        var response = await factory.CreateClientFor(a).SubmitFormAsync($"/od-funds/eois/{eoiId}/decision", new Dictionary<string, string>
        {
            ["Input.ApprovedAmount"] = "lots",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.Equal(
            ["The decision needs 2 non-conflicted members voting; 1 did.", "Choose the panel's decision", "Enter the amount approved in pounds and pence, for example 26400.00"],
            document.ErrorSummary());
        Assert.Equal(["#Input_Voters", "#Input_Outcome", "#Input_ApprovedAmount"], document.QuerySelectorAll(".nhsuk-error-summary__list a").Select(l => l.GetAttribute("href")));
    }

    [Fact]
    public async Task Eoi_TypedValueAndEoiCheckErrorsShowTogether_InTheOrderOfTheFields()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var fundId = await factory.Data.CreateFundAsync();
        var cd = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.ClinicalDirector, pcn.Code));

        // A cost that is not money (the validator), no maturity domain and no confirmations (the EOI checks).
        var response = await cd.SubmitFormAsync($"/od-funds/{fundId}/eoi", new Dictionary<string, string>
        {
            ["Input.Lines[0].SupportRequested"] = "Facilitated workshops on PCN priorities",
            ["Input.Lines[0].Deliverable"] = "Agreed PCN development plan",
            ["Input.Lines[0].Amount"] = "twelve thousand",
            ["Command"] = "Continue",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var links = (await response.ReadDocumentAsync()).QuerySelectorAll(".nhsuk-error-summary__list a").Select(l => l.GetAttribute("href")).ToList();
        Assert.Equal(["#Input_Lines_0__Amount", "#Input_Lines_0__Domains", "#Input_ConfirmedNotFundedElsewhere", "#Input_ClinicalDirectorConfirmed"], links);
        Assert.False(await factory.WithDbAsync(db => db.OdEois.AnyAsync(e => e.PcnCode == pcn.Code)));
    }

    [Fact]
    public async Task NonPanelRole_CannotDecide()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var finance = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        var fundId = await factory.Data.CreateFundAsync();
        var eoiId = await factory.Data.CreateEoiAsync(fundId, pcn.Code);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.GetAsync($"/od-funds/eois/{eoiId}/decision")).StatusCode);
        var admin = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.Administrator));
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"/od-funds/eois/{eoiId}/decision")).StatusCode);
    }

    [Fact]
    public async Task Admin_AddsPanelMemberAndDeclaredInterest()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var finance = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        var fundId = await factory.Data.CreateFundAsync();
        var member = await factory.Data.CreateUserAsync(PortalRoles.PanelMember);
        var admin = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.Administrator));

        var added = await admin.SubmitFormAsync($"/od-funds/{fundId}/panel", new Dictionary<string, string> { ["UserId"] = member.Id, ["PanelRole"] = "Clinical lead" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var bad = await admin.SubmitFormAsync("/od-funds/interests", new Dictionary<string, string> { ["Input.UserId"] = member.Id, ["Input.OrganisationCode"] = "U00000X", ["Input.Nature"] = "Partner", ["Input.From"] = "2020-04-01" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var ok = await admin.SubmitFormAsync("/od-funds/interests", new Dictionary<string, string> { ["Input.UserId"] = member.Id, ["Input.OrganisationCode"] = pcn.Code, ["Input.Nature"] = "Partner", ["Input.From"] = "2020-04-01" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.OdPanelMembers.AnyAsync(m => m.FundId == fundId && m.UserId == member.Id && m.PanelRole == "Clinical lead")));
        Assert.True(await factory.WithDbAsync(db => db.OdDeclaredInterests.AnyAsync(i => i.UserId == member.Id && i.OrganisationCode == pcn.Code)));
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.GetAsync($"/od-funds/{fundId}/panel")).StatusCode);
    }

    [Theory]
    [InlineData("=SUM(A1)", "\"'=SUM(A1)\"")]
    [InlineData("+44", "\"'+44\"")]
    [InlineData("@cmd", "\"'@cmd\"")]
    [InlineData("Quote \"x\"", "\"Quote \"\"x\"\"\"")]
    [InlineData("Harbourside PCN", "\"Harbourside PCN\"")]
    public void CsvCell_NeutralisesFormulas(string input, string expected) =>
        Assert.Equal(expected, PcnPortal.Web.Pages.OdFunds.ExportModel.Cell(input));
}
