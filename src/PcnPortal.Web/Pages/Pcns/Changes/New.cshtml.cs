using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Features.Notifications;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Pcns.Changes;

/// <summary>
/// A PCN manager or clinical director proposes a change to their own PCN, as the NHS service manual does a form: first
/// what kind of change (only that kind's questions follow), then the answers, then "check your answers", then a
/// confirmation page. The request is Submitted for the commissioner.
/// </summary>
[Authorize(Policy = PortalPolicies.PcnUser)]
public sealed class NewModel(PortalDbContext db, ICurrentUser currentUser, PcnScope scope, TimeProvider clock, IValidator<NewModel.ChangeForm> validator, PortalNotices notices) : PageModel
{
    /// <summary>The buttons: Continue (kind chosen), Check (answers given), Edit (back from checking), Submit (after checking).</summary>
    public const string Continue = nameof(Continue);
    public const string Check = nameof(Check);
    public const string Edit = nameof(Edit);
    public const string Submit = nameof(Submit);

    [BindProperty]
    public ChangeForm Input { get; set; } = new();

    /// <summary>Which button was pressed (posted as "Command").</summary>
    [BindProperty(Name = "Command")]
    public string? Command { get; set; }

    public Pcn Pcn { get; private set; } = null!;

    public List<(string Code, string Name)> Members { get; private set; } = [];

    /// <summary>True on the "check your answers" step.</summary>
    public bool Checking { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, [FromQuery] PcnChangeKind? kind, CancellationToken cancellationToken)
    {
        if (!scope.CanSee(code))
        {
            return Forbid();
        }

        Input.Kind = kind is { } k && Enum.IsDefined(k) ? k : null;
        return await LoadAsync(code, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!scope.CanSee(code))
        {
            return Forbid();
        }

        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        Input.Trim();
        if (Command == Continue)
        {
            return Input.Kind is { } chosen && Enum.IsDefined(chosen)
                ? Redirect($"/pcns/{Pcn.Code}/changes/new?kind={chosen}")
                : this.PageWithError("Input.Kind", "Select what you want to change.");
        }

        if (Command == Edit)
        {
            ModelState.Clear();
            return Page();
        }

        var practice = await ValidateAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        if (Command != Submit)
        {
            Checking = true;
            return Page();
        }

        var kind = Input.Kind!.Value;
        var request = new PcnChangeRequest
        {
            PcnId = Pcn.Id,
            Kind = kind,
            EffectiveDate = Input.EffectiveDate.Date!.Value,
            Reason = Input.Reason!,
            DirectorName = kind == PcnChangeKind.ClinicalDirector ? Input.DirectorName : null,
            DirectorProfession = kind == PcnChangeKind.ClinicalDirector ? Input.DirectorProfession : null,
            OrganisationCode = kind is PcnChangeKind.NominatedPayee or PcnChangeKind.PracticeJoins or PcnChangeKind.PracticeLeaves ? Input.OrganisationCode : null,
            OrganisationName = kind is PcnChangeKind.NominatedPayee or PcnChangeKind.PracticeJoins or PcnChangeKind.PracticeLeaves ? Input.OrganisationName ?? practice?.Name : null,
            NetworkAgreementSigned = kind == PcnChangeKind.Agreements ? Input.NetworkAgreementSigned.Date : null,
            DataSharingAgreementSigned = kind == PcnChangeKind.Agreements ? Input.DataSharingAgreementSigned.Date : null,
            SubmittedBy = currentUser.Name,
            SubmittedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.PcnChangeRequests.Add(request);
        await notices.ChangeRequestSubmittedAsync(request, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/pcns/{Pcn.Code}/changes/{request.Id}/submitted");
    }

    /// <summary>The answers for the check step, in the order they were asked: (question, answer).</summary>
    public IReadOnlyList<(string Question, string Answer)> Answers()
    {
        static string Date(DateParts parts) => parts.Date is { } d ? d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) : "Not given";
        var answers = new List<(string, string)> { ("What is changing", KindLabel(Input.Kind)) };
        switch (Input.Kind)
        {
            case PcnChangeKind.ClinicalDirector:
                answers.Add(("New clinical director", $"{Input.DirectorName}, {Input.DirectorProfession}"));
                break;
            case PcnChangeKind.NominatedPayee:
                answers.Add(("Nominated payee", Input.OrganisationName is null ? Input.OrganisationCode! : $"{Input.OrganisationName} ({Input.OrganisationCode})"));
                break;
            case PcnChangeKind.PracticeJoins or PcnChangeKind.PracticeLeaves:
                var name = Input.OrganisationName ?? Members.FirstOrDefault(m => m.Code == Input.OrganisationCode).Name;
                answers.Add(("Practice", name is null ? Input.OrganisationCode! : $"{name} ({Input.OrganisationCode})"));
                break;
            case PcnChangeKind.Agreements:
                answers.Add(("Network agreement signed", Date(Input.NetworkAgreementSigned)));
                answers.Add(("Data-sharing agreement signed", Date(Input.DataSharingAgreementSigned)));
                break;
        }

        answers.Add(("Takes effect on", Date(Input.EffectiveDate)));
        answers.Add(("Reason", Input.Reason ?? ""));
        return answers;
    }

    public static string KindLabel(PcnChangeKind? kind) => kind switch
    {
        PcnChangeKind.ClinicalDirector => "A new clinical director",
        PcnChangeKind.NominatedPayee => "The nominated payee",
        PcnChangeKind.Agreements => "Network or data-sharing agreement dates",
        PcnChangeKind.PracticeJoins => "A practice joins the PCN",
        PcnChangeKind.PracticeLeaves => "A practice leaves the PCN",
        _ => "Not chosen",
    };

    /// <summary>The form's rules, then the register's: a joining practice must exist, a leaving one must be a member.</summary>
    private async Task<Practice?> ValidateAsync(CancellationToken cancellationToken)
    {
        ModelState.AddErrors(await validator.ValidateAsync(Input, cancellationToken));
        Practice? practice = null;
        if (Input.Kind is PcnChangeKind.PracticeJoins or PcnChangeKind.PracticeLeaves or PcnChangeKind.NominatedPayee && !ModelState.HasError("Input.OrganisationCode"))
        {
            practice = await db.Practices.AsNoTracking().SingleOrDefaultAsync(p => p.Code == Input.OrganisationCode, cancellationToken);
            if (Input.Kind == PcnChangeKind.PracticeJoins && practice is null)
            {
                ModelState.AddModelError("Input.OrganisationCode", $"Practice {Input.OrganisationCode} is not in the register: check the code, or ask the commissioner to add it.");
            }
            else if (Input.Kind == PcnChangeKind.PracticeLeaves && !Members.Any(m => m.Code == Input.OrganisationCode))
            {
                ModelState.AddModelError("Input.OrganisationCode", $"Practice {Input.OrganisationCode} is not a current member of {Pcn.Name}: choose one of {string.Join(", ", Members.Select(m => m.Code))}.");
            }
            else if (Input.Kind == PcnChangeKind.NominatedPayee && string.IsNullOrEmpty(Input.OrganisationName) && practice is null)
            {
                ModelState.AddModelError("Input.OrganisationName", "Enter the payee's name.");
            }
        }

        return practice;
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var pcn = await db.Pcns.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (pcn is null)
        {
            return false;
        }

        Pcn = pcn;
        var today = clock.Today();
        Members = (await db.PcnMemberships.AsNoTracking().Where(m => m.PcnId == pcn.Id && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today))
            .Select(m => new { m.Practice!.Code, m.Practice.Name }).ToListAsync(cancellationToken)).Select(m => (m.Code, m.Name)).ToList();
        return true;
    }

    public sealed class ChangeForm
    {
        public PcnChangeKind? Kind { get; set; }

        public DateParts EffectiveDate { get; set; } = new();

        public string? Reason { get; set; }

        public string? DirectorName { get; set; }

        public string? DirectorProfession { get; set; }

        public string? OrganisationCode { get; set; }

        public string? OrganisationName { get; set; }

        public DateParts NetworkAgreementSigned { get; set; } = new();

        public DateParts DataSharingAgreementSigned { get; set; } = new();

        public void Trim()
        {
            Reason = Clean(Reason);
            DirectorName = Clean(DirectorName);
            DirectorProfession = Clean(DirectorProfession);
            OrganisationCode = Clean(OrganisationCode)?.ToUpperInvariant();
            OrganisationName = Clean(OrganisationName);
        }

        private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public sealed class ChangeFormValidator : AbstractValidator<ChangeForm>
    {
        public ChangeFormValidator()
        {
            RuleFor(f => f.Kind).NotNull().WithMessage("Select what you want to change.");
            RuleFor(f => f.EffectiveDate).ValidDate("the date the change takes effect");
            When(f => f.Kind == PcnChangeKind.ClinicalDirector, () =>
            {
                RuleFor(f => f.DirectorName).NotEmpty().WithMessage("Enter the new clinical director's full name.");
                RuleFor(f => f.DirectorProfession).NotEmpty().WithMessage("Enter their profession, for example GP, pharmacist or nurse.");
            });
            When(f => f.Kind is PcnChangeKind.PracticeJoins or PcnChangeKind.PracticeLeaves or PcnChangeKind.NominatedPayee, () =>
                RuleFor(f => f.OrganisationCode).Custom((code, context) =>
                {
                    if (context.InstanceToValidate.Kind != PcnChangeKind.NominatedPayee && OdsCodeRules.CheckPracticeCode(code) is { Severity: RuleSeverity.Fail } bad)
                    {
                        context.AddFailure(bad.Explanation);
                    }
                    else if (string.IsNullOrEmpty(code))
                    {
                        context.AddFailure("Enter the ODS code of the practice or provider, for example A81001.");
                    }
                }));
            When(f => f.Kind == PcnChangeKind.Agreements, () =>
            {
                RuleFor(f => f.NetworkAgreementSigned).ValidDate("the date the network agreement was signed", required: false);
                RuleFor(f => f.DataSharingAgreementSigned).ValidDate("the date the data-sharing agreement was signed", required: false);
                RuleFor(f => f.NetworkAgreementSigned)
                    .Must((f, n) => !n.IsEmpty || !f.DataSharingAgreementSigned.IsEmpty)
                    .WithMessage("Enter the date the network agreement or the data-sharing agreement was signed.");
            });
            RuleFor(f => f.Reason).NotEmpty().WithMessage("Enter the reason for the change.")
                .MaximumLength(2000).WithMessage("Enter a reason of 2,000 characters or fewer.");
        }
    }
}
