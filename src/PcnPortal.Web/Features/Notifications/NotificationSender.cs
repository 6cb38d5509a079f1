using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Notifications;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Notifications;

/// <summary>
/// Sends what is pending in the outbox. Each message is claimed with one conditional UPDATE (still pending, not held by
/// another sender) and sent only when that UPDATE changed a row, so two portal instances against one database never
/// send the same message twice; it is marked sent once, by the sender holding it. A failure is recorded and retried
/// with back-off (doubling from <c>Email:Sender:RetryBaseSeconds</c>, at most an hour) until
/// <c>Email:Sender:MaxAttempts</c>, then the message is Failed and waits for an administrator's retry.
/// </summary>
public sealed class NotificationSender(
    IServiceScopeFactory scopes, IEmailTransport transport, EmailOptions options, TimeProvider clock, ILogger<NotificationSender> logger)
{
    private const int BatchSize = 50;

    /// <summary>Sends every message due now; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(string senderId, CancellationToken cancellationToken = default)
    {
        var sent = 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.NotificationMessages.AsNoTracking()
            .Where(m => m.State == NotificationState.Pending && m.NextAttemptAtUtc <= now && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await SendOneAsync(db, id, senderId, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendOneAsync(PortalDbContext db, long id, string senderId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now.AddSeconds(Math.Max(30, options.Sender.ClaimSeconds));
        var claimed = await db.NotificationMessages
            .Where(m => m.Id == id && m.State == NotificationState.Pending && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, senderId).SetProperty(m => m.ClaimedUntilUtc, until), cancellationToken);
        if (claimed != 1)
        {
            return false; // Another sender has it, or it was sent meanwhile.
        }

        var message = await db.NotificationMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            await transport.SendAsync(
                new OutgoingEmail(message.Kind, message.RecipientEmail, message.Subject, message.Body, message.Link, message.PcnCode), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var attempts = message.Attempts + 1;
            var failed = attempts >= Math.Max(1, options.Sender.MaxAttempts);
            var next = clock.GetUtcNow().UtcDateTime.Add(RetryDelay(attempts));
            var error = Truncate($"{ex.GetType().Name}: {ex.Message}", 1000);
            logger.LogWarning(ex, "Notification {Id} to {Kind} failed (attempt {Attempts}{Final})", id, message.Kind, attempts, failed ? ", giving up" : string.Empty);
            await db.NotificationMessages
                .Where(m => m.Id == id && m.ClaimedBy == senderId)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.Attempts, attempts)
                        .SetProperty(m => m.LastError, error)
                        .SetProperty(m => m.NextAttemptAtUtc, next)
                        .SetProperty(m => m.State, failed ? NotificationState.Failed : NotificationState.Pending)
                        .SetProperty(m => m.ClaimedBy, (string?)null)
                        .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null),
                    CancellationToken.None);
            return false;
        }

        var sentAt = clock.GetUtcNow().UtcDateTime;
        await db.NotificationMessages
            .Where(m => m.Id == id && m.ClaimedBy == senderId && m.State == NotificationState.Pending)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.State, NotificationState.Sent)
                    .SetProperty(m => m.SentAtUtc, sentAt)
                    .SetProperty(m => m.Attempts, message.Attempts + 1)
                    .SetProperty(m => m.Transport, transport.Name)
                    .SetProperty(m => m.ClaimedBy, (string?)null)
                    .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null),
                CancellationToken.None);
        return true;
    }

    /// <summary>The wait before attempt <paramref name="failedAttempts"/> + 1: the base, doubled a failure, at most an hour.</summary>
    public TimeSpan RetryDelay(int failedAttempts)
    {
        var seconds = Math.Max(0, options.Sender.RetryBaseSeconds) * Math.Pow(2, Math.Min(failedAttempts - 1, 20));
        return TimeSpan.FromSeconds(Math.Min(seconds, 3600));
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
