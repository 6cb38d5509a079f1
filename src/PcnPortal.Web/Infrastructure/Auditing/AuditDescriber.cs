using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Infrastructure.Auditing;

/// <summary>
/// Words a page of audit rows (<see cref="AuditWording"/>) with one query per kind of name they point at: the practices, PCNs,
/// memberships and clinical directors named by id in the rows. Used by the PCN page's history and <c>/admin/audit</c> (and
/// its CSV export).
/// </summary>
public sealed class AuditDescriber(PortalDbContext db)
{
    public async Task<List<AuditLine>> DescribeAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        var practiceIds = new HashSet<int>();
        var pcnIds = new HashSet<int>();
        var membershipIds = new HashSet<int>();
        var directorIds = new HashSet<int>();
        foreach (var entry in entries)
        {
            Collect(entry.Before, practiceIds, pcnIds);
            Collect(entry.After, practiceIds, pcnIds);
            if (int.TryParse(entry.EntityKey, NumberStyles.None, CultureInfo.InvariantCulture, out var key))
            {
                switch (entry.Entity)
                {
                    case "Pcn": pcnIds.Add(key); break;
                    case "PcnMembership": membershipIds.Add(key); break;
                    case "ClinicalDirector": directorIds.Add(key); break;
                }
            }
        }

        var memberships = membershipIds.Count == 0
            ? []
            : await db.PcnMemberships.AsNoTracking().Where(m => membershipIds.Contains(m.Id))
                .Select(m => new { m.Id, Practice = m.Practice!.Name, PracticeCode = m.Practice.Code, Pcn = m.Pcn!.Name, PcnCode = m.Pcn.Code })
                .ToListAsync(cancellationToken);
        var practices = practiceIds.Count == 0
            ? []
            : await db.Practices.AsNoTracking().Where(p => practiceIds.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.Code }).ToListAsync(cancellationToken);
        var pcns = pcnIds.Count == 0
            ? []
            : await db.Pcns.AsNoTracking().Where(p => pcnIds.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.Code }).ToListAsync(cancellationToken);
        var directors = directorIds.Count == 0
            ? []
            : await db.ClinicalDirectors.AsNoTracking().Where(c => directorIds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);

        var names = new AuditNames(
            practices.ToDictionary(p => p.Id, p => $"{p.Name} ({p.Code})"),
            pcns.ToDictionary(p => p.Id, p => $"{p.Name} ({p.Code})"),
            directors.ToDictionary(c => c.Id, c => c.Name),
            memberships.ToDictionary(m => m.Id, m => ($"{m.Practice} ({m.PracticeCode})", $"{m.Pcn} ({m.PcnCode})")));
        var model = db.Model;
        Type? TypeOf(string entity, string property) =>
            model.GetEntityTypes().FirstOrDefault(t => t.ClrType.Name == entity)?.FindProperty(property)?.ClrType;
        return entries.Select(e => AuditWording.Describe(e, names, TypeOf)).ToList();
    }

    private static void Collect(string? json, HashSet<int> practiceIds, HashSet<int> pcnIds)
    {
        if (string.IsNullOrEmpty(json) || (!json.Contains("\"PracticeId\"", StringComparison.Ordinal) && !json.Contains("\"PcnId\"", StringComparison.Ordinal)))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            if (document.RootElement.TryGetProperty("PracticeId", out var practice) && practice.TryGetInt32(out var practiceId))
            {
                practiceIds.Add(practiceId);
            }

            if (document.RootElement.TryGetProperty("PcnId", out var pcn) && pcn.TryGetInt32(out var pcnId))
            {
                pcnIds.Add(pcnId);
            }
        }
        catch (JsonException)
        {
            // A row that is not JSON is shown as recorded, without names.
        }
    }
}
