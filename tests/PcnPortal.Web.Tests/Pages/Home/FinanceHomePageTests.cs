using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.OdFunds;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Home;

/// <summary>/ for finance: approved lines to pay with their total, OD allocations waiting for approval. Its own database, so the counts are exact.</summary>
public sealed class FinanceHomePageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Home_Finance_CountsApprovedLinesToPayAndAllocationsToApprove()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var first = await factory.Data.CreateClaimLineAsync(pcn.Code, month: "2020-05");
        var second = await factory.Data.CreateClaimLineAsync(pcn.Code, month: "2020-06");
        await factory.Data.CreateClaimLineAsync(pcn.Code, month: "2020-07"); // submitted, not approved: not finance's yet
        await factory.Data.ApproveClaimLinesAsync(first, second);
        var total = await factory.WithDbAsync(db => Task.FromResult(db.ArrsClaimLines.Where(l => l.Id == first || l.Id == second).AsEnumerable().Sum(l => l.ApprovedAmount!.Value)));
        var fund = await factory.Data.CreateFundAsync();
        await factory.Data.WithServiceAsync<OdAllocationService, OdAllocationService.ComputeResult>(a => a.ComputeAsync(fund, CancellationToken.None)); // a new draft version
        var finance = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));

        var page = await finance.GetDocumentAsync("/");

        var toPay = page.QuerySelector("tr[data-item='Approved claim lines to pay']")!;
        Assert.Equal("2", toPay.QuerySelector("td:last-child")!.TextContent.Trim());
        Assert.Contains($"{Money.Format(total)} in all", toPay.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("/finance/schedule", toPay.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        var allocations = page.QuerySelector("tr[data-item='OD fund allocations waiting for approval']")!;
        Assert.Equal("1", allocations.QuerySelector("td:last-child")!.TextContent.Trim());
        Assert.Equal($"/od-funds/{fund}", allocations.QuerySelector("a")!.GetAttribute("href"));
    }
}
