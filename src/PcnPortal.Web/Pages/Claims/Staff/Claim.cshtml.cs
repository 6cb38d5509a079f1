using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Claims.Staff;

/// <summary>
/// One month's claim for one member of staff, prefilled from their last claim. The form is turned into one row of
/// the claim-lines CSV and submitted through <see cref="ArrsClaimSubmissionService"/>: the same checks as an upload.
/// </summary>
[Authorize(Policy = PortalPolicies.PcnUser)]
public sealed class ClaimModel(PortalDbContext db, PcnScope scope, ArrsClaimSubmissionService submissions, TimeProvider clock) : PageModel
{
    private static readonly Dictionary<string, string> FieldFor = new(StringComparer.Ordinal)
    {
        ["month"] = "Input.Month",
        ["wte"] = "Input.Wte",
        ["salary"] = "Input.Salary",
        ["employer_ni"] = "Input.EmployerNi",
        ["employer_pension"] = "Input.EmployerPension",
        ["other_on_costs"] = "Input.OtherOnCosts",
        ["third_party_fee"] = "Input.ThirdPartyFee",
        ["notes"] = "Input.Notes",
    };

    [BindProperty]
    public ClaimForm Input { get; set; } = new();

    public ArrsStaffMember Member { get; private set; } = null!;

    public DateOnly? PrefilledFrom { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var last = await db.ArrsClaimLines.AsNoTracking().Where(l => l.StaffMemberId == id && l.Status != ArrsClaimStatus.Rejected)
            .OrderByDescending(l => l.Month).ThenByDescending(l => l.Id).FirstOrDefaultAsync(cancellationToken);
        var today = clock.Today();
        var money = (decimal m) => m.ToString("0.00", CultureInfo.InvariantCulture);
        Input = new ClaimForm
        {
            Month = (last?.Month.AddMonths(1) ?? new DateOnly(today.Year, today.Month, 1).AddMonths(-1)).ToString("yyyy-MM", CultureInfo.InvariantCulture),
            Wte = Member.Wte.ToString("0.##", CultureInfo.InvariantCulture),
            Salary = last is null ? null : money(last.Salary),
            EmployerNi = last is null ? null : money(last.EmployerNi),
            EmployerPension = last is null ? null : money(last.EmployerPension),
            OtherOnCosts = last is null ? "0.00" : money(last.OtherOnCosts),
            ThirdPartyFee = last is null ? "0.00" : money(last.ThirdPartyFee),
        };
        PrefilledFrom = last?.Month;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        string?[] cells =
        [
            scope.OwnPcnCode, Member.StaffRef, Member.Name, Member.RoleCode, Input.Month?.Trim(), Input.Wte?.Trim(),
            Member.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Member.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Input.Salary?.Trim(), Input.EmployerNi?.Trim(), Input.EmployerPension?.Trim(), Input.OtherOnCosts?.Trim(), Input.ThirdPartyFee?.Trim(), Input.Notes?.Trim(),
        ];
        var csv = new StringBuilder().AppendJoin(',', ArrsClaimCsv.Columns).Append('\n').AppendJoin(',', cells.Select(Quote)).Append('\n').ToString();
        var result = await submissions.SubmitCsvAsync(csv, scope.OwnPcnCode, User.Identity?.Name ?? "", cancellationToken);
        if (result.Succeeded)
        {
            TempData["Success"] = $"Claim for {Member.Name}, {Input.Month}, submitted for review. The rules engine's outcomes are on the line.";
            var month = DateOnly.ParseExact(Input.Month!.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var lineId = await db.ArrsClaimLines.Where(l => l.StaffMemberId == id && l.Month == month).OrderByDescending(l => l.Id).Select(l => l.Id).FirstAsync(cancellationToken);
            return Redirect($"/claims/lines/{lineId}");
        }

        foreach (var problem in result.Problems)
        {
            var field = problem.Column is not null && FieldFor.TryGetValue(problem.Column, out var f) ? f : "Input.Month";
            var message = FieldFor.ContainsKey(problem.Column ?? "month") ? problem.Message : $"{problem.Message} Change the staff record first.";
            ModelState.AddModelError(field, message.TrimEnd('.'));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private static string Quote(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var member = await db.ArrsStaff.AsNoTracking().Include(s => s.Pcn).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (member is null || !scope.CanSee(member.Pcn!.Code))
        {
            return false;
        }

        Member = member;
        return true;
    }
}

public sealed class ClaimForm
{
    public string? Month { get; set; }

    public string? Wte { get; set; }

    public string? Salary { get; set; }

    public string? EmployerNi { get; set; }

    public string? EmployerPension { get; set; }

    public string? OtherOnCosts { get; set; }

    public string? ThirdPartyFee { get; set; }

    public string? Notes { get; set; }
}
