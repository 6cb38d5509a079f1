using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Notifications;
using PcnPortal.Web.Infrastructure.Auditing;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Notifications;

/// <summary>One outbox row as /admin/notifications lists it.</summary>
public sealed record NotificationRow(
    long Id, NotificationKind Kind, string RecipientEmail, string? PcnCode, string Subject, string Body, string Link, NotificationState State,
    DateTime CreatedAtUtc, DateTime NextAttemptAtUtc, int Attempts, DateTime? SentAtUtc, string? Transport, string? LastError);

public sealed record NotificationCounts(int Pending, int Sent, int Failed, int AwaitingDigest);

/// <summary>The administrators' view of the outbox and their retry of a failed message (audited).</summary>
public sealed class NotificationAdminService(PortalDbContext db, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<NotificationCounts> CountsAsync(CancellationToken cancellationToken)
    {
        var counts = await db.NotificationMessages.AsNoTracking()
            .GroupBy(m => m.State)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        int Get(NotificationState s) => counts.TryGetValue(s, out var n) ? n : 0;
        return new NotificationCounts(Get(NotificationState.Pending), Get(NotificationState.Sent), Get(NotificationState.Failed), Get(NotificationState.AwaitingDigest));
    }

    /// <summary>The newest messages in a state (failed first when no state is given), 50 at most.</summary>
    public async Task<List<NotificationRow>> ListAsync(NotificationState? state, CancellationToken cancellationToken)
    {
        var query = db.NotificationMessages.AsNoTracking();
        if (state is { } s)
        {
            query = query.Where(m => m.State == s);
        }

        return await query
            .OrderByDescending(m => m.State == NotificationState.Failed).ThenByDescending(m => m.Id)
            .Take(PageSize)
            .Select(m => new NotificationRow(
                m.Id, m.Kind, m.RecipientEmail, m.PcnCode, m.Subject, m.Body, m.Link, m.State, m.CreatedAtUtc, m.NextAttemptAtUtc, m.Attempts,
                m.SentAtUtc, m.Transport, m.LastError))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Puts a failed message back in the queue now, with its attempts reset; false when it is not failed (any more).</summary>
    public async Task<bool> RetryAsync(long id, CancellationToken cancellationToken)
    {
        var message = await db.NotificationMessages.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is not { State: NotificationState.Failed })
        {
            return false;
        }

        // A tracked change: SaveChanges audits who retried it, with the state and attempts before and after.
        message.State = NotificationState.Pending;
        message.Attempts = 0;
        message.NextAttemptAtUtc = clock.GetUtcNow().UtcDateTime;
        message.ClaimedBy = null;
        message.ClaimedUntilUtc = null;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
