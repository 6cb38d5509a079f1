using System.Globalization;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Claims.Staff;

/// <summary>
/// One month's claim for one member of staff, prefilled from their last claim. The form is turned into one row of
/// the claim-lines CSV and submitted through <see cref="ArrsClaimSubmissionService"/>: the same checks as an upload.
/// </summary>
[Authorize(Policy = PortalPolicies.PcnUser)]
public sealed class ClaimModel(PortalDbContext db, PcnScope scope, ArrsClaimSubmissionService submissions, TimeProvider clock, IValidator<ClaimForm> validator) : PageModel
{
    private static readonly Dictionary<string, string> FieldFor = new(StringComparer.Ordinal)
    {
        ["month"] = "Month",
        ["wte"] = "Wte",
        ["salary"] = "Salary",
        ["employer_ni"] = "EmployerNi",
        ["employer_pension"] = "EmployerPension",
        ["other_on_costs"] = "OtherOnCosts",
        ["third_party_fee"] = "ThirdPartyFee",
        ["notes"] = "Notes",
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
            Month = DateParts.FromMonth(last?.Month.AddMonths(1) ?? new DateOnly(today.Year, today.Month, 1).AddMonths(-1)),
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

        // The form's own checks (the month boxes); everything else is checked by the submission service, as for an upload.
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            return this.PageWithErrors(validation);
        }

        var month = Input.Month.FirstOfMonth!.Value;
        string?[] cells =
        [
            scope.OwnPcnCode, Member.StaffRef, Member.Name, Member.RoleCode, FormDate.IsoMonth(month), Input.Wte?.Trim(),
            FormDate.Iso(Member.StartDate), Member.EndDate is { } end ? FormDate.Iso(end) : null,
            Input.Salary?.Trim(), Input.EmployerNi?.Trim(), Input.EmployerPension?.Trim(), Input.OtherOnCosts?.Trim(), Input.ThirdPartyFee?.Trim(), Input.Notes?.Trim(),
        ];
        var csv = new StringBuilder().AppendJoin(',', ArrsClaimCsv.Columns).Append('\n').AppendJoin(',', cells.Select(Quote)).Append('\n').ToString();
        var result = await submissions.SubmitCsvAsync(csv, scope.OwnPcnCode, User.Identity?.Name ?? "", cancellationToken);
        if (result.Succeeded)
        {
            TempData["Success"] = $"Claim for {Member.Name}, {FormDate.IsoMonth(month)}, submitted for review. The rules engine's outcomes are on the line.";
            var lineId = await db.ArrsClaimLines.Where(l => l.StaffMemberId == id && l.Month == month).OrderByDescending(l => l.Id).Select(l => l.Id).FirstAsync(cancellationToken);
            return Redirect($"/claims/lines/{lineId}");
        }

        return this.PageWithErrors(result.Problems.Select(problem => new FormError(
            problem.Column is not null && FieldFor.TryGetValue(problem.Column, out var field) ? field : "Month",
            (FieldFor.ContainsKey(problem.Column ?? "month") ? problem.Message : $"{problem.Message} Change the staff record first.").TrimEnd('.'))));
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
    /// <summary>The month claimed for (month and year boxes).</summary>
    public DateParts Month { get; set; } = new();

    public string? Wte { get; set; }

    public string? Salary { get; set; }

    public string? EmployerNi { get; set; }

    public string? EmployerPension { get; set; }

    public string? OtherOnCosts { get; set; }

    public string? ThirdPartyFee { get; set; }

    public string? Notes { get; set; }
}

/// <summary>The month boxes; the amounts are checked by the submission service with the same rules as an uploaded file.</summary>
public sealed class ClaimFormValidator : AbstractValidator<ClaimForm>
{
    public ClaimFormValidator()
    {
        RuleFor(f => f.Month).ValidMonth("the month claimed for");
    }
}
