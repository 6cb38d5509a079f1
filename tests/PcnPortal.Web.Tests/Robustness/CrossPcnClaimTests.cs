using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Arrs.Rules;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Robustness;

/// <summary>
/// Issue 15, item 3 (ADR 0012): a PCN manager claims another PCN's person (the same staff reference) before that PCN's genuine
/// claim. The genuine line is not failed or cut: both lines are referred to the contracts team (ARRS-WTE warning); the PCN
/// users never see the other PCN's WTE, amount, name or code on any page for their own lines; the contracts team sees both
/// lines flagged, with the other PCN's figures, in the review queue, on the line pages and on their home page.
/// </summary>
public sealed class CrossPcnClaimTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private sealed record Scenario(Pcn Genuine, Pcn Other, int GenuineLine, int OtherLine, string StaffRef);

    /// <summary>PCN "Other" claims the genuine PCN's person first at 0.8765 WTE; the genuine PCN then claims them at 0.9375.</summary>
    private async Task<Scenario> ClaimedByTwoPcnsAsync()
    {
        var genuine = await factory.Data.CreatePcnAsync();
        var other = await factory.Data.CreatePcnAsync();
        var staffRef = $"ESR-{Guid.NewGuid():N}"[..20];
        var otherIds = await factory.Data.CreateClaimLinesAsync(other.Code, TestData.ClaimRow(other.Code, staffRef, wte: "0.8765", salary: "3000.00", name: "Sam Shared"));
        var genuineIds = await factory.Data.CreateClaimLinesAsync(genuine.Code, TestData.ClaimRow(genuine.Code, staffRef, wte: "0.9375", name: "Sam Shared"));
        return new Scenario(genuine, other, genuineIds[$"2020-05/{staffRef}"], otherIds[$"2020-05/{staffRef}"], staffRef);
    }

    private Task<ArrsClaimLine> LineAsync(int id) =>
        factory.WithDbAsync(db => db.ArrsClaimLines.AsNoTracking().Include(l => l.Pcn).SingleAsync(l => l.Id == id));

    /// <summary>The line's ARRS-WTE outcome as its pages read it (from the stored checks, ADR 0014).</summary>
    private async Task<RuleOutcome> WteOutcomeAsync(ArrsClaimLine line) =>
        (await factory.Data.WithServiceAsync<ArrsLineOutcomesQuery, IReadOnlyList<RuleOutcome>>(q => q.ForLineAsync(line, line.Pcn!.Code)))
            .Single(o => o.Code == WteRule.Code);

    [Fact]
    public async Task APcnsGenuineClaim_IsReferredNotFailed_WhenAnotherPcnClaimsTheSamePersonFirst()
    {
        var s = await ClaimedByTwoPcnsAsync();

        foreach (var id in new[] { s.GenuineLine, s.OtherLine })
        {
            var line = await LineAsync(id);
            Assert.Equal(RuleSeverity.Warn, (await WteOutcomeAsync(line)).Severity);
            Assert.Equal(RuleSeverity.Warn, line.WorstOutcome);
            Assert.True(line.Reimbursable > 0m, $"line {id} was cut to {line.Reimbursable}");
        }

        var before = (await LineAsync(s.GenuineLine)).Reimbursable;

        // Contracts reject the other PCN's line: the genuine line passes on the next assessment.
        var version = (await LineAsync(s.OtherLine)).Version;
        var outcome = await factory.Data.WithServiceAsync<ArrsDecisionService, ArrsDecisionOutcome>(d =>
            d.DecideAsync(s.OtherLine, version, ArrsDecision.Reject, "NOT-EMPLOYED-FOR-THESE-HOURS", null, "contracts@test"));
        Assert.Equal(ArrsDecisionOutcome.Done, outcome);
        var after = await LineAsync(s.GenuineLine);
        Assert.Equal(RuleSeverity.Pass, (await WteOutcomeAsync(after)).Severity);

        // Nothing was taken off the genuine line while it was referred: it is paid the same once the other line is gone.
        Assert.Equal(before, after.Reimbursable);
    }

    [Fact]
    public async Task PcnUsers_NeverSeeTheOtherPcnsFigures_OnAnyPageForTheirOwnLines()
    {
        var s = await ClaimedByTwoPcnsAsync();
        var genuineLine = await LineAsync(s.GenuineLine);
        var otherLine = await LineAsync(s.OtherLine);

        foreach (var (own, ownLine, them, theirLine) in new[] { (s.Genuine, genuineLine, s.Other, otherLine), (s.Other, otherLine, s.Genuine, genuineLine) })
        {
            var total = (ownLine.Wte + theirLine.Wte).ToString("0.####", CultureInfo.InvariantCulture);
            string[] leaks = [them.Code, them.Name, theirLine.Wte.ToString("0.####", CultureInfo.InvariantCulture), total, Money.Format(theirLine.Reimbursable), "also claimed by another PCN"];
            foreach (var role in new[] { PortalRoles.PcnManager, PortalRoles.ClinicalDirector })
            {
                var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(role, own.Code));
                foreach (var url in new[] { "/", "/claims", $"/claims?pcn={own.Code}", $"/claims?pcn={own.Code}&year=2020/21", $"/claims/lines/{ownLine.Id}" })
                {
                    var response = await client.GetAsync(url);
                    Assert.True(response.IsSuccessStatusCode, $"{role} {url}: {(int)response.StatusCode}");
                    var body = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
                    foreach (var leak in leaks)
                    {
                        Assert.False(body.Contains(leak, StringComparison.OrdinalIgnoreCase), $"{role} of {own.Code} sees \"{leak}\" on {url}");
                    }
                }

                // What the PCN is told instead, on its own line's page.
                var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/claims/lines/{ownLine.Id}"));
                Assert.Contains("total hours across PCNs in May 2020 are being checked by the commissioner", page, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Contracts_SeeBothLinesFlagged_WithTheOtherPcnsFigures()
    {
        var s = await ClaimedByTwoPcnsAsync();
        var alone = await factory.Data.CreateClaimLineAsync(s.Genuine.Code);
        var contracts = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

        // The review queue: both lines carry the flag, the filter keeps only flagged lines.
        var queue = await contracts.GetDocumentAsync($"/claims/review?Status=Submitted&Pcn={s.Genuine.Code}");
        var rows = queue.QuerySelectorAll("#queue tbody tr").ToDictionary(r => r.GetAttribute("data-line")!, r => r.QuerySelector(".app-shared-staff") is not null);
        Assert.True(rows[s.GenuineLine.ToString(CultureInfo.InvariantCulture)]);
        Assert.False(rows[alone.ToString(CultureInfo.InvariantCulture)]);
        var filtered = await contracts.GetDocumentAsync("/claims/review?Status=Submitted&SharedStaff=true");
        var flagged = filtered.QuerySelectorAll("#queue tbody tr").Select(r => r.GetAttribute("data-line")).ToList();
        Assert.Contains(s.GenuineLine.ToString(CultureInfo.InvariantCulture), flagged);
        Assert.Contains(s.OtherLine.ToString(CultureInfo.InvariantCulture), flagged);
        Assert.DoesNotContain(alone.ToString(CultureInfo.InvariantCulture), flagged);
        Assert.All(filtered.QuerySelectorAll("#queue tbody tr"), r => Assert.NotNull(r.QuerySelector(".app-shared-staff")));

        // Each line's page and decision page list the other PCN's line with its figures.
        foreach (var (id, other, otherWte) in new[] { (s.GenuineLine, s.Other, "0.8765"), (s.OtherLine, s.Genuine, "0.9375") })
        {
            foreach (var url in new[] { $"/claims/lines/{id}", $"/claims/review/{id}" })
            {
                var page = await contracts.GetDocumentAsync(url);
                var panel = page.QuerySelector("#other-pcns-claims");
                Assert.NotNull(panel);
                Assert.Contains(other.Code, panel.TextContent, StringComparison.Ordinal);
                Assert.Contains("1.814 WTE in all", panel.TextContent, StringComparison.Ordinal);
                Assert.Equal(otherWte, panel.QuerySelector("tbody td:nth-child(2)")!.TextContent.Trim());
            }
        }

        // The home page counts the lines waiting for a person claimed by two PCNs, and links to the filtered queue.
        var home = await contracts.GetDocumentAsync("/");
        var item = home.QuerySelector("tr[data-item='Claim lines for people also claimed by another PCN']");
        Assert.NotNull(item);
        Assert.True(int.Parse(item.QuerySelector("td:last-child")!.TextContent.Trim(), CultureInfo.InvariantCulture) >= 2);
        Assert.Equal("/claims/review?Status=Submitted&SharedStaff=true", item.QuerySelector("a")!.GetAttribute("href"));

        // A line with nobody else claiming the person shows no panel.
        Assert.Null((await contracts.GetDocumentAsync($"/claims/lines/{alone}")).QuerySelector("#other-pcns-claims"));
    }
}
