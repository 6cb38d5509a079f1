using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Home;

/// <summary>The committee secretary's work waiting: the next meeting (today or later) and its papers by state, draft or finalised.</summary>
public sealed class SecretaryWorkQuery(PortalDbContext db, TimeProvider clock)
{
    /// <summary>The heading naming the next meeting ("Papers for the Primary Care Commissioning Committee on 14 January 2027"), or null when none is booked.</summary>
    public sealed record NextMeeting(string Heading, IReadOnlyList<WorkItem> Items);

    public async Task<NextMeeting?> GetAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var meeting = await db.CommitteeMeetings.AsNoTracking().Where(m => m.Date >= today).OrderBy(m => m.Date).ThenBy(m => m.Id)
            .Select(m => new { m.CommitteeName, m.Date, Papers = m.Papers.Select(p => p.Status).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        var drafts = meeting.Papers.Count(s => s == PaperStatus.Draft);
        var finalised = meeting.Papers.Count(s => s == PaperStatus.Finalised);
        return new NextMeeting(
            $"Papers for the {meeting.CommitteeName} on {meeting.Date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}",
            [
                new("Papers still in draft", drafts, "/papers"),
                new("Papers finalised", finalised, "/papers"),
            ]);
    }
}
