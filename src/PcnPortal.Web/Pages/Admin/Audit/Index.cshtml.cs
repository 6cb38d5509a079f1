using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Infrastructure.Auditing;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Admin.Audit;

[Authorize(Policy = PortalPolicies.Administration)]
public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public List<AuditRow> Entries { get; private set; } = [];

    public List<string> Entities { get; private set; } = [];

    public int Total { get; private set; }

    public async Task OnGetAsync()
    {
        Entities = await db.AuditEntries.Select(a => a.Entity).Distinct().OrderBy(e => e).ToListAsync();
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

        if (!string.IsNullOrWhiteSpace(From))
        {
            if (FormDate.TryParseIso(From, out var from))
            {
                var start = from.ToDateTime(TimeOnly.MinValue);
                query = query.Where(a => a.At >= start);
            }
            else
            {
                ModelState.AddModelError(nameof(From), "Enter the date as YYYY-MM-DD, for example 2026-04-01");
            }
        }

        PageNumber = Math.Max(1, PageNumber);
        Total = await query.CountAsync();
        var entries = await query.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
        Entries = entries.Select(AuditRow.From).ToList();
    }

    /// <summary>One change as a person reads it: each changed field with its value before and after.</summary>
    public sealed record AuditRow(DateTime At, string Actor, string Action, string Entity, string EntityKey, IReadOnlyList<FieldChange> Fields)
    {
        public static AuditRow From(AuditEntry entry)
        {
            var before = Parse(entry.Before);
            var after = Parse(entry.After);
            var fields = before.Keys.Union(after.Keys)
                .Select(k => new FieldChange(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
                .Where(f => f.Before is not null || f.After is not null)
                .ToList();
            return new AuditRow(entry.At, entry.Actor, entry.Action, entry.Entity, entry.EntityKey, fields);
        }

        private static Dictionary<string, string?> Parse(string? json)
        {
            if (string.IsNullOrEmpty(json))
            {
                return [];
            }

            using var document = System.Text.Json.JsonDocument.Parse(json);
            return document.RootElement.EnumerateObject().ToDictionary(
                p => p.Name,
                p => p.Value.ValueKind == System.Text.Json.JsonValueKind.Null ? null : p.Value.ToString());
        }
    }

    public sealed record FieldChange(string Field, string? Before, string? After);

    public string PageUrl(int page) =>
        QueryString.Create(new Dictionary<string, string?> { ["Entity"] = Entity, ["Key"] = Key, ["Actor"] = Actor, ["From"] = From, ["pageNumber"] = page.ToString(CultureInfo.InvariantCulture) }).Value!;
}
