using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Files;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Features.Arrs;

public sealed record ArrsBaselineImportResult(int Pcns, int Posts, int Added, int Updated, int Removed, int YearsAssessed, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Reads the baseline CSV (contract.md: <c>pcn_code, role, wte, staff_ref, vacant_from</c>; the last two optional)
/// and makes each listed PCN's baseline exactly the file's posts: a post matching an existing one (PCN, role, staff
/// reference) is updated and keeps its refilled and sign-off dates, others are added, and posts of those PCNs not in
/// the file are removed. All or nothing (one save), then every year with claims is assessed again.
/// </summary>
public sealed class ArrsBaselineImporter(PortalDbContext db, ArrsReferenceService reference, ArrsAssessmentService assessment)
{
    public static readonly IReadOnlyList<string> Columns = ["pcn_code", "role", "wte", "staff_ref", "vacant_from"];

    private static readonly string[] Required = ["pcn_code", "role", "wte"];

    private sealed record Row(int Number, string PcnCode, string Role, decimal Wte, string? StaffRef, DateOnly? VacantFrom);

    public async Task<ArrsBaselineImportResult> ImportAsync(string text, CancellationToken cancellationToken = default)
    {
        var problems = new List<ImportProblem>();
        var rows = Parse(text, problems);
        var data = await reference.LoadAsync(cancellationToken);
        var codes = rows.Select(r => r.PcnCode).Distinct().ToList();
        var pcns = await db.Pcns.Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        foreach (var row in rows)
        {
            if (!pcns.ContainsKey(row.PcnCode))
            {
                problems.Add(new ImportProblem(null, row.Number, "pcn_code", $"{row.PcnCode} is not a PCN the portal knows."));
            }

            if (data.FindRole(row.Role) is null)
            {
                problems.Add(new ImportProblem(null, row.Number, "role", $"{row.Role} is not an ARRS role code, for example CLINICAL_PHARMACIST or SPLW."));
            }
        }

        foreach (var duplicate in rows.GroupBy(r => (r.PcnCode, r.Role, r.StaffRef)).Where(g => g.Key.StaffRef is not null && g.Count() > 1))
        {
            problems.Add(new ImportProblem(null, duplicate.Skip(1).First().Number, "staff_ref", $"{duplicate.Key.StaffRef} is listed twice for {duplicate.Key.PcnCode} {duplicate.Key.Role}."));
        }

        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem(null, null, null, "The file has a header but no baseline posts."));
        }

        if (problems.Count > 0)
        {
            return new ArrsBaselineImportResult(0, 0, 0, 0, 0, 0, problems.OrderBy(p => p.Row ?? 0).ToList());
        }

        var ids = pcns.Values.ToList();
        var existing = await db.ArrsBaselines.Where(b => ids.Contains(b.PcnId)).ToListAsync(cancellationToken);
        int added = 0, updated = 0;
        var kept = new HashSet<ArrsBaseline>();
        foreach (var row in rows)
        {
            var pcnId = pcns[row.PcnCode];
            var match = existing.FirstOrDefault(b => !kept.Contains(b) && b.PcnId == pcnId && b.RoleCode == row.Role && b.StaffRef == row.StaffRef);
            if (match is null)
            {
                db.ArrsBaselines.Add(new ArrsBaseline { PcnId = pcnId, RoleCode = row.Role, Wte = row.Wte, StaffRef = row.StaffRef, VacantFrom = row.VacantFrom });
                added++;
                continue;
            }

            kept.Add(match);
            if (match.Wte != row.Wte || match.VacantFrom != row.VacantFrom)
            {
                match.Wte = row.Wte;
                match.VacantFrom = row.VacantFrom;
                updated++;
            }
        }

        var removed = existing.Where(b => !kept.Contains(b)).ToList();
        db.ArrsBaselines.RemoveRange(removed);
        await db.SaveChangesAsync(cancellationToken);
        var years = await assessment.AssessAllYearsAsync(cancellationToken);
        return new ArrsBaselineImportResult(pcns.Count, rows.Count, added, updated, removed.Count, years, []);
    }

    private static List<Row> Parse(string text, List<ImportProblem> problems)
    {
        var rows = new List<Row>();
        var reader = new CsvRecordReader(text.TrimStart('\uFEFF'));
        try
        {
            if (!reader.Read() || reader.Record is null || reader.Record.All(string.IsNullOrWhiteSpace))
            {
                problems.Add(new ImportProblem(null, null, null, "The file is empty: it needs a header row and at least one baseline post."));
                return rows;
            }

            var index = CsvHeader.Index(reader.Record, Columns, Required, "baseline", problems);

            if (problems.Count > 0)
            {
                return rows;
            }

            while (reader.Read())
            {
                var record = reader.Record!;
                if (record.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                string Cell(string column) => index.TryGetValue(column, out var i) && i < record.Length ? record[i].Trim() : "";
                var number = reader.Row;
                var before = problems.Count;
                var pcn = Cell("pcn_code").ToUpperInvariant();
                if (pcn.Length == 0)
                {
                    problems.Add(new ImportProblem(null, number, "pcn_code", "Enter the PCN's ODS code, for example U12345."));
                }

                var role = Cell("role").ToUpperInvariant();
                if (role.Length == 0)
                {
                    problems.Add(new ImportProblem(null, number, "role", "Enter the role code, for example CLINICAL_PHARMACIST."));
                }

                var wteText = Cell("wte");
                if (!FormValues.TryParseWte(wteText, out var wte))
                {
                    problems.Add(new ImportProblem(null, number, "wte", $"'{wteText}' is not a WTE: enter a number more than 0 and no more than 1, with at most 4 decimal places, for example 0.6."));
                }

                var staffRef = Cell("staff_ref");
                if (staffRef.Length > 50)
                {
                    problems.Add(new ImportProblem(null, number, "staff_ref", "The staff reference must be 50 characters or fewer."));
                }

                DateOnly? vacantFrom = null;
                var vacantText = Cell("vacant_from");
                if (vacantText.Length > 0)
                {
                    if (FormDate.TryParseIso(vacantText, out var date))
                    {
                        vacantFrom = date;
                    }
                    else
                    {
                        problems.Add(new ImportProblem(null, number, "vacant_from", $"'{vacantText}' is not a date from {FormDate.Earliest.Year} to {FormDate.Latest.Year}; write it as YYYY-MM-DD."));
                    }
                }

                if (problems.Count == before)
                {
                    rows.Add(new Row(number, pcn, role, wte, staffRef.Length == 0 ? null : staffRef, vacantFrom));
                }
            }
        }
        catch (FormatException ex)
        {
            problems.Add(new ImportProblem(null, reader.Row + 1, null, $"The file is not valid CSV: {ex.Message}."));
        }

        return rows;
    }
}
