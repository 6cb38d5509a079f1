using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure.Configuration;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Files;

namespace PcnPortal.Web.Features.Registration;

/// <summary>
/// Saves parsed list sizes against known practices (practices not in the register are counted as unknown and listed).
/// Idempotent and all-or-nothing like <see cref="EpcnImporter"/>. An NHS Digital file carries no weighted figure, so it never
/// clears a weighted list size already held for the same date.
/// </summary>
public sealed class ListSizeImporter(PortalDbContext db, RegistrationCheckService checks, PortalOptions portal)
{
    public async Task<ListSizeImportSummary> ImportAsync(ListSizeParseResult parsed, CancellationToken cancellationToken = default)
    {
        var asAtText = parsed.AsAt?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (parsed.IsRejected)
        {
            return new ListSizeImportSummary(asAtText, parsed.Format.ToString(), new ListSizePracticeCounts(0, 0, 0), new Dictionary<string, int>(), parsed.Errors.Select(p => p.ToString()).ToList())
            {
                Problems = parsed.Problems,
            };
        }

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var practices = await db.Practices.AsNoTracking().Select(p => new { p.Code, p.Id }).ToDictionaryAsync(p => p.Code, p => p.Id, StringComparer.Ordinal, cancellationToken);
            var dates = parsed.Rows.Select(r => r.AsAt).Distinct().ToList();
            var existing = await db.PracticeListSizes.Where(l => dates.Contains(l.AsAt)).ToDictionaryAsync(l => (l.PracticeId, l.AsAt), cancellationToken);

            int updated = 0, unchanged = 0;
            var unknown = new List<string>();
            var touched = new HashSet<int>();
            foreach (var row in parsed.Rows)
            {
                if (!practices.TryGetValue(row.PracticeCode, out var practiceId))
                {
                    unknown.Add(row.PracticeCode);
                    continue;
                }

                touched.Add(practiceId);
                if (existing.TryGetValue((practiceId, row.AsAt), out var size))
                {
                    var weighted = row.Weighted ?? size.Weighted;
                    if (size.Registered == row.Registered && size.Weighted == weighted)
                    {
                        unchanged++;
                        continue;
                    }

                    size.Registered = row.Registered;
                    size.Weighted = weighted;
                }
                else
                {
                    var added = new PracticeListSize { PracticeId = practiceId, AsAt = row.AsAt, Registered = row.Registered, Weighted = row.Weighted };
                    db.PracticeListSizes.Add(added);
                    existing[(practiceId, row.AsAt)] = added;
                }

                updated++;
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);

            // Warnings for open PCNs of the configured CCG(s) whose members were in the file, as at the file's (latest) date.
            var asAt = parsed.AsAt ?? (dates.Count > 0 ? dates.Max() : DateOnly.MinValue);
            var ccgs = portal.CcgCodes.ToList();
            var affected = db.Pcns.Where(p => ccgs.Contains(p.CcgCode)
                && p.OpenDate <= asAt && (p.CloseDate == null || p.CloseDate >= asAt)
                && p.Memberships.Any(m => touched.Contains(m.PracticeId) && m.StartDate <= asAt && (m.EndDate == null || m.EndDate >= asAt)));
            var (warnings, warningPcns) = touched.Count == 0
                ? ([], [])
                : await EpcnImporter.WarningsAsync(checks, affected, asAt, cancellationToken);
            return new ListSizeImportSummary(asAtText, parsed.Format.ToString(), new ListSizePracticeCounts(updated, unchanged, unknown.Count), warnings, [])
            {
                WarningPcns = warningPcns,
                Problems = parsed.Problems,
                UnknownPractices = unknown,
            };
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }
}
