using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Notifications;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Notifications;

/// <summary>One kind on a person's preferences page: what they chose, and whether they may turn it off.</summary>
public sealed record PreferenceRow(NotificationKind Kind, string Description, NotificationDelivery Delivery, bool CanTurnOff);

/// <summary>A person's own choices per kind: immediately (no row), daily digest or off (deadline reminders never off).</summary>
public sealed class NotificationPreferenceService(PortalDbContext db)
{
    public async Task<List<PreferenceRow>> ForUserAsync(string userId, CancellationToken cancellationToken)
    {
        var chosen = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.UserId == userId)
            .ToDictionaryAsync(p => p.Kind, p => p.Delivery, cancellationToken);
        return [.. NotificationKinds.Choosable.Select(k => new PreferenceRow(
            k, NotificationKinds.Describe(k), NotificationKinds.Effective(k, chosen.TryGetValue(k, out var d) ? d : null), NotificationKinds.CanTurnOff(k)))];
    }

    /// <summary>Saves the person's choices (audited); a kind not listed keeps its choice. Returns the keys of refused choices.</summary>
    public async Task<List<NotificationKind>> SaveAsync(string userId, IReadOnlyDictionary<NotificationKind, NotificationDelivery> choices, CancellationToken cancellationToken)
    {
        var refused = choices.Where(c => c.Value == NotificationDelivery.Off && !NotificationKinds.CanTurnOff(c.Key)).Select(c => c.Key).ToList();
        if (refused.Count > 0)
        {
            return refused;
        }

        var existing = await db.NotificationPreferences.Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, cancellationToken);
        foreach (var (kind, delivery) in choices)
        {
            if (!NotificationKinds.Choosable.Contains(kind))
            {
                continue;
            }

            if (existing.TryGetValue(kind, out var row))
            {
                if (delivery == NotificationDelivery.Immediately)
                {
                    db.NotificationPreferences.Remove(row);
                }
                else
                {
                    row.Delivery = delivery;
                }
            }
            else if (delivery != NotificationDelivery.Immediately)
            {
                db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Kind = kind, Delivery = delivery });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return [];
    }
}
