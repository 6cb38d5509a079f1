using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Claims.Review;

/// <summary>The contracts team's queue: filter, read each line's figures and outcomes, approve lines that pass everything in bulk.</summary>
[Authorize(Policy = PortalPolicies.Contracts)]
public sealed class IndexModel(PortalDbContext db, ArrsDecisionService decisions, ICurrentUser currentUser, DataVersionCache cache, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Pcn { get; set; }

    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    [BindProperty(SupportsGet = true)] public string? Role { get; set; }

    [BindProperty(SupportsGet = true)] public ArrsClaimStatus? Status { get; set; } = ArrsClaimStatus.Submitted;

    /// <summary>"ARRS-CAP:Warn" style filter on a rule outcome.</summary>
    [BindProperty(SupportsGet = true)] public string? Outcome { get; set; }

    [BindProperty(SupportsGet = true)] public int? DaysLeft { get; set; }

    /// <summary>The most working days the "days left" filter looks ahead (a year's working days).</summary>
    public const int MaxDaysLeft = 260;

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<QueueRow> Rows { get; private set; } = [];

    public Paging Paging { get; private set; }

    public int Total => Paging.Total;

    public DateOnly Today { get; private set; }

    public List<(string Code, string Name)> Pcns { get; private set; } = [];

    public List<string> Roles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Approves the listed lines that passed every rule and are unchanged since the page was loaded.</summary>
    public async Task<IActionResult> OnPostApproveAllAsync([FromForm] Dictionary<int, int> versions, CancellationToken cancellationToken)
    {
        var approved = await decisions.ApproveAllPassingAsync(versions, currentUser.Name, cancellationToken);
        TempData["Success"] = approved < 0
            ? "Someone else changed these lines while you were approving them; nothing was approved. The queue shows them as they are now."
            : $"{approved} {(approved == 1 ? "line" : "lines")} that passed every rule {(approved == 1 ? "was" : "were")} approved.";
        return Redirect(Request.Path + Request.QueryString);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today();
        Pcns = (await db.Pcns.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Code, p.Name }).ToListAsync(cancellationToken)).Select(p => (p.Code, p.Name)).ToList();
        Roles = await db.ArrsRoles.AsNoTracking().OrderBy(r => r.Code).Select(r => r.Code).ToListAsync(cancellationToken);
        var query = db.ArrsClaimLines.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Pcn))
        {
            query = query.Where(l => l.Pcn!.Code == Pcn);
        }

        if (FormDate.TryParseIsoMonth(Month, out var month))
        {
            query = query.Where(l => l.Month == month);
        }

        if (!string.IsNullOrWhiteSpace(Role))
        {
            query = query.Where(l => l.RoleCode == Role);
        }

        if (Status is { } status)
        {
            query = query.Where(l => l.Status == status);
        }

        if (Outcome?.Split(':') is [var code, var severityText] && Enum.TryParse<RuleSeverity>(severityText, out var severity))
        {
            query = query.Where(l => l.Outcomes.Any(o => o.Code == code && o.Severity == severity));
        }

        if (DaysLeft is { } days and >= 0)
        {
            // Every line is due 5 working days after it was submitted: a longer filter than a year of working days selects the
            // same lines, and keeps the date arithmetic inside the calendar (DaysLeft=2147483647).
            var by = WorkingDays.AddWorkingDays(Today, Math.Min(days, MaxDaysLeft));
            query = query.Where(l => l.DueOn <= by);
        }

        // Counting a national year of submitted lines reads the whole index: keep the count until the data changes.
        var countKey = $"claims-review-count:{Pcn}|{month:yyyy-MM}|{Role}|{Status}|{Outcome}|{DaysLeft}|{Today:yyyy-MM-dd}";
        Paging = Paging.For(await cache.GetOrComputeAsync(db, countKey, () => query.CountAsync(cancellationToken), cancellationToken), PageSize, PageNumber);
        PageNumber = Paging.PageNumber;
        var rows = await query.OrderBy(l => l.DueOn).ThenBy(l => l.PcnId).ThenBy(l => l.Month).ThenBy(l => l.Id) // index order (Status, DueOn, PcnId, Month)
            .Skip(Paging.Skip).Take(PageSize)
            .Select(l => new
            {
                l.Id,
                l.Version,
                PcnCode = l.Pcn!.Code,
                PcnName = l.Pcn.Name,
                l.Month,
                l.StaffName,
                l.RoleCode,
                l.Wte,
                l.ClaimedCost,
                l.Rate,
                l.MaxForPeriod,
                l.Reimbursable,
                l.Status,
                l.WorstOutcome,
                l.DueOn,
                Outcomes = l.Outcomes.Select(o => new ArrsClaimOutcome { Code = o.Code, Severity = o.Severity, Explanation = o.Explanation }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var order = ArrsAssessment.RuleCodes.ToList();
        Rows = rows.Select(r => new QueueRow(
            r.Id, r.Version, r.PcnCode, r.PcnName, r.Month, r.StaffName, r.RoleCode, r.Wte, r.ClaimedCost, r.Rate, r.MaxForPeriod, r.Reimbursable,
            r.Status, r.WorstOutcome, r.DueOn, r.Status == ArrsClaimStatus.Submitted ? WorkingDays.Between(Today, r.DueOn) : null,
            r.Outcomes.OrderBy(o => order.IndexOf(o.Code)).ToList())).ToList();
    }

    public string PageLink(int page) =>
        $"/claims/review?Pcn={Uri.EscapeDataString(Pcn ?? "")}&Month={Uri.EscapeDataString(Month ?? "")}&Role={Uri.EscapeDataString(Role ?? "")}&Status={Status}&Outcome={Uri.EscapeDataString(Outcome ?? "")}&DaysLeft={DaysLeft}&p={page}";

    public sealed record QueueRow(
        int Id, int Version, string PcnCode, string PcnName, DateOnly Month, string StaffName, string Role, decimal Wte, decimal ClaimedCost, decimal Rate,
        decimal MaxForPeriod, decimal Reimbursable, ArrsClaimStatus Status, RuleSeverity Worst, DateOnly DueOn, int? DaysLeft, List<ArrsClaimOutcome> Outcomes);
}
