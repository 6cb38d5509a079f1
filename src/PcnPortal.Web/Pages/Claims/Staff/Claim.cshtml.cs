using System.Globalization;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Files;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Claims.Staff;

/// <summary>
/// One month's claim for one member of staff, prefilled from their last claim, as the NHS service manual does a form:
/// the answers, then "check your answers" (each with a Change link), then Send, then a confirmation page. The form is
/// turned into one row of the claim-lines CSV, checked and submitted through <see cref="ArrsClaimSubmissionService"/>:
/// the same checks as an upload, made before the check step so that Send does not meet a new problem.
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

    /// <summary>The buttons: Continue (to check the answers), Edit (a Change link), Submit (Send, after checking).</summary>
    public const string Continue = nameof(Continue);
    public const string Edit = nameof(Edit);
    public const string Submit = nameof(Submit);

    [BindProperty]
    public ClaimForm Input { get; set; } = new();

    /// <summary>Which button was pressed (posted as "Command").</summary>
    [BindProperty(Name = "Command")]
    public string? Command { get; set; }

    /// <summary>On the "check your answers" step: the line as it will be submitted.</summary>
    public ArrsClaimRow? Checked { get; private set; }

    public ArrsStaffMember Member { get; private set; } = null!;

    /// <summary>The member of staff's role by its name (the code when the role is not on the reference data).</summary>
    public string RoleName { get; private set; } = "";

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

        if (Command == Edit)
        {
            ModelState.Clear();
            return Page();
        }

        var month = Input.Month.FirstOfMonth!.Value;
        string?[] cells =
        [
            scope.OwnPcnCode, Member.StaffRef, Member.Name, Member.RoleCode, FormDate.IsoMonth(month), Input.Wte?.Trim(),
            FormDate.Iso(Member.StartDate), Member.EndDate is { } end ? FormDate.Iso(end) : null,
            MoneyCell(Input.Salary), MoneyCell(Input.EmployerNi), MoneyCell(Input.EmployerPension), MoneyCell(Input.OtherOnCosts), MoneyCell(Input.ThirdPartyFee), Input.Notes?.Trim(),
        ];
        var csv = new StringBuilder().AppendJoin(',', ArrsClaimCsv.Columns).Append('\n').AppendJoin(',', cells.Select(Quote)).Append('\n').ToString();
        if (Command != Submit)
        {
            var (rows, problems) = await submissions.CheckCsvAsync(csv, scope.OwnPcnCode, cancellationToken);
            if (problems.Count > 0)
            {
                return Errors(problems);
            }

            Checked = rows[0];
            return Page();
        }

        var result = await submissions.SubmitCsvAsync(csv, scope.OwnPcnCode, User.Identity?.Name ?? "", cancellationToken);
        if (result.Succeeded)
        {
            var lineId = await db.ArrsClaimLines.Where(l => l.StaffMemberId == id && l.Month == month).OrderByDescending(l => l.Id).Select(l => l.Id).FirstAsync(cancellationToken);
            return Redirect($"/claims/lines/{lineId}/sent");
        }

        return Errors(result.Problems);
    }

    /// <summary>The answers for the check step, in the order they were asked: (question, answer, field id the Change link goes to).</summary>
    public IReadOnlyList<(string Question, string Answer, string Field)> Answers()
    {
        var c = Checked!;
        return
        [
            ("Month claimed for", ArrsDisplay.Month(c.Month), "Input_Month_Month"),
            ("Whole-time equivalent", c.Wte.ToString("0.####", CultureInfo.InvariantCulture), "Input_Wte"),
            ("Salary", Money.Format(c.Salary), "Input_Salary"),
            ("Employer's National Insurance", Money.Format(c.EmployerNi), "Input_EmployerNi"),
            ("Employer's pension contribution", Money.Format(c.EmployerPension), "Input_EmployerPension"),
            ("Other on-costs", Money.Format(c.OtherOnCosts), "Input_OtherOnCosts"),
            ("Third-party fee", Money.Format(c.ThirdPartyFee), "Input_ThirdPartyFee"),
            ("Notes", c.Notes ?? "None", "Input_Notes"),
        ];
    }

    /// <summary>The month's claimed cost on the check step: the sum of the cost answers.</summary>
    public decimal ClaimedCost => Checked is { } c ? c.Salary + c.EmployerNi + c.EmployerPension + c.OtherOnCosts + c.ThirdPartyFee : 0m;

    private PageResult Errors(IEnumerable<ImportProblem> problems) =>
        this.PageWithErrors(problems.Select(problem => new FormError(
            problem.Column is not null && FieldFor.TryGetValue(problem.Column, out var field) ? field : "Month",
            (FieldFor.ContainsKey(problem.Column ?? "month") ? problem.Message : $"{problem.Message} Change the staff record first.").TrimEnd('.'))));

    /// <summary>An amount as typed ("£3,500.00", "3500") in the file's form (3500.00); anything else as typed, for the file's checks to name.</summary>
    private static string? MoneyCell(string? text) =>
        FormValues.TryParseMoney(text, out var pounds) ? pounds.ToString("0.00", CultureInfo.InvariantCulture) : text?.Trim();

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
        RoleName = await db.ArrsRoles.AsNoTracking().Where(r => r.Code == member.RoleCode).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken) ?? member.RoleCode;
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
