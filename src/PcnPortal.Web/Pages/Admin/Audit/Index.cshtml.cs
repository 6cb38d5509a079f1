using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Auditing;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Files;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Admin.Audit;

/// <summary>
/// /admin/audit: every change and sign-in event in words, newest first, filtered by what changed, record, who and a date
/// range (UK dates, both ends included), 50 a page; the same filter downloads as CSV with the recorded values.
/// </summary>
[Authorize(Policy = PortalPolicies.Administration)]
public sealed class IndexModel(PortalDbContext db, AuditDescriber describer, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Rows written per database read while streaming the CSV export.</summary>
    private const int ExportBatch = 2000;

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateParts From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateParts To { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public List<AuditLine> Entries { get; private set; } = [];

    public List<string> Entities { get; private set; } = [];

    public int Total { get; private set; }

    public Paging Paging { get; private set; } = Paging.For(0, PageSize, 1);

    /// <summary>What the "What changed" list shows for an entity name: sign-ins and account events for "Account", else the name in words.</summary>
    public static string EntityLabel(string entity) => entity == AccountAudit.Entity ? "Sign-ins and account events" : AuditWording.Words(entity);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Entities = await db.AuditEntries.Select(a => a.Entity).Distinct().ToListAsync(cancellationToken);
        Entities = Entities.OrderBy(EntityLabel, StringComparer.OrdinalIgnoreCase).ToList();
        if (Filtered() is not { } query)
        {
            return;
        }

        Total = await query.CountAsync(cancellationToken);
        Paging = Paging.For(Total, PageSize, PageNumber);
        var entries = await query.OrderByDescending(a => a.Id).Skip(Paging.Skip).Take(PageSize).ToListAsync(cancellationToken);
        Entries = await describer.DescribeAsync(entries, cancellationToken);
    }

    /// <summary>GET /admin/audit?handler=csv with the page's filters: every matching row, newest first, streamed.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (Filtered() is not { } query)
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{clock.Today():yyyy-MM-dd}.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteAsync(CsvCells.Line(["When (UK time)", "When (UTC)", "Who", "Action", "Record", "Record key", "What happened", "Before (as recorded)", "After (as recorded)"]) + "\r\n");
        long? before = null;
        while (true)
        {
            var batchQuery = before is { } last ? query.Where(a => a.Id < last) : query;
            var batch = await batchQuery.OrderByDescending(a => a.Id).Take(ExportBatch).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var line in await describer.DescribeAsync(batch, cancellationToken))
            {
                await writer.WriteAsync(CsvCells.Line([
                    line.AtUk.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    line.AtUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                    line.Actor, line.Action, line.Entity, line.EntityKey, line.Summary, line.RawBefore, line.RawAfter,
                ]) + "\r\n");
            }

            before = batch[^1].Id;
            db.ChangeTracker.Clear();
        }

        return new EmptyResult();
    }

    /// <summary>The rows the filters select, or null (with the error on the page) when a date is not a real date or the range is back to front.</summary>
    private IQueryable<AuditEntry>? Filtered()
    {
        IQueryable<AuditEntry> query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Entity))
        {
            query = query.Where(a => a.Entity == Entity);
        }

        if (!string.IsNullOrWhiteSpace(Key))
        {
            query = query.Where(a => a.EntityKey == Key.Trim());
        }

        if (!string.IsNullOrWhiteSpace(Actor))
        {
            query = query.Where(a => a.Actor.Contains(Actor.Trim()));
        }

        var from = FormDate.Parse(From, "the first date", required: false);
        var to = FormDate.Parse(To, "the last date", required: false);
        if (!from.IsValid)
        {
            ModelState.AddModelError(nameof(From), from.Error!);
        }

        if (!to.IsValid)
        {
            ModelState.AddModelError(nameof(To), to.Error!);
        }

        if (from.Value is { } first && to.Value is { } lastDay && lastDay < first)
        {
            ModelState.AddModelError(nameof(To), "The last date must be the same as or after the first date");
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        // Dates are UK dates: a day runs from its midnight in the UK (BST or GMT) to the next, held in UTC.
        if (from.Value is { } start)
        {
            var startUtc = UkMidnightUtc(start);
            query = query.Where(a => a.At >= startUtc);
        }

        if (to.Value is { } end)
        {
            var endUtc = UkMidnightUtc(end.AddDays(1));
            query = query.Where(a => a.At < endUtc);
        }

        return query;
    }

    private static DateTime UkMidnightUtc(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(date.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), UkClock.TimeZone);

    private Dictionary<string, string?> Query(int? page = null) => new()
    {
        ["Entity"] = Entity,
        ["Key"] = Key,
        ["Actor"] = Actor,
        ["From.Day"] = From.Day,
        ["From.Month"] = From.Month,
        ["From.Year"] = From.Year,
        ["To.Day"] = To.Day,
        ["To.Month"] = To.Month,
        ["To.Year"] = To.Year,
        ["pageNumber"] = page?.ToString(CultureInfo.InvariantCulture),
    };

    public string PageUrl(int page) => QueryString.Create(Query(page).Where(p => !string.IsNullOrEmpty(p.Value))).Value!;

    public string CsvUrl => "/admin/audit" + QueryString.Create(Query().Append(new("handler", "csv")).Where(p => !string.IsNullOrEmpty(p.Value))).Value;
}
