using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Features.OdFunds;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Robustness;

/// <summary>
/// Issue 15, item 16: the member who records a panel decision names the other voters, but each named voter confirms their own
/// vote before it counts; the decision (EOI status, payment, the fund's figures) takes effect only when the confirmed votes of
/// members without a declared interest reach the quorum.
/// </summary>
public sealed class OdVoteConfirmationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private sealed record Setup(int FundId, string PcnCode, int EoiId, TestUser A, TestUser B, TestUser C);

    /// <summary>A fund (66p a patient, quorum <paramref name="quorum"/>) with a panel of three and a submitted £12,000 EOI from a 40,000-patient PCN (share £26,400).</summary>
    private async Task<Setup> SetUpAsync(int quorum)
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 20_000]);
        var fundId = await factory.Data.CreateFundAsync(quorum: quorum);
        var eoiId = await factory.Data.CreateEoiAsync(fundId, pcn.Code);
        var a = await factory.Data.CreateUserAsync(PortalRoles.PanelMember);
        var b = await factory.Data.CreateUserAsync(PortalRoles.PanelMember);
        var c = await factory.Data.CreateUserAsync(PortalRoles.PanelMember);
        await factory.Data.AddPanelMemberAsync(fundId, a, "Aled Morgan", "Area director");
        await factory.Data.AddPanelMemberAsync(fundId, b, "Bethan Hughes", "Head of locality");
        await factory.Data.AddPanelMemberAsync(fundId, c, "Carys Lloyd", "Clinical lead");
        return new Setup(fundId, pcn.Code, eoiId, a, b, c);
    }

    private async Task<HttpResponseMessage> RecordAsync(Setup s, params TestUser[] named)
    {
        // The checkboxes are posted as the browser would: one Input.Voters value a named member.
        var client = factory.CreateClientFor(s.A);
        var document = await client.GetDocumentAsync($"/od-funds/eois/{s.EoiId}/decision");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)document.QuerySelector("main form[method=post]")!;
        foreach (var box in form.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Input.Voters']"))
        {
            box.IsChecked = box.Value == s.A.Id || named.Any(n => n.Id == box.Value);
        }

        return await client.SubmitAsync(form, $"/od-funds/eois/{s.EoiId}/decision", new Dictionary<string, string>
        {
            ["Input.Outcome"] = "Approved",
            ["Input.ApprovedAmount"] = "12000.00",
        });
    }

    private Task<HttpResponseMessage> ConfirmAsync(Setup s, TestUser voter, string command = "Confirm") =>
        factory.CreateClientFor(voter).SubmitFormAsync($"/od-funds/eois/{s.EoiId}/decision/confirm", new Dictionary<string, string> { ["Input.Command"] = command });

    private async Task<(EoiStatus Status, int Payments, int Pending)> StateAsync(Setup s) => await factory.WithDbAsync(async db => (
        await db.OdEois.Where(e => e.Id == s.EoiId).Select(e => e.Status).SingleAsync(),
        await db.OdPayments.CountAsync(p => p.EoiId == s.EoiId),
        await db.OdPanelDecisions.CountAsync(d => d.EoiId == s.EoiId && d.IsPending)));

    private async Task<decimal> ReportedApprovedAsync(Setup s)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<OdFundReportQuery>().GetAsync(s.FundId);
        return report!.Pcns.Single(p => p.PcnCode == s.PcnCode).Approved;
    }

    [Fact]
    public async Task Decision_TakesEffectOnlyWhenTheQuorumOfVotersHasConfirmed()
    {
        var s = await SetUpAsync(quorum: 3);

        // One member records an approval naming the other two: nothing takes effect yet.
        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(s, s.B, s.C)).StatusCode);
        Assert.Equal((EoiStatus.Submitted, 0, 1), await StateAsync(s));
        Assert.Equal(0m, await ReportedApprovedAsync(s));

        // Each named voter sees the vote waiting for them on their home page and on the decision page.
        var home = await factory.CreateClientFor(s.B).GetDocumentAsync("/");
        Assert.Equal("1", home.QuerySelector("tr[data-item='Panel decisions waiting for you to confirm your vote'] td:last-child")!.TextContent.Trim());
        var decisionPage = await factory.CreateClientFor(s.B).GetDocumentAsync($"/od-funds/eois/{s.EoiId}/decision");
        Assert.Contains("1 of the 3 votes needed is confirmed", decisionPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(decisionPage.QuerySelector($"a[href='/od-funds/eois/{s.EoiId}/decision/confirm']"));
        Assert.Null(decisionPage.QuerySelector("main form[method=post]")); // no second decision while one waits

        // The second confirmation is not yet the quorum.
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(s, s.B)).StatusCode);
        Assert.Equal((EoiStatus.Submitted, 0, 1), await StateAsync(s));

        // The third is: the EOI is approved, finance has a payment to make, and the fund's figures count it.
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(s, s.C)).StatusCode);
        Assert.Equal((EoiStatus.Approved, 1, 0), await StateAsync(s));
        Assert.Equal(12_000m, await ReportedApprovedAsync(s));

        // Each confirmation is in the audit log under the voter who confirmed.
        var audited = await factory.WithDbAsync(db => db.AuditEntries
            .Where(a => a.Entity == nameof(OdPanelDecisionRecord) && a.Action == "Modified")
            .Select(a => a.ActorUserId)
            .ToListAsync());
        Assert.Contains(s.B.Id, audited);
        Assert.Contains(s.C.Id, audited);
    }

    [Fact]
    public async Task Confirm_ByAMemberNotNamed_OrWithADeclaredInterest_IsRefusedAndDoesNotCount()
    {
        var s = await SetUpAsync(quorum: 2);
        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(s, s.B)).StatusCode);

        // C was not named: the page offers nothing, and a hand-made post is refused.
        var notNamed = await factory.CreateClientFor(s.C).GetDocumentAsync($"/od-funds/eois/{s.EoiId}/decision/confirm");
        Assert.Null(notNamed.QuerySelector("main form[method=post]"));
        var decisionId = await factory.WithDbAsync(db => db.OdPanelDecisions.Where(d => d.EoiId == s.EoiId).Select(d => d.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await PostConfirmWithBorrowedFormAsync(s, s.C, decisionId)).StatusCode);

        // B declares an interest in the PCN before confirming: B cannot vote, so B's confirmation is refused.
        await factory.Data.DeclareInterestAsync(s.B, "Bethan Hughes", s.PcnCode);
        var excluded = await factory.CreateClientFor(s.B).GetDocumentAsync($"/od-funds/eois/{s.EoiId}/decision/confirm");
        Assert.Null(excluded.QuerySelector("main form[method=post]"));
        Assert.Contains("Cannot vote: declared interest", excluded.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostConfirmWithBorrowedFormAsync(s, s.B, decisionId)).StatusCode);
        Assert.Equal((EoiStatus.Submitted, 0, 1), await StateAsync(s));
    }

    [Fact]
    public async Task NotMyVote_WithdrawsTheWaitingDecision_ThePanelCanRecordAgain()
    {
        var s = await SetUpAsync(quorum: 2);
        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(s, s.B)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(s, s.B, "NotMine")).StatusCode);
        Assert.Equal((EoiStatus.Submitted, 0, 0), await StateAsync(s));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(OdPanelDecisionRecord) && a.Action == "Deleted" && a.ActorUserId == s.B.Id)));

        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(s, s.C)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(s, s.C)).StatusCode);
        Assert.Equal((EoiStatus.Approved, 1, 0), await StateAsync(s));
    }

    [Fact]
    public async Task QuorumOfOne_TheRecordersOwnVoteIsEnough()
    {
        var s = await SetUpAsync(quorum: 1);
        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(s)).StatusCode);
        Assert.Equal((EoiStatus.Approved, 1, 0), await StateAsync(s));
    }

    /// <summary>A confirm form taken from a decision the member may confirm on (another EOI), aimed at this one: a hand-made post with a real token.</summary>
    private async Task<HttpResponseMessage> PostConfirmWithBorrowedFormAsync(Setup s, TestUser member, int decisionId)
    {
        var client = factory.CreateClientFor(member);
        var other = await factory.Data.CreateEoiAsync(s.FundId, (await factory.Data.CreatePcnAsync(practiceListSizes: [10_000])).Code);
        var recorder = factory.CreateClientFor(s.A);
        var doc = await recorder.GetDocumentAsync($"/od-funds/eois/{other}/decision");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)doc.QuerySelector("main form[method=post]")!;
        foreach (var box in form.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Input.Voters']"))
        {
            box.IsChecked = box.Value == s.A.Id || box.Value == member.Id;
        }

        await recorder.SubmitAsync(form, $"/od-funds/eois/{other}/decision", new Dictionary<string, string> { ["Input.Outcome"] = "Declined", ["Input.Reasons"] = "Not transformation." });
        var confirmPage = await client.GetDocumentAsync($"/od-funds/eois/{other}/decision/confirm");
        var confirmForm = (AngleSharp.Html.Dom.IHtmlFormElement)confirmPage.QuerySelector("main form[method=post]")!;
        confirmForm.Action = $"/od-funds/eois/{s.EoiId}/decision/confirm";
        return await client.SubmitAsync(confirmForm, $"/od-funds/eois/{s.EoiId}/decision/confirm", new Dictionary<string, string>
        {
            ["Input.DecisionId"] = decisionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Command"] = "Confirm",
        });
    }
}
