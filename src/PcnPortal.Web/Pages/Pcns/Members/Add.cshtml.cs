using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Features.Registration;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Pcns.Members;

/// <summary>Adds a practice to a PCN from a date; PRACTICE-MULTIPLE-PCNS refuses a practice already in another PCN then.</summary>
[Authorize(Policy = PortalPolicies.Contracts)]
public sealed class AddModel(PortalDbContext db, PcnMembershipService memberships, IValidator<AddModel.AddMemberForm> validator) : PageModel
{
    [BindProperty]
    public AddMemberForm Input { get; set; } = new();

    public string Code { get; private set; } = string.Empty;

    public string PcnName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var pcn = await LoadAsync(code, cancellationToken);
        if (pcn is null)
        {
            return NotFound();
        }

        Input.PracticeCode = Input.PracticeCode.Trim().ToUpperInvariant();
        Input.PracticeName = string.IsNullOrWhiteSpace(Input.PracticeName) ? null : Input.PracticeName.Trim();
        Input.PcnOpenDate = pcn.OpenDate;
        ModelState.AddErrors(await validator.ValidateAsync(Input, cancellationToken));
        var practice = await db.Practices.SingleOrDefaultAsync(p => p.Code == Input.PracticeCode, cancellationToken);
        if (!ModelState.HasError("Input.PracticeCode") && practice is null && Input.PracticeName is null)
        {
            ModelState.AddModelError("Input.PracticeName", $"Practice {Input.PracticeCode} is not in the register yet: enter its name to add it.");
        }

        if (ModelState.IsValid && practice is not null)
        {
            var clash = await memberships.CheckJoinAsync(pcn.Id, Input.PracticeCode, Input.StartDate.Date!.Value, cancellationToken);
            if (clash is not null)
            {
                ModelState.AddModelError("Input.PracticeCode", clash);
            }
        }

        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        practice ??= db.Practices.Add(new Practice { Code = Input.PracticeCode, Name = Input.PracticeName!, CcgCode = pcn.CcgCode }).Entity;
        db.PcnMemberships.Add(new PcnMembership { PcnId = pcn.Id, Practice = practice, StartDate = Input.StartDate.Date!.Value });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{practice.Name} ({practice.Code}) is a member of {pcn.Name} from {Input.StartDate.Date:d MMMM yyyy}.";
        return Redirect($"/pcns/{pcn.Code}");
    }

    private async Task<Pcn?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var pcn = await db.Pcns.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        Code = pcn?.Code ?? string.Empty;
        PcnName = pcn?.Name ?? string.Empty;
        return pcn;
    }

    public sealed class AddMemberForm
    {
        public string PracticeCode { get; set; } = string.Empty;

        public string? PracticeName { get; set; }

        public DateParts StartDate { get; set; } = new();

        internal DateOnly PcnOpenDate { get; set; }
    }

    public sealed class AddMemberFormValidator : AbstractValidator<AddMemberForm>
    {
        public AddMemberFormValidator()
        {
            RuleFor(f => f.PracticeCode).Custom((code, context) =>
            {
                if (OdsCodeRules.CheckPracticeCode(code) is { Severity: RuleSeverity.Fail } bad)
                {
                    context.AddFailure(bad.Explanation);
                }
            });
            RuleFor(f => f.StartDate).ValidDate("the date the practice joins");
            RuleFor(f => f.StartDate).Must((f, d) => d.Date is not { } start || start >= f.PcnOpenDate)
                .WithMessage(f => $"The practice cannot join before the PCN opened on {f.PcnOpenDate:d MMMM yyyy}.");
        }
    }
}
