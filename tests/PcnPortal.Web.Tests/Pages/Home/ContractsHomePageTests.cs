using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Home;

/// <summary>/ for the contracts team: change requests to review, lines due within 2 working days, overdue, queried lines answered. Its own database, so the counts are exact.</summary>
public sealed class ContractsHomePageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Home_Contracts_CountsTheWorkWaitingWithLinks()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        await factory.Data.CreateChangeRequestAsync(pcn);
        await factory.Data.CreateChangeRequestAsync(pcn);
        var returned = await factory.Data.CreateChangeRequestAsync(pcn);
        var dueSoon = await factory.Data.CreateClaimLineAsync(pcn.Code);
        var overdue1 = await factory.Data.CreateClaimLineAsync(pcn.Code);
        var overdue2 = await factory.Data.CreateClaimLineAsync(pcn.Code);
        var answered = await factory.Data.CreateClaimLineAsync(pcn.Code); // due in 5 working days: neither soon nor overdue
        var today = factory.Services.GetRequiredService<TimeProvider>().Today();
        await factory.WithDbAsync(async db =>
        {
            (await db.PcnChangeRequests.SingleAsync(c => c.Id == returned)).Status = PcnChangeStatus.Returned;
            (await db.ArrsClaimLines.SingleAsync(l => l.Id == dueSoon)).DueOn = WorkingDays.AddWorkingDays(today, 1);
            (await db.ArrsClaimLines.SingleAsync(l => l.Id == overdue1)).DueOn = today.AddDays(-1);
            (await db.ArrsClaimLines.SingleAsync(l => l.Id == overdue2)).DueOn = today.AddDays(-20);
            (await db.ArrsClaimLines.SingleAsync(l => l.Id == answered)).QueryResponse = "Payslip sent.";
            await db.SaveChangesAsync();
        });
        var contracts = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

        var page = await contracts.GetDocumentAsync("/");

        var rows = page.QuerySelectorAll("table.app-work tbody tr").ToDictionary(r => r.GetAttribute("data-item")!, r => (Count: r.QuerySelector("td:last-child")!.TextContent.Trim(), Link: r.QuerySelector("a")?.GetAttribute("href")));
        Assert.Equal(("2", "/pcns/changes"), rows["Change requests to review"]);
        Assert.Equal("1", rows["Claim lines due within 2 working days"].Count);
        Assert.Equal("2", rows["Claim lines overdue"].Count);
        Assert.Equal("1", rows["Queried claim lines the PCN has answered"].Count);
        var queue = await contracts.GetDocumentAsync(rows["Claim lines due within 2 working days"].Link!);
        Assert.Contains(dueSoon.ToString(System.Globalization.CultureInfo.InvariantCulture), queue.QuerySelectorAll("#queue tbody tr").Select(r => r.GetAttribute("data-line")));
        Assert.Equal("Claim lines overdue", page.QuerySelectorAll("table.app-work tbody tr a").Select(a => a.TextContent.Trim()).ElementAt(2));
    }
}
