using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Home;

/// <summary>/ for a committee secretary: the next meeting's papers by state. Its own database, so the counts are exact.</summary>
public sealed class SecretaryHomePageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Home_Secretary_ShowsTheNextMeetingsPapersByState()
    {
        var today = factory.Services.GetRequiredService<TimeProvider>().Today();
        await factory.WithDbAsync(async db =>
        {
            var past = new CommitteeMeeting { CommitteeName = "Past Committee", Date = today.AddDays(-7) };
            past.Papers.Add(new CommitteePaper { AgendaNumber = "1", Title = "Old paper" });
            var next = new CommitteeMeeting { CommitteeName = "Primary Care Commissioning Committee", Date = today.AddDays(10) };
            next.Papers.Add(new CommitteePaper { AgendaNumber = "1", Title = "ARRS position" });
            next.Papers.Add(new CommitteePaper { AgendaNumber = "2", Title = "Maturity round" });
            next.Papers.Add(new CommitteePaper { AgendaNumber = "3", Title = "OD fund", Status = PaperStatus.Finalised });
            var later = new CommitteeMeeting { CommitteeName = "Later Committee", Date = today.AddDays(40) };
            later.Papers.Add(new CommitteePaper { AgendaNumber = "1", Title = "Later paper" });
            db.CommitteeMeetings.AddRange(past, next, later);
            await db.SaveChangesAsync();
        });
        var secretary = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommitteeSecretary));

        var page = await secretary.GetDocumentAsync("/");

        Assert.Contains(page.QuerySelectorAll("h2"), h => h.TextContent.Trim() == $"Papers for the Primary Care Commissioning Committee on {today.AddDays(10).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}");
        Assert.Equal("2", page.QuerySelector("tr[data-item='Papers still in draft'] td:last-child")!.TextContent.Trim());
        Assert.Equal("1", page.QuerySelector("tr[data-item='Papers finalised'] td:last-child")!.TextContent.Trim());
    }
}
