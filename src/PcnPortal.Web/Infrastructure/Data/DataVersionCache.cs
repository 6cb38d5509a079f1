using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace PcnPortal.Web.Infrastructure.Data;

/// <summary>
/// Results that are costly to compute and depend only on business data (the finance summary, the claims review
/// queue's count), kept until the data changes. The data version comes from the audit log: every change to business
/// data writes audit rows in its own transaction (docs/decisions/0005-audit-in-savechanges.md), so the version is the
/// newest audit row's id, on SQL Server plus how many of the newest 10,000 ids exist (there a transaction that took lower
/// ids can commit after a later one; SQLite commits one writer at a time, in id order). Entries also expire after <see cref="Lifetime"/>, and a key's entry is computed once
/// however many requests miss it together. One entry per key; at most <see cref="MaxKeys"/> keys.
/// </summary>
public sealed class DataVersionCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public const int MaxKeys = 500;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    private sealed record Entry(string Version, object Value, DateTimeOffset At);

    /// <summary>The cached value for <paramref name="key"/> if the data has not changed since it was computed; otherwise computes it.</summary>
    public async Task<T> GetOrComputeAsync<T>(PortalDbContext db, string key, Func<Task<T>> compute, CancellationToken cancellationToken)
        where T : notnull
    {
        var version = await VersionAsync(db, cancellationToken); // read before the data, so a value is never newer-labelled than its data
        if (Fresh(key, version) is { } hit)
        {
            return (T)hit;
        }

        var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(key, version) is { } again)
            {
                return (T)again;
            }

            var value = await compute();
            if (_entries.Count >= MaxKeys)
            {
                _entries.Clear();
            }

            _entries[key] = new Entry(version, value, clock.GetUtcNow());
            return value;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Changes whenever a change to business data is committed.</summary>
    public static async Task<string> VersionAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var latest = await db.AuditEntries.MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0;
        if (db is SqlitePortalDbContext)
        {
            // SQLite has one writer at a time, so rows commit in id order and the newest id alone moves with every change.
            // Counting the newest 10,000 ids took about a third of a cached page's time on the national database.
            return latest.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var recent = await db.AuditEntries.CountAsync(a => a.Id > latest - 10_000, cancellationToken);
        return $"{latest}:{recent}";
    }

    private object? Fresh(string key, string version) =>
        _entries.TryGetValue(key, out var entry) && entry.Version == version && clock.GetUtcNow() - entry.At < Lifetime ? entry.Value : null;
}
