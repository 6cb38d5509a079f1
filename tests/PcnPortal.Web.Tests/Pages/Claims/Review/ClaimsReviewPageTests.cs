using System.Net;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Claims.Review;

/// <summary>/claims/review and /claims/review/{id}: contracts decide submitted lines; /claims/lines/{id}: the PCN answers a query.</summary>
public sealed class ClaimsReviewPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Review_Approve_RecordsDecisionAndShowsItToThePcn()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var id = await factory.Data.CreateClaimLineAsync(pcn.Code);
        var reviewer = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

        var queue = await reviewer.GetDocumentAsync($"/claims/review?Pcn={pcn.Code}");
        Assert.Contains("ARRS-CAP warn", queue.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var response = await reviewer.SubmitFormAsync($"/claims/review/{id}", new Dictionary<string, string> { ["Input.Decision"] = "approve" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var line = await factory.WithDbAsync(db => db.ArrsClaimLines.SingleAsync(l => l.Id == id));
        Assert.Equal(ArrsClaimStatus.Approved, line.Status);
        Assert.Equal(line.Reimbursable, line.ApprovedAmount);
        var manager = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));
        var detail = await manager.GetDocumentAsync($"/claims/lines/{id}");
        Assert.Contains("Approved", detail.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_RejectWithoutReason_ShowsErrorsAndSavesNothing()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var id = await factory.Data.CreateClaimLineAsync(pcn.Code);
        var reviewer = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

        var response = await reviewer.SubmitFormAsync($"/claims/review/{id}", new Dictionary<string, string> { ["Input.Decision"] = "reject" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains("Select the reason for rejecting the line.", errors);
        Assert.Contains("Explain why the line is rejected; the PCN will see this.", errors);
        Assert.Equal(ArrsClaimStatus.Submitted, await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Id == id).Select(l => l.Status).SingleAsync()));
    }

    [Fact]
    public async Task Review_TwoReviewersDecideSameLine_FirstWinsSecondIsTold()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var id = await factory.Data.CreateClaimLineAsync(pcn.Code);
        var first = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        var second = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        var firstPage = await first.GetDocumentAsync($"/claims/review/{id}");
        var secondPage = await second.GetDocumentAsync($"/claims/review/{id}");

        var won = await first.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)firstPage.QuerySelector("main form[method=post]")!, $"/claims/review/{id}", new Dictionary<string, string> { ["Input.Decision"] = "approve" });
        var lost = await second.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)secondPage.QuerySelector("main form[method=post]")!, $"/claims/review/{id}", new Dictionary<string, string> { ["Input.Decision"] = "query", ["Input.Text"] = "Payslip?" });

        Assert.Equal(HttpStatusCode.Redirect, won.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        Assert.Contains("Someone else decided or changed this line", (await lost.ReadDocumentAsync()).ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Equal(ArrsClaimStatus.Approved, await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Id == id).Select(l => l.Status).SingleAsync()));
    }

    [Fact]
    public async Task Query_PcnAnswers_LineIsSubmittedAgain()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var id = await factory.Data.CreateClaimLineAsync(pcn.Code);
        var reviewer = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        await reviewer.SubmitFormAsync($"/claims/review/{id}", new Dictionary<string, string> { ["Input.Decision"] = "query", ["Input.Text"] = "Send the payslip." });
        var manager = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));

        var empty = await manager.SubmitFormAsync($"/claims/lines/{id}", new Dictionary<string, string> { ["Answer"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var response = await manager.SubmitFormAsync($"/claims/lines/{id}", new Dictionary<string, string> { ["Answer"] = "Payslip sent by email." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var line = await factory.WithDbAsync(db => db.ArrsClaimLines.SingleAsync(l => l.Id == id));
        Assert.Equal(ArrsClaimStatus.Submitted, line.Status);
        Assert.Equal("Payslip sent by email.", line.QueryResponse);
    }
}
