using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Notifications;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Features.Notifications;

/// <summary>Who a notification is for: people in some roles, optionally of one PCN, or named users.</summary>
public sealed record Audience(IReadOnlyList<string> Roles, string? PcnCode = null, IReadOnlyList<string>? UserIds = null)
{
    /// <summary>The PCN's managers and clinical directors.</summary>
    public static Audience PcnUsers(string pcnCode) => new([PortalRoles.PcnManager, PortalRoles.ClinicalDirector], pcnCode);

    public static Audience ClinicalDirectors(string pcnCode) => new([PortalRoles.ClinicalDirector], pcnCode);

    public static Audience Contracts { get; } = new([PortalRoles.CommissionerContracts]);

    public static Audience Finance { get; } = new([PortalRoles.CommissionerFinance]);

    public static Audience Users(IReadOnlyList<string> userIds) => new([], null, userIds);
}

/// <summary>
/// One notification to write. <paramref name="Body"/> is plain text naming the PCN and the item, never salaries or
/// other personal data; <paramref name="Path"/> is the portal path of the item (the link is made absolute with
/// <c>Email:PortalUrl</c>). <paramref name="DedupeKey"/> makes it once-only per recipient (reminders, digests).
/// </summary>
public sealed record Notice(NotificationKind Kind, Audience To, string? PcnCode, string Subject, string Body, string Path, string? DedupeKey = null);

/// <summary>Writes notifications into the outbox, to be saved with the change that causes them.</summary>
public interface INotificationOutbox
{
    /// <summary>
    /// Adds one outbox row a recipient (after their preferences) to the context, unsaved: the caller's own
    /// <c>SaveChanges</c> writes them in the same transaction as its change, so a change that is rolled back sends nothing.
    /// Returns how many rows were added.
    /// </summary>
    Task<int> AddAsync(Notice notice, CancellationToken cancellationToken = default);
}

public sealed class NotificationOutbox(PortalDbContext db, EmailOptions options, TimeProvider clock) : INotificationOutbox
{
    public async Task<int> AddAsync(Notice notice, CancellationToken cancellationToken = default)
    {
        if (options.EffectiveTransport == EmailTransportKind.Off)
        {
            return 0;
        }

        var recipients = await RecipientsAsync(notice.To, cancellationToken);
        if (recipients.Count == 0)
        {
            return 0;
        }

        var ids = recipients.Select(r => r.Id).ToList();
        var choices = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.Kind == notice.Kind && ids.Contains(p.UserId))
            .ToDictionaryAsync(p => p.UserId, p => p.Delivery, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var (id, email) in recipients)
        {
            var delivery = NotificationKinds.Effective(notice.Kind, choices.TryGetValue(id, out var chosen) ? chosen : null);
            if (delivery == NotificationDelivery.Off)
            {
                continue;
            }

            db.NotificationMessages.Add(new NotificationMessage
            {
                Kind = notice.Kind,
                RecipientUserId = id,
                RecipientEmail = email,
                PcnCode = notice.PcnCode,
                Subject = Truncate(notice.Subject, 300),
                Body = Truncate(notice.Body, 8000),
                Link = options.LinkTo(notice.Path),
                State = delivery == NotificationDelivery.DailyDigest ? NotificationState.AwaitingDigest : NotificationState.Pending,
                CreatedAtUtc = now,
                NextAttemptAtUtc = now,
                DedupeKey = notice.DedupeKey is null ? null : $"{notice.DedupeKey}:{id}",
            });
            added++;
        }

        return added;
    }

    private async Task<List<(string Id, string Email)>> RecipientsAsync(Audience audience, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking().Where(u => !u.IsDisabled && u.Email != null);
        if (audience.UserIds is { } userIds)
        {
            users = users.Where(u => userIds.Contains(u.Id));
        }
        else
        {
            var roles = audience.Roles.ToList();
            var inRoles = from ur in db.UserRoles
                          join r in db.Roles on ur.RoleId equals r.Id
                          where roles.Contains(r.Name!)
                          select ur.UserId;
            users = users.Where(u => inRoles.Contains(u.Id));
            if (audience.PcnCode is { } code)
            {
                users = users.Where(u => u.PcnCode == code);
            }
        }

        var rows = await users.OrderBy(u => u.Email).Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.Email!))];
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
