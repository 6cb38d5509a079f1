using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Features.OdFunds;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;
using PcnPortal.Web.Pages.OdFunds;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class OdEoiDecisionBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ClinicalDirectorSubmitsEoi_ConflictedMemberExcluded_OtherMemberApproves_PcnSeesDecision()
    {
        var pcn = await browser.Factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 20_000]);
        // 5p a patient keeps the shares well inside the distributable amount however many PCNs other tests add.
        var fundId = await browser.Factory.Data.CreateFundAsync(rate: 0.05m, quorum: 2);
        var member = await browser.Factory.Data.CreateUserAsync(PortalRoles.PanelMember);
        var colleague = await browser.Factory.Data.CreateUserAsync(PortalRoles.PanelMember);
        var conflicted = await browser.Factory.Data.CreateUserAsync(PortalRoles.PanelMember);
        await browser.Factory.Data.AddPanelMemberAsync(fundId, member, "Aled Morgan", "Area director");
        await browser.Factory.Data.AddPanelMemberAsync(fundId, colleague, "Bethan Hughes", "Head of locality");
        await browser.Factory.Data.AddPanelMemberAsync(fundId, conflicted, "Dr Carys Lloyd", "Clinical lead");
        await browser.Factory.Data.DeclareInterestAsync(conflicted, "Dr Carys Lloyd", pcn.Code);

        // The clinical director submits the EOI in the browser (first without the lines, to see the errors).
        var cd = await browser.SignedInPageAsync(await browser.Factory.Data.CreateUserAsync(PortalRoles.ClinicalDirector, pcn.Code));
        await cd.GotoAsync($"/od-funds/{fundId}/eoi");
        Assert.Contains("£2,000.00", await cd.TextContentAsync("main") ?? string.Empty);
        await BrowserFixture.AssertAccessibleAsync(cd);
        await cd.ClickAsync("button[value=Continue]");
        await cd.Locator(".nhsuk-error-summary").WaitForAsync(); // the form again, with its problems (a timeout here fails the test)
        await BrowserFixture.AssertAccessibleAsync(cd);

        await cd.FillAsync("#Input_Lines_0__SupportRequested", "Facilitated workshops on PCN priorities");
        await cd.FillAsync("#Input_Lines_0__Deliverable", "An agreed PCN development plan");
        await cd.FillAsync("#Input_Lines_0__Amount", "1800.00");
        await cd.CheckAsync("#Input_Lines_0__Domains_LPP");
        await cd.CheckAsync("#Input_ConfirmedNotFundedElsewhere");
        await cd.CheckAsync("#Input_ClinicalDirectorConfirmed");
        await cd.ClickAsync("button[value=Continue]");

        // Check your answers: every answer with a Change link back to its field, then Send.
        await cd.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/od-funds/{fundId}/eoi/check$"));
        var answers = await cd.TextContentAsync("main") ?? string.Empty;
        Assert.Contains("Facilitated workshops on PCN priorities", answers, StringComparison.Ordinal);
        Assert.Contains("£1,800.00", answers, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(cd);
        await cd.ClickAsync("main a[href$='#Input_Lines_0__Amount']");
        await cd.WaitForURLAsync($"**/od-funds/{fundId}/eoi#Input_Lines_0__Amount");
        Assert.Equal("1800.00", await cd.InputValueAsync("#Input_Lines_0__Amount"));
        await cd.ClickAsync("button[value=Continue]");
        await cd.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/od-funds/{fundId}/eoi/check$"));
        var eoiId = await browser.Factory.WithDbAsync(db => db.OdEois.Where(e => e.FundId == fundId && e.PcnCode == pcn.Code).Select(e => e.Id).SingleAsync());
        Assert.Equal(EoiStatus.Draft, await browser.Factory.WithDbAsync(db => db.OdEois.Where(e => e.Id == eoiId).Select(e => e.Status).SingleAsync()));
        await cd.ClickAsync("main button:has-text('Send to the panel')");

        // The confirmation: a panel with the reference, and what happens next.
        await cd.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/od-funds/eois/{eoiId}/sent$"));
        Assert.Contains("Expression of interest sent", await cd.TextContentAsync("#confirmation") ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("What happens next", await cd.TextContentAsync("main") ?? string.Empty, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(cd);
        Assert.Equal(EoiStatus.Submitted, await browser.Factory.WithDbAsync(db => db.OdEois.Where(e => e.Id == eoiId).Select(e => e.Status).SingleAsync()));

        // The conflicted member sees that they are excluded and why, and no form.
        var excluded = await browser.SignedInPageAsync(conflicted);
        await excluded.GotoAsync($"/od-funds/eois/{eoiId}/decision");
        var callout = await excluded.TextContentAsync("main .nhsuk-warning-callout") ?? string.Empty;
        Assert.Contains("You are excluded", callout, StringComparison.Ordinal);
        Assert.Contains("GP partner at a member practice", callout, StringComparison.Ordinal);
        Assert.Equal(0, await excluded.Locator("main form[method=post]").CountAsync());
        await BrowserFixture.AssertAccessibleAsync(excluded);

        // A non-conflicted member records Approved with the quorum (their colleague votes with them).
        var panel = await browser.SignedInPageAsync(member);
        await panel.GotoAsync($"/od-funds/eois/{eoiId}/decision");
        var exclusions = await panel.TextContentAsync("main table") ?? string.Empty;
        Assert.Contains("Dr Carys Lloyd", exclusions, StringComparison.Ordinal);
        Assert.Contains("Excluded", exclusions, StringComparison.Ordinal);
        Assert.Equal(0, await panel.Locator($"#Input_Voters_{conflicted.Id}").CountAsync());
        await BrowserFixture.AssertAccessibleAsync(panel);
        await panel.CheckAsync($"#Input_Voters_{colleague.Id}");
        await panel.CheckAsync("#Input_Outcome_Approved");
        await panel.FillAsync("#Input_ApprovedAmount", "1800.00");
        await panel.ClickAsync("main button[type=submit]");
        await panel.WaitForURLAsync($"**/od-funds/eois/{eoiId}");
        Assert.Equal(EoiStatus.Submitted, await browser.Factory.WithDbAsync(db => db.OdEois.Where(e => e.Id == eoiId).Select(e => e.Status).SingleAsync()));

        // The colleague confirms their own vote; with the quorum of 2 confirmed, the decision takes effect.
        var second = await browser.SignedInPageAsync(colleague);
        await second.GotoAsync($"/od-funds/eois/{eoiId}/decision");
        await second.ClickAsync($"a[href='/od-funds/eois/{eoiId}/decision/confirm']");
        await BrowserFixture.AssertAccessibleAsync(second);
        await second.ClickAsync("main button[value=Confirm]");
        await second.WaitForURLAsync($"**/od-funds/eois/{eoiId}");

        // The PCN sees the decision.
        await cd.GotoAsync($"/od-funds/eois/{eoiId}");
        var decision = await cd.TextContentAsync("main .nhsuk-card") ?? string.Empty;
        Assert.Contains("Approved", decision, StringComparison.Ordinal);
        Assert.Contains("£1,800.00", decision, StringComparison.Ordinal);
        Assert.Contains("Dr Carys Lloyd", decision, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(cd);
        Assert.Equal(EoiStatus.Approved, await browser.Factory.WithDbAsync(db => db.OdEois.Where(e => e.Id == eoiId).Select(e => e.Status).SingleAsync()));
    }
}
