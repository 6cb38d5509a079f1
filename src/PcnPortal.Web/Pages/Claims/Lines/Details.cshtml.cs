using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Claims.Lines;

/// <summary>One claim line with its figures and every rule's explanation; a PCN user answers a query here.</summary>
[Authorize(Policy = PortalPolicies.PcnOrCommissioner)]
public sealed class DetailsModel(PortalDbContext db, ICurrentUser currentUser, PcnScope scope, ArrsDecisionService decisions, ArrsSharedStaffQuery sharedStaff, ArrsLineOutcomesQuery outcomes, IValidator<DetailsModel.AnswerForm> validator) : PageModel
{
    public ArrsClaimLine Line { get; private set; } = null!;

    /// <summary>The rule outcomes of the line's latest assessment, in rule order.</summary>
    public IReadOnlyList<PcnPortal.Domain.Common.RuleOutcome> Outcomes { get; private set; } = [];

    public string PcnCode { get; private set; } = "";

    public string PcnName { get; private set; } = "";

    /// <summary>The line's role by its name (the code only for a role the reference data does not hold).</summary>
    public string RoleName { get; private set; } = "";

    /// <summary>Bound without a prefix: the fields are "Answer" and "Version".</summary>
    [BindProperty(Name = "")]
    public AnswerForm Input { get; set; } = new();

    public string? Answer => Input.Answer;

    public int Version
    {
        get => Input.Version;
        private set => Input.Version = value;
    }

    public bool CanAnswer => Line.Status == ArrsClaimStatus.Queried && scope.IsPcnUser;

    /// <summary>Whether this user may read the named staff member's pay (#15.14): not committee secretaries or panel members.</summary>
    public bool ShowStaffPay => SensitiveFields.CanSeeStaffPay(User);

    /// <summary>Other PCNs' claims for the same person and month: loaded only for the roles that may see them (ADR 0012).</summary>
    public IReadOnlyList<SharedStaffLine> OtherPcnsLines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanAnswer)
        {
            return Forbid();
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            return this.PageWithErrors(validation, prefix: "");
        }

        var outcome = await decisions.AnswerQueryAsync(id, Version, Answer!, currentUser.Name, cancellationToken);
        if (outcome != ArrsDecisionOutcome.Done)
        {
            await LoadAsync(id, cancellationToken);
            ModelState.AddModelError(nameof(Answer), "This line was changed by someone else; it is shown as it is now.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        TempData["Success"] = "Your answer was sent and the line is submitted again for review.";
        return Redirect($"/claims/lines/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var found = await db.ArrsClaimLines.AsNoTracking().Include(l => l.Pcn).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (found is null || !scope.CanSee(found.Pcn!.Code))
        {
            // Another PCN's line looks exactly like one that does not exist.
            return false;
        }

        Line = found;
        PcnCode = found.Pcn.Code;
        PcnName = found.Pcn.Name;
        RoleName = await db.ArrsRoles.AsNoTracking().Where(r => r.Code == found.RoleCode).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken) ?? found.RoleCode;
        Version = found.Version;
        Outcomes = await outcomes.ForLineAsync(found, found.Pcn.Code, cancellationToken);
        OtherPcnsLines = SensitiveFields.CanSeeOtherPcnsClaims(User) ? await sharedStaff.OtherPcnsLinesAsync(found, cancellationToken) : [];
        return true;
    }

    public sealed class AnswerForm
    {
        public string? Answer { get; set; }

        public int Version { get; set; }
    }

    public sealed class AnswerFormValidator : AbstractValidator<AnswerForm>
    {
        public AnswerFormValidator()
        {
            RuleFor(f => f.Answer).Must(a => !string.IsNullOrWhiteSpace(a)).WithMessage("Enter your answer to the contracts team's question.")
                .MaximumLength(2000).WithMessage("Your answer must be 2,000 characters or fewer.");
        }
    }
}
