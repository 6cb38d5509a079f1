using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Notifications;

namespace PcnPortal.Web.Infrastructure.Auditing;

/// <summary>
/// Captures what is about to change before a save, and turns it into audit rows once keys are known.
/// Secrets (password hashes, security stamps) are never written: only that they changed. Rule outcome rows
/// (<see cref="ArrsClaimOutcome"/>) are derived from the claim line and reference data and are not audited one by
/// one: the line's own audit rows record its figures (docs/decisions/0009-bulk-claims-and-derived-outcomes.md).
/// A new outbox email (<see cref="NotificationMessage"/>) is not audited either: it follows from the audited change saved
/// with it, and the outbox itself is its record; an administrator's retry of one is audited.
/// </summary>
internal static class AuditRecorder
{
    private static readonly HashSet<string> MaskedProperties = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Xml",
    };

    private static readonly HashSet<string> SilentProperties = new(StringComparer.Ordinal)
    {
        "NormalizedEmail", "NormalizedUserName", "NormalizedName",
    };

    /// <summary>
    /// What is kept of a claim line's latest assessment for its explanations (ADR 0014): recorded when the line is
    /// added, with its figures; a re-assessment that changes only these is not audited, as rule outcome rows were not.
    /// </summary>
    private static readonly HashSet<string> DerivedProperties = new(StringComparer.Ordinal)
    {
        nameof(ArrsClaimLine.RuleChecks), nameof(ArrsClaimLine.RuleTotals), nameof(ArrsClaimLine.AssessedContextId),
    };

    public static List<PendingAudit> Capture(ChangeTracker tracker)
    {
        var pending = new List<PendingAudit>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEntry or DataProtectionKey or ArrsClaimOutcome or ArrsAssessedContext
                || (entry.Entity is NotificationMessage && entry.State == EntityState.Added)
                || entry.State is EntityState.Detached or EntityState.Unchanged)
            {
                continue;
            }

            var before = new Dictionary<string, object?>();
            var after = new Dictionary<string, object?>();
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                if (SilentProperties.Contains(name))
                {
                    continue;
                }

                switch (entry.State)
                {
                    case EntityState.Added:
                        after[name] = Value(name, property.CurrentValue);
                        break;
                    case EntityState.Deleted:
                        before[name] = Value(name, property.OriginalValue);
                        break;
                    case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue) && !DerivedProperties.Contains(name):
                        before[name] = Value(name, property.OriginalValue);
                        after[name] = Value(name, property.CurrentValue);
                        break;
                }
            }

            if (entry.State == EntityState.Modified && after.Count == 0)
            {
                continue;
            }

            pending.Add(new PendingAudit(entry, entry.State.ToString(), before, after));
        }

        return pending;
    }

    /// <summary>
    /// The audit row SaveChanges would write for <paramref name="entry"/> being added, for a row inserted with
    /// <see cref="Data.ModelRowWriter"/> instead of through the change tracker (its key already set).
    /// </summary>
    public static PendingAudit Added(EntityEntry entry)
    {
        var after = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (!SilentProperties.Contains(name))
            {
                after[name] = Value(name, property.CurrentValue);
            }
        }

        return new PendingAudit(entry, nameof(EntityState.Added), [], after);
    }

    private static object? Value(string name, object? value) => MaskedProperties.Contains(name) && value is not null ? "(changed)" : value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        byte[] bytes => $"({bytes.Length} bytes, SHA-256 {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))})",
        _ => value,
    };

    internal sealed record PendingAudit(EntityEntry Entry, string Action, Dictionary<string, object?> Before, Dictionary<string, object?> After)
    {
        public AuditEntry ToEntry(string actor, string? actorId, DateTime at)
        {
            var key = Entry.Metadata.FindPrimaryKey();
            var keyText = key is null
                ? "?"
                : string.Join("/", key.Properties.Select(p => Convert.ToString(Entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
            if (Action == nameof(EntityState.Added))
            {
                // Keys generated by the database are only known after the first save.
                foreach (var property in Entry.Properties.Where(p => p.Metadata.IsPrimaryKey() || p.Metadata.IsForeignKey()))
                {
                    After[property.Metadata.Name] = property.CurrentValue;
                }
            }

            return new AuditEntry
            {
                At = at,
                Actor = actor,
                ActorUserId = actorId,
                Action = Action,
                Entity = Entry.Metadata.ClrType.Name.Split('`')[0],
                EntityKey = keyText,
                Before = Before.Count == 0 ? null : JsonSerializer.Serialize(Before),
                After = After.Count == 0 ? null : JsonSerializer.Serialize(After),
            };
        }
    }
}
