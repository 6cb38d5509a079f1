using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Maturity;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Robustness;

/// <summary>
/// The same form posted twice with the same body (a double click, a browser retry), both at once: one wins, the other
/// is told on the page, and nothing is duplicated.
/// </summary>
public sealed class DoubleSubmitTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>Loads the form once, then posts exactly the same body twice concurrently.</summary>
    private static async Task<HttpResponseMessage[]> PostTwiceAsync(HttpClient client, string url, IDictionary<string, string> values, string formSelector = "main form[method=post]")
    {
        var page = await client.GetDocumentAsync(url);
        var form = (IHtmlFormElement)page.QuerySelector(formSelector)!;
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && (i.Type is "hidden" or "text" || (i.Type is "radio" or "checkbox" && i.IsChecked)))
            .GroupBy(i => i.Name!)
            .ToDictionary(g => g.Key, g => g.First().Value);
        foreach (var (key, value) in values)
        {
            fields[key] = value;
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
        var body = fields.ToList();
        return await Task.WhenAll(
            client.PostAsync(action, new FormUrlEncodedContent(body)),
            client.PostAsync(action, new FormUrlEncodedContent(body)));
    }

    private static async Task AssertOneWinsOneIsToldAsync(HttpResponseMessage[] responses)
    {
        var codes = responses.Select(r => (int)r.StatusCode).OrderBy(c => c).ToArray();
        Assert.True(codes.Count(c => c == 302) == 1, $"Expected exactly one success (302), got {string.Join(", ", codes)}");
        var loser = responses.Single(r => r.StatusCode != HttpStatusCode.Redirect);
        Assert.True(loser.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, $"The second submission gave {(int)loser.StatusCode}");
        Assert.NotEmpty((await loser.ReadDocumentAsync()).ErrorSummary());
    }

    [Fact]
    public async Task ClaimDecision_DoubleSubmitted_OneDecisionIsRecorded()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var lineId = await factory.Data.CreateClaimLineAsync(pcn.Code);
        var reviewer = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        var auditBefore = await factory.AuditCountAsync();

        var responses = await PostTwiceAsync(reviewer, $"/claims/review/{lineId}", new Dictionary<string, string> { ["Input.Decision"] = "query", ["Input.Text"] = "Please send the contract." });

        await AssertOneWinsOneIsToldAsync(responses);
        var line = await factory.WithDbAsync(db => db.ArrsClaimLines.AsNoTracking().SingleAsync(l => l.Id == lineId));
        Assert.Equal("Queried", line.Status.ToString());
        var lineChanges = await factory.WithDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Skip(auditBefore)
            .CountAsync(a => a.Entity.Contains("Claim") && a.EntityKey == lineId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(1, lineChanges);
    }

    [Fact]
    public async Task MaturitySubmit_DoubleSubmitted_SubmittedOnce()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var manager = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));
        var returnId = await factory.Data.CreateMaturityReturnAsync(pcn);
        foreach (var domain in Enum.GetValues<MaturityDomain>())
        {
            var answer = await manager.SubmitFormAsync($"/maturity/returns/{returnId}/domains/{domain.Code()}", new Dictionary<string, string>
            {
                ["Input.Position"] = "F",
                ["Input.Evidence"] = "Shared plan agreed by all member practices.",
                ["Input.WhatWorkedWell"] = "Monthly board",
            });
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        }

        var responses = await PostTwiceAsync(manager, $"/maturity/returns/{returnId}/check", new Dictionary<string, string>());

        await AssertOneWinsOneIsToldAsync(responses);
        var saved = await factory.WithDbAsync(db => db.MaturityReturns.Include(r => r.Answers).AsNoTracking().SingleAsync(r => r.Id == returnId));
        Assert.Equal(MaturityReturnStatus.Submitted, saved.Status);
        Assert.Equal(Enum.GetValues<MaturityDomain>().Length, saved.Answers.Count);
    }

    [Fact]
    public async Task EoiSubmit_DoubleSubmitted_OneEoiIsStored()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var director = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.ClinicalDirector, pcn.Code));
        var fund = await factory.Data.CreateFundAsync(quorum: 1);

        // "Continue" twice saves the one EOI (both go on to check your answers, or the second is told it changed)...
        var responses = await PostTwiceAsync(director, $"/od-funds/{fund}/eoi", RobustnessData.EoiForm());
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Conflict, $"Continue gave {(int)r.StatusCode}"));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(1, await factory.WithDbAsync(db => db.OdEois.CountAsync(e => e.FundId == fund && e.PcnCode == pcn.Code)));

        // ... and "Send" twice from check your answers sends it once: the other is told.
        await AssertOneWinsOneIsToldAsync(await PostTwiceAsync(director, $"/od-funds/{fund}/eoi/check", new Dictionary<string, string>()));
        var eois = await factory.WithDbAsync(db => db.OdEois.Where(e => e.FundId == fund && e.PcnCode == pcn.Code).Include(e => e.Lines).AsNoTracking().ToListAsync());
        Assert.Single(eois);
        Assert.Single(eois[0].Lines);
    }

    [Fact]
    public async Task EoiSend_SecondClickArrivesAfterTheFirstWasSent_IsToldItWasAlreadySent()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var director = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.ClinicalDirector, pcn.Code));
        var fund = await factory.Data.CreateFundAsync(quorum: 1);
        Assert.Equal(HttpStatusCode.Redirect, (await director.SubmitFormAsync($"/od-funds/{fund}/eoi", RobustnessData.EoiForm())).StatusCode);

        // The check page as the browser holds it, posted twice one after the other (the second click lands late).
        var check = await director.GetDocumentAsync($"/od-funds/{fund}/eoi/check");
        var version = ((IHtmlInputElement)check.QuerySelector("input[name='Input.Version']")!).Value;
        var body = new Dictionary<string, string> { ["Input.Version"] = version, ["__RequestVerificationToken"] = ((IHtmlInputElement)check.QuerySelector("input[name='__RequestVerificationToken']")!).Value };
        var first = await director.PostAsync($"/od-funds/{fund}/eoi/check", new FormUrlEncodedContent(body));
        var second = await director.PostAsync($"/od-funds/{fund}/eoi/check", new FormUrlEncodedContent(body));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = await second.ReadDocumentAsync();
        Assert.Contains(page.ErrorSummary(), e => e.Contains("already sent to the panel", StringComparison.Ordinal));
        Assert.Null(page.QuerySelector("main form[method=post] button"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.OdEois.CountAsync(e => e.FundId == fund && e.PcnCode == pcn.Code && e.Status == EoiStatus.Submitted)));
    }
}
