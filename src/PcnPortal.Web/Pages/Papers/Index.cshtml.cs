using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Features.Papers;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Papers;

[Authorize(Policy = PortalPolicies.Papers)]
public sealed class IndexModel(PortalDbContext db, ICurrentUser currentUser) : PageModel
{
    public sealed record PaperRow(int Id, string AgendaNumber, string Title, PaperPurpose Purpose, PaperStatus Status, int Version, bool IsPartTwo);

    public sealed record MeetingRow(int Id, string CommitteeName, DateOnly Date, string? Time, string? Location, List<PaperRow> Papers);

    public List<MeetingRow> Meetings { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync()
    {
        CanEdit = PaperAccess.CanEdit(currentUser);
        var meetings = await db.CommitteeMeetings.AsNoTracking().OrderByDescending(m => m.Date).ToListAsync();
        var papers = await PaperAccess.Visible(db.CommitteePapers.AsNoTracking(), currentUser)
            .Select(p => new { p.MeetingId, Row = new PaperRow(p.Id, p.AgendaNumber, p.Title, p.Purpose, p.Status, p.PaperVersion, p.IsPartTwo) })
            .ToListAsync();
        Meetings = meetings.Select(m => new MeetingRow(m.Id, m.CommitteeName, m.Date, m.Time, m.Location,
            [.. papers.Where(p => p.MeetingId == m.Id).Select(p => p.Row).OrderBy(p => AgendaOrder.Key(p.AgendaNumber))])).ToList();
    }
}

/// <summary>Orders agenda numbers naturally: 2 before 10, 7.2 before 7.10.</summary>
public static class AgendaOrder
{
    public static string Key(string agendaNumber) =>
        string.Join('.', agendaNumber.Split('.').Select(part => int.TryParse(part, out var n) ? n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) : part));
}
