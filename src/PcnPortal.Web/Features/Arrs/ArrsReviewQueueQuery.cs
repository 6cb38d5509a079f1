using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Web;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Features.Arrs;

/// <summary>
/// Where a reviewer is in the review queue: the filters, the column it is sorted by and the page. Carried from the
/// queue to a line's decision page and back, so "Next line" and "Back to queue" keep the same filtered order.
/// </summary>
public sealed class ReviewQueueState
{
    public const string DefaultSort = "outcome";

    /// <summary>The sortable columns, by their URL name; the default is worst outcome (failures first), then due date.</summary>
    public static readonly IReadOnlyList<string> SortColumns = ["pcn", "person", "role", "month", "claimed", "reimbursable", "outcome", "due"];

    public string? Pcn { get; set; }

    public string? Month { get; set; }

    public string? Role { get; set; }

    public ArrsClaimStatus? Status { get; set; } = ArrsClaimStatus.Submitted;

    /// <summary>"ARRS-CAP:Warn" style filter on a rule outcome.</summary>
    public string? Outcome { get; set; }

    public int? DaysLeft { get; set; }

    /// <summary>Only lines whose person (staff reference) is also claimed by another PCN in the same month.</summary>
    public bool SharedStaff { get; set; }

    /// <summary>The column sorted by (<see cref="SortColumns"/>); unknown or blank is the default.</summary>
    public string? Sort { get; set; }

    /// <summary>"asc" or "desc"; blank is the column's natural direction (failures and the biggest sums first).</summary>
    public string? Dir { get; set; }

    /// <summary>The queue page, counting from 1.</summary>
    public int P { get; set; } = 1;

    public string SortColumn => Sort is { } s && SortColumns.Contains(s) ? s : DefaultSort;

    /// <summary>Whether the sorted column runs from high to low.</summary>
    public bool Descending => Dir switch
    {
        "asc" => false,
        "desc" => true,
        _ => NaturallyDescending(SortColumn),
    };

    public static bool NaturallyDescending(string column) => column is "outcome" or "claimed" or "reimbursable" or "month";

    /// <summary>The query string (with "?") for this state, optionally on another page or sorted another way.</summary>
    public string ToQuery(int? page = null, string? sort = null, string? dir = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("Pcn", Pcn);
        Add("Month", Month);
        Add("Role", Role);
        parts.Add($"Status={Status}"); // blank means any status; absent means the default (Submitted)
        Add("Outcome", Outcome);
        Add("DaysLeft", DaysLeft?.ToString(CultureInfo.InvariantCulture));
        Add("SharedStaff", SharedStaff ? "true" : null);
        Add("Sort", sort ?? Sort);
        Add("Dir", sort is null ? dir ?? Dir : dir);
        var p = page ?? P;
        if (p > 1)
        {
            parts.Add($"P={p.ToString(CultureInfo.InvariantCulture)}");
        }

        return "?" + string.Join("&", parts);
    }
}

/// <summary>One row of the review queue table.</summary>
public sealed record ReviewQueueRow(
    int Id, int Version, string PcnCode, string PcnName, DateOnly Month, string StaffName, string RoleCode, string RoleName, decimal ClaimedCost,
    decimal Reimbursable, ArrsClaimStatus Status, RuleSeverity Worst, IReadOnlyList<string> WorstRules, DateOnly DueOn, int? DaysLeft)
{
    /// <summary>The person (staff reference) is also claimed by another PCN in the same month (ADR 0012).</summary>
    public bool ClaimedByAnotherPcn { get; init; }
}

/// <summary>A page of the review queue with its paging.</summary>
public sealed record ReviewQueuePage(IReadOnlyList<ReviewQueueRow> Rows, Paging Paging);

/// <summary>The line after the current one in the queue's order, and its position in the queue (counting from 0).</summary>
public sealed record ReviewQueueNext(int Id, int Index)
{
    /// <summary>The queue page the line is on; one row earlier when the decided line has just left the queue.</summary>
    public int PageAfter(bool decidedLineLeft) => ((decidedLineLeft && Index > 0 ? Index - 1 : Index) / ArrsReviewQueueQuery.PageSize) + 1;
}

/// <summary>
/// The contracts team's review queue: claim lines filtered by PCN, month, role, status, rule outcome, days left and
/// whether the person is also claimed by another PCN that month (each row flagged when so),
/// sorted by any column (default: failures first, then due date), 50 to a page. The decision page asks it for the next
/// line in the same order. Counting a national year of lines reads the whole index, so the count is kept in
/// <see cref="DataVersionCache"/> until the data changes.
/// </summary>
public sealed class ArrsReviewQueueQuery(PortalDbContext db, DataVersionCache cache, TimeProvider clock, ArrsSharedStaffQuery sharedStaff)
{
    public const int PageSize = 50;

    /// <summary>The most working days the "days left" filter looks ahead (a year's working days).</summary>
    public const int MaxDaysLeft = 260;

    public async Task<ReviewQueuePage> GetPageAsync(ReviewQueueState state, CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var query = Filtered(state, today);
        var countKey = $"claims-review-count:{state.Pcn}|{state.Month}|{state.Role}|{state.Status}|{state.Outcome}|{state.DaysLeft}|{state.SharedStaff}|{today:yyyy-MM-dd}";
        var paging = Paging.For(await cache.GetOrComputeAsync(db, countKey, () => query.CountAsync(cancellationToken), cancellationToken), PageSize, state.P);
        state.P = paging.PageNumber;
        var rows = await Sorted(query, state).Skip(paging.Skip).Take(PageSize)
            .Select(l => new
            {
                l.Id,
                l.Version,
                PcnCode = l.Pcn!.Code,
                PcnName = l.Pcn.Name,
                l.Month,
                l.StaffName,
                l.RoleCode,
                l.ClaimedCost,
                l.Reimbursable,
                l.Status,
                l.WorstOutcome,
                l.DueOn,
                l.RuleChecks,
                Shared = db.ArrsClaimLines.Any(o => o.StaffRef == l.StaffRef && o.Month == l.Month && o.PcnId != l.PcnId && o.Status != ArrsClaimStatus.Rejected),
            })
            .ToListAsync(cancellationToken);

        // The rules that gave the worst outcome, from each line's stored checks; lines last assessed before checks were
        // stored compactly (ADR 0014) have outcome rows instead, read in one more query only when there are any.
        var legacyIds = rows.Where(r => r.RuleChecks is null && r.WorstOutcome != RuleSeverity.Pass).Select(r => r.Id).ToList();
        var legacyRows = legacyIds.Count == 0
            ? []
            : await db.ArrsClaimOutcomes.AsNoTracking().Where(o => legacyIds.Contains(o.ClaimLineId) && o.Severity != RuleSeverity.Pass)
                .Select(o => new LegacyOutcome(o.ClaimLineId, o.Code, o.Severity)).ToListAsync(cancellationToken);
        var legacy = legacyRows.ToLookup(o => o.ClaimLineId);
        var roleNames = await RoleNamesAsync(cancellationToken);
        var order = PcnPortal.Domain.Arrs.Engine.ArrsAssessment.RuleCodes.ToList();
        return new ReviewQueuePage(
            rows.Select(r => new ReviewQueueRow(
                r.Id, r.Version, r.PcnCode, r.PcnName, r.Month, r.StaffName, r.RoleCode, roleNames.GetValueOrDefault(r.RoleCode, r.RoleCode), r.ClaimedCost,
                r.Reimbursable, r.Status, r.WorstOutcome,
                r.WorstOutcome == RuleSeverity.Pass ? []
                    : r.RuleChecks is { } checks ? ArrsStoredAssessment.CodesWith(checks, r.WorstOutcome)
                    : [.. legacy[r.Id].Where(o => o.Severity == r.WorstOutcome).Select(o => o.Code).OrderBy(order.IndexOf)],
                r.DueOn,
                r.Status == ArrsClaimStatus.Submitted ? DaysLeft(today, r.DueOn) : null)
            { ClaimedByAnotherPcn = r.Shared }).ToList(),
            paging);
    }

    /// <summary>Working days left until the line is due: 0 on the day, negative when overdue.</summary>
    public static int DaysLeft(DateOnly today, DateOnly dueOn) => dueOn < today ? -WorkingDays.Between(dueOn, today) : WorkingDays.Between(today, dueOn);

    /// <summary>The role codes and their names ("SPLW" → "Social prescribing link worker").</summary>
    public async Task<Dictionary<string, string>> RoleNamesAsync(CancellationToken cancellationToken = default) =>
        await db.ArrsRoles.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Name, StringComparer.Ordinal, cancellationToken);

    /// <summary>
    /// The line after <paramref name="lineId"/> in the queue's filtered order, read from a window of the pages around
    /// the state's page (ask before deciding the line, while it is still in the queue). When the line is not in that
    /// window, the first other line of the state's page. Null when the queue holds nothing else.
    /// </summary>
    public async Task<ReviewQueueNext?> NextAsync(ReviewQueueState state, int lineId, CancellationToken cancellationToken = default)
    {
        var query = Sorted(Filtered(state, clock.Today()), state);
        var page = Math.Max(1, state.P);
        var start = (page - 2) * PageSize;
        start = start < 0 ? 0 : start;
        var window = await query.Skip(start).Take((3 * PageSize) + 1).Select(l => l.Id).ToListAsync(cancellationToken);
        var at = window.IndexOf(lineId);
        var next = at >= 0
            ? at + 1
            : Enumerable.Range(0, window.Count).Where(i => start + i >= (page - 1) * PageSize && window[i] != lineId).DefaultIfEmpty(-1).First();
        return next < 0 || next >= window.Count ? null : new ReviewQueueNext(window[next], start + next);
    }

    /// <summary>The lines on the state's queue page that are waiting and passed every rule (what bulk approval offers).</summary>
    public async Task<IReadOnlyList<ReviewQueueRow>> PassingOnPageAsync(ReviewQueueState state, CancellationToken cancellationToken = default)
    {
        var page = await GetPageAsync(state, cancellationToken);
        return page.Rows.Where(r => r.Status == ArrsClaimStatus.Submitted && r.Worst == RuleSeverity.Pass && r.Reimbursable > 0m).ToList();
    }

    private IQueryable<ArrsClaimLine> Filtered(ReviewQueueState state, DateOnly today)
    {
        var query = db.ArrsClaimLines.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(state.Pcn))
        {
            var pcnCode = state.Pcn.Trim().ToUpperInvariant(); // typed in a search box: u12345 is U12345
            query = query.Where(l => l.Pcn!.Code == pcnCode);
        }

        if (FormDate.TryParseIsoMonth(state.Month, out var month))
        {
            query = query.Where(l => l.Month == month);
        }

        if (!string.IsNullOrWhiteSpace(state.Role))
        {
            query = query.Where(l => l.RoleCode == state.Role);
        }

        if (state.Status is { } status)
        {
            query = query.Where(l => l.Status == status);
        }

        if (state.Outcome?.Split(':') is [var code, var severityText] && Enum.TryParse<RuleSeverity>(severityText, out var severity))
        {
            // The rule's state letter in the stored checks (ADR 0014), or an outcome row for a line assessed before them.
            var offset = ArrsStoredAssessment.StateOffset(code);
            var letter = ArrsStoredAssessment.StateLetter(severity);
            query = query.Where(l => (l.RuleChecks != null && l.RuleChecks.Substring(offset, 1) == letter)
                || (l.RuleChecks == null && l.Outcomes.Any(o => o.Code == code && o.Severity == severity)));
        }

        if (state.DaysLeft is { } days and >= 0)
        {
            // Every line is due 5 working days after it was submitted: a longer filter than a year of working days selects the
            // same lines, and keeps the date arithmetic inside the calendar (DaysLeft=2147483647).
            var by = WorkingDays.AddWorkingDays(today, Math.Min(days, MaxDaysLeft));
            query = query.Where(l => l.DueOn <= by);
        }

        if (state.SharedStaff)
        {
            query = sharedStaff.ClaimedByAnotherPcn(query);
        }

        return query;
    }

    /// <summary>The chosen column in its direction, then due date, PCN, month and id so that the order is total and stable.</summary>
    private IQueryable<ArrsClaimLine> Sorted(IQueryable<ArrsClaimLine> query, ReviewQueueState state)
    {
        var desc = state.Descending;
        var roles = db.ArrsRoles;
        IOrderedQueryable<ArrsClaimLine> ordered = state.SortColumn switch
        {
            "pcn" => By(query, l => l.Pcn!.Name, desc),
            "person" => By(query, l => l.StaffName, desc),
            "role" => By(query, l => roles.Where(r => r.Code == l.RoleCode).Select(r => r.Name).FirstOrDefault(), desc),
            "month" => By(query, l => l.Month, desc),
            "claimed" => By(query, l => l.ClaimedCost, desc),
            "reimbursable" => By(query, l => l.Reimbursable, desc),
            "due" => By(query, l => l.DueOn, desc),
            _ => By(query, l => l.WorstOutcome, desc),
        };
        return ordered.ThenBy(l => l.DueOn).ThenBy(l => l.PcnId).ThenBy(l => l.Month).ThenBy(l => l.Id);
    }

    private static IOrderedQueryable<ArrsClaimLine> By<TKey>(IQueryable<ArrsClaimLine> query, Expression<Func<ArrsClaimLine, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);

    private sealed record LegacyOutcome(int ClaimLineId, string Code, RuleSeverity Severity);
}
