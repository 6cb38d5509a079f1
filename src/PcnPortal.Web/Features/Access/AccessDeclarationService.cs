using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Access;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Files;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Features.Access;

/// <summary>One month's declared figures.</summary>
public sealed record AccessMonthFigures(DateOnly Month, int Offered, int Booked, int Attended, int DidNotAttend, int MinutesDelivered);

public sealed record AccessImportResult(int Rows, int Pcns, int DeclarationsCreated, int MonthsAdded, int MonthsReplaced, int QuartersCompleted, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Quarterly access declarations: a PCN user declares their own PCN's quarter in the browser (all three months, once the
/// quarter has ended); <c>import-access-declarations</c> loads a month's or a quarter's rows for any PCNs, all or nothing.
/// A month declared again replaces the figures held (audited). A quarter is completed on the day its third month arrives.
/// </summary>
public sealed class AccessDeclarationService(PortalDbContext db, PcnScope scope, ICurrentUser currentUser, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Columns = ["pcn_code", "month", "offered", "booked", "attended", "did_not_attend", "minutes_delivered"];

    public async Task<FormResult> DeclareQuarterAsync(string pcnCode, AccessQuarter quarter, IReadOnlyList<AccessMonthFigures> months, CancellationToken cancellationToken)
    {
        if (!scope.IsOwn(pcnCode))
        {
            return FormResult.Fail("", "Only the PCN's own manager or clinical director can declare its appointments.");
        }

        var today = clock.Today();
        if (quarter.LastDay >= today)
        {
            return FormResult.Fail("", $"{quarter} has not ended yet: declare it from {AccessText.Date(quarter.LastDay.AddDays(1))}.");
        }

        if (quarter.LastDay < PublishedAccessSchedule.ExtendedHoursStart)
        {
            return FormResult.Fail("", $"Nothing is declared before extended hours began on {AccessText.Date(PublishedAccessSchedule.ExtendedHoursStart)}.");
        }

        if (months.Count != 3 || !months.Select(m => m.Month).SequenceEqual(quarter.Months))
        {
            return FormResult.Fail("", $"Enter the figures for each month of {quarter}.");
        }

        var pcnId = await db.Pcns.Where(p => p.Code == pcnCode).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (pcnId is null)
        {
            return FormResult.Fail("", $"{pcnCode} is not a PCN the portal knows.");
        }

        var declarations = await LoadAsync([pcnId.Value], cancellationToken);
        Apply(declarations, pcnId.Value, months, today, currentUser.Name);
        await db.SaveChangesAsync(cancellationToken);
        return FormResult.Success;
    }

    public async Task<AccessImportResult> ImportCsvAsync(string text, string actor, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        var rows = Parse(text, problems);
        var today = clock.Today();
        var codes = rows.Select(r => r.PcnCode).Distinct().ToList();
        var pcns = await db.Pcns.Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        foreach (var row in rows)
        {
            if (!pcns.ContainsKey(row.PcnCode))
            {
                problems.Add(new ImportProblem(null, row.Number, "pcn_code", $"{row.PcnCode} is not a PCN the portal knows."));
            }

            if (row.Figures.Month < PublishedAccessSchedule.ExtendedHoursStart)
            {
                problems.Add(new ImportProblem(null, row.Number, "month", $"{AccessText.Month(row.Figures.Month)} is before extended hours began in July 2019."));
            }
            else if (row.Figures.Month.AddMonths(1) > today)
            {
                problems.Add(new ImportProblem(null, row.Number, "month", $"{AccessText.Month(row.Figures.Month)} has not ended yet."));
            }
        }

        foreach (var duplicate in rows.GroupBy(r => (r.PcnCode, r.Figures.Month)).Where(g => g.Count() > 1))
        {
            problems.Add(new ImportProblem(null, duplicate.Skip(1).First().Number, "month", $"{duplicate.Key.PcnCode} {AccessText.Month(duplicate.Key.Month)} is in the file more than once (first on row {duplicate.First().Number})."));
        }

        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem(null, null, null, "The file has a header but no declarations."));
        }

        if (problems.Count > 0)
        {
            return new AccessImportResult(0, 0, 0, 0, 0, 0, [.. problems.OrderBy(p => p.Row ?? 0)]);
        }

        var declarations = await LoadAsync([.. pcns.Values], cancellationToken);
        var created = 0;
        var added = 0;
        var replaced = 0;
        var completed = 0;
        foreach (var group in rows.GroupBy(r => pcns[r.PcnCode]))
        {
            var counts = Apply(declarations, group.Key, [.. group.Select(r => r.Figures)], today, actor);
            created += counts.Created;
            added += counts.Added;
            replaced += counts.Replaced;
            completed += counts.Completed;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new AccessImportResult(rows.Count, pcns.Count, created, added, replaced, completed, []);
    }

    private async Task<List<AccessDeclaration>> LoadAsync(IReadOnlyCollection<int> pcnIds, CancellationToken cancellationToken) =>
        await db.AccessDeclarations.Include(d => d.Months).Where(d => pcnIds.Contains(d.PcnId)).ToListAsync(cancellationToken);

    private (int Created, int Added, int Replaced, int Completed) Apply(List<AccessDeclaration> declarations, int pcnId, IReadOnlyList<AccessMonthFigures> months, DateOnly today, string actor)
    {
        int created = 0, added = 0, replaced = 0, completed = 0;
        foreach (var byQuarter in months.GroupBy(m => AccessQuarter.Containing(m.Month)))
        {
            var declaration = declarations.FirstOrDefault(d => d.PcnId == pcnId && d.QuarterStart == byQuarter.Key.FirstDay);
            if (declaration is null)
            {
                declaration = new AccessDeclaration { PcnId = pcnId, QuarterStart = byQuarter.Key.FirstDay, FirstSubmittedOn = today, SubmittedBy = actor };
                declarations.Add(declaration);
                db.AccessDeclarations.Add(declaration);
                created++;
            }
            else
            {
                declaration.SubmittedBy = actor;
            }

            foreach (var figures in byQuarter)
            {
                var month = declaration.Months.FirstOrDefault(m => m.Month == figures.Month);
                if (month is null)
                {
                    month = new AccessDeclarationMonth { Month = figures.Month };
                    declaration.Months.Add(month);
                    added++;
                }
                else
                {
                    replaced++;
                }

                month.Offered = figures.Offered;
                month.Booked = figures.Booked;
                month.Attended = figures.Attended;
                month.DidNotAttend = figures.DidNotAttend;
                month.MinutesDelivered = figures.MinutesDelivered;
            }

            if (declaration.CompletedOn is null && declaration.Months.Count == 3)
            {
                declaration.CompletedOn = today;
                completed++;
            }
        }

        return (created, added, replaced, completed);
    }

    private sealed record Row(int Number, string PcnCode, AccessMonthFigures Figures);

    private static List<Row> Parse(string text, List<ImportProblem> problems)
    {
        var rows = new List<Row>();
        var reader = new CsvRecordReader(text.TrimStart('\uFEFF'));
        try
        {
            if (!reader.Read() || reader.Record is null || reader.Record.All(string.IsNullOrWhiteSpace))
            {
                problems.Add(new ImportProblem(null, null, null, $"The file is empty: it needs a header row ({string.Join(", ", Columns)}) and at least one row."));
                return rows;
            }

            var index = CsvHeader.Index(reader.Record, Columns, Columns, "declaration", problems);

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

                var monthText = Cell("month");
                if (!FormDate.TryParseIsoMonth(monthText, out var month))
                {
                    problems.Add(new ImportProblem(null, number, "month", $"'{monthText}' is not a month: write it as YYYY-MM, for example 2022-10."));
                }

                int Count(string column)
                {
                    var cell = Cell(column);
                    if (int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 1_000_000)
                    {
                        return value;
                    }

                    problems.Add(new ImportProblem(null, number, column, $"'{cell}' is not a whole number from 0 to 1,000,000."));
                    return 0;
                }

                var figures = new AccessMonthFigures(month, Count("offered"), Count("booked"), Count("attended"), Count("did_not_attend"), Count("minutes_delivered"));
                if (problems.Count == before)
                {
                    foreach (var (field, message) in AccessDeclarationChecks.Check(figures.Offered, figures.Booked, figures.Attended, figures.DidNotAttend, figures.MinutesDelivered))
                    {
                        problems.Add(new ImportProblem(null, number, field, message));
                    }
                }

                if (problems.Count == before)
                {
                    rows.Add(new Row(number, pcn, figures));
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
