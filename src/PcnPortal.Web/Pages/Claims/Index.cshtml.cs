using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Claims;

/// <summary>
/// A PCN's claim lines for a year with status and what the rules allow, queried lines (waiting for the PCN's answer)
/// first; above them the PCN's ARR Sum, what its claims use, what remains and the forecast to year end. PCN users see
/// their own PCN only.
/// </summary>
[Authorize(Policy = PortalPolicies.PcnOrCommissioner)]
public sealed class IndexModel(PortalDbContext db, PcnScope scope, ArrsEntitlementQuery entitlements, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Pcn { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    public FinancialYear SelectedYear { get; private set; }

    public string? PcnName { get; private set; }

    public IReadOnlyList<(string Code, string Name)> Pcns { get; private set; } = [];

    public List<LineRow> Lines { get; private set; } = [];

    public bool CanSubmit => scope.IsPcnUser;

    /// <summary>Whether this user may read staff names and pay (#15.14): not committee secretaries or panel members.</summary>
    public bool ShowStaffPay => SensitiveFields.CanSeeStaffPay(User);

    /// <summary>The PCN's spend against its ARR Sum for the year (null when the PCN is not open in the year).</summary>
    public PcnEntitlement? Entitlement { get; private set; }

    public EntitlementReport? Report { get; private set; }

    public int QueriedCount => Lines.Count(l => l.Status == ArrsClaimStatus.Queried);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var choice = await scope.ChooseAsync(Pcn, cancellationToken);
        if (choice.IsRefused)
        {
            return Forbid();
        }

        Pcn = choice.PcnCode;
        Pcns = choice.Choices;

        SelectedYear = FinancialYear.TryParse(Year, out var year) ? year : FinancialYear.Containing(clock.Today());
        PcnName = await db.Pcns.Where(p => p.Code == Pcn).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
        if (PcnName is null)
        {
            return NotFound();
        }

        Lines = await db.ArrsClaimLines.AsNoTracking()
            .Where(l => l.Pcn!.Code == Pcn && l.FinancialYearStart == SelectedYear.StartYear)
            .OrderBy(l => l.Status == ArrsClaimStatus.Queried ? 0 : 1).ThenByDescending(l => l.Month).ThenBy(l => l.StaffName).ThenBy(l => l.Id)
            .Select(l => new LineRow(l.Id, l.Month, l.StaffName, l.StaffRef, l.RoleCode, l.Wte, l.ClaimedCost, l.Reimbursable, l.Status, l.WorstOutcome, l.DueOn, l.OverrideReason != null))
            .ToListAsync(cancellationToken);
        Report = await entitlements.GetAsync(SelectedYear, Pcn, cancellationToken: cancellationToken);
        Entitlement = Report.Pcns.FirstOrDefault();
        return Page();
    }

    public sealed record LineRow(int Id, DateOnly Month, string StaffName, string StaffRef, string Role, decimal Wte, decimal ClaimedCost, decimal Reimbursable, ArrsClaimStatus Status, RuleSeverity Worst, DateOnly DueOn, bool Overridden);
}
