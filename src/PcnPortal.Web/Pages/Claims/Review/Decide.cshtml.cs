using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Claims.Review;

/// <summary>
/// Approve, reject (coded reason and text) or query one claim line; a line that failed a rule can only be approved by
/// override, at an amount the reviewer gives and with a reason. The first of two reviewers wins. After a decision the
/// reviewer lands on the next line of the queue in the same filtered order (carried in the query string).
/// </summary>
[Authorize(Policy = PortalPolicies.Contracts)]
public sealed class DecideModel(PortalDbContext db, ArrsDecisionService decisions, ArrsReviewQueueQuery queue, ArrsSharedStaffQuery sharedStaff, ArrsLineOutcomesQuery outcomes, ICurrentUser currentUser, IValidator<DecideModel.DecisionForm> validator) : PageModel
{
    public ArrsClaimLine Line { get; private set; } = null!;

    /// <summary>The rule outcomes of the line's latest assessment, in rule order.</summary>
    public IReadOnlyList<PcnPortal.Domain.Common.RuleOutcome> Outcomes { get; private set; } = [];

    /// <summary>Other PCNs' claims for the same person and month (ADR 0012).</summary>
    public IReadOnlyList<SharedStaffLine> OtherPcnsLines { get; private set; } = [];

    public string PcnName { get; private set; } = "";

    public string RoleName { get; private set; } = "";

    /// <summary>The queue's filters, order and page the reviewer came from.</summary>
    [BindProperty(SupportsGet = true, Name = "")]
    public ReviewQueueState Queue { get; set; } = new();

    public ReviewQueueNext? Next { get; private set; }

    [BindProperty] public DecisionForm Input { get; set; } = new();

    public bool CanApprove => ArrsDecisionService.CanApprove(Line);

    public bool CanOverride => ArrsDecisionService.CanOverride(Line);

    public string BackToQueue => "/claims/review" + Queue.ToQuery();

    public string NextLink => Next is { } n ? $"/claims/review/{n.Id}" + Queue.ToQuery(page: n.PageAfter(false)) : BackToQueue;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Next = await queue.NextAsync(Queue, id, cancellationToken);
        Input.Version = Line.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input.LineFails = CanOverride;
        Input.LineCanBeApproved = CanApprove;
        Input.ClaimedCost = Line.ClaimedCost;
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            Next = await queue.NextAsync(Queue, id, cancellationToken);
            return this.PageWithErrors(validation);
        }

        var decision = Input.ParsedDecision!.Value;
        var overriding = decision == ArrsDecision.Override ? new ArrsOverride(Input.ParsedAmount!.Value, Input.OverrideReason!) : null;

        // Found before the decision, while the line is still in the queue's order.
        var next = await queue.NextAsync(Queue, id, cancellationToken);
        var outcome = await decisions.DecideAsync(id, Input.Version, decision, Input.Reason, Input.Text, currentUser.Name, cancellationToken, overriding);
        if (outcome is ArrsDecisionOutcome.ChangedBySomeoneElse or ArrsDecisionOutcome.AlreadyDecided or ArrsDecisionOutcome.NotAllowed)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            Next = next;
            Input.Version = Line.Version;
            ModelState.Clear();
            ModelState.AddModelError("Input.Decision", outcome == ArrsDecisionOutcome.NotAllowed
                ? "This line can no longer be decided that way (its rule outcomes changed). Your decision was not saved."
                : $"Someone else decided or changed this line while you were looking at it; it is now {Line.Status}. Your decision was not saved.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var done = decision switch
        {
            ArrsDecision.Approve => "approved",
            ArrsDecision.Override => $"approved at {Money.Format(overriding!.Amount)} by override",
            ArrsDecision.Reject => "rejected",
            _ => "queried with the PCN",
        };
        TempData["Success"] = $"The claim line for {Line.StaffName}, {ArrsDisplay.Month(Line.Month)}, was {done}."
            + (next is null ? " There are no more lines in the queue with these filters." : "");

        // A decided line leaves a queue filtered on status, so the lines after it move up one place.
        return Redirect(next is null ? BackToQueue : $"/claims/review/{next.Id}" + Queue.ToQuery(page: next.PageAfter(Queue.Status is not null)));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var found = await db.ArrsClaimLines.AsNoTracking().Include(l => l.Pcn).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (found is null)
        {
            return false;
        }

        Line = found;
        Outcomes = await outcomes.ForLineAsync(found, found.Pcn!.Code, cancellationToken);
        PcnName = $"{found.Pcn!.Name} ({found.Pcn.Code})";
        RoleName = await db.ArrsRoles.Where(r => r.Code == found.RoleCode).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken) ?? found.RoleCode;
        OtherPcnsLines = await sharedStaff.OtherPcnsLinesAsync(found, cancellationToken);
        return true;
    }

    public sealed class DecisionForm
    {
        public string? Decision { get; set; }

        public string? Reason { get; set; }

        public string? Text { get; set; }

        /// <summary>The amount to approve when overriding a failed rule, as typed ("£3,500.00" or "3500").</summary>
        public string? Amount { get; set; }

        /// <summary>Why the line is approved although it failed a rule.</summary>
        public string? OverrideReason { get; set; }

        public int Version { get; set; }

        internal bool LineFails { get; set; }

        internal bool LineCanBeApproved { get; set; }

        internal decimal ClaimedCost { get; set; }

        internal ArrsDecision? ParsedDecision => Decision switch
        {
            "approve" => ArrsDecision.Approve,
            "override" => ArrsDecision.Override,
            "reject" => ArrsDecision.Reject,
            "query" => ArrsDecision.Query,
            _ => null,
        };

        internal decimal? ParsedAmount => FormValues.TryParseMoney(Amount, out var pounds) ? pounds : null;
    }

    public sealed class DecisionFormValidator : AbstractValidator<DecisionForm>
    {
        public DecisionFormValidator()
        {
            RuleFor(f => f.Decision).Must((f, _) => f.ParsedDecision is not null).WithMessage(f => f.LineFails || f.LineCanBeApproved
                ? "Select approve, reject or query."
                : "Select reject or query.");
            When(f => f.ParsedDecision == ArrsDecision.Approve, () =>
                RuleFor(f => f.Decision)
                    .Must((f, _) => !f.LineFails).WithMessage("This line fails a rule: to approve it, choose to approve despite the failed rule and give the amount and the reason.")
                    .Must((f, _) => f.LineFails || f.LineCanBeApproved).WithMessage("Nothing is reimbursable on this line, so it cannot be approved. Reject it or query it with the PCN."));
            When(f => f.ParsedDecision == ArrsDecision.Override, () =>
            {
                RuleFor(f => f.Decision).Must((f, _) => f.LineFails).WithMessage("This line fails no rule, so there is nothing to override: approve it as the rules allow.");
                RuleFor(f => f.Amount)
                    .Must(a => !string.IsNullOrWhiteSpace(a)).WithMessage("Enter the amount to approve")
                    .Must((f, a) => string.IsNullOrWhiteSpace(a) || f.ParsedAmount is not null).WithMessage("The amount to approve must be in pounds and pence, like 3,500.00")
                    .Must((f, a) => f.ParsedAmount is not { } x || x > 0m).WithMessage("The amount to approve must be more than £0.00")
                    .Must((f, a) => f.ParsedAmount is not { } x || x <= f.ClaimedCost).WithMessage(f => $"The amount to approve must be no more than the claimed cost, {Money.Format(f.ClaimedCost)}");
                RuleFor(f => f.OverrideReason).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter why you are approving a line that fails a rule; finance will see this.");
            });
            When(f => f.ParsedDecision == ArrsDecision.Reject, () =>
            {
                RuleFor(f => f.Reason).Must(ArrsRejectionReasons.IsKnown).WithMessage("Select the reason for rejecting the line.");
                RuleFor(f => f.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Explain why the line is rejected; the PCN will see this.");
            });
            When(f => f.ParsedDecision == ArrsDecision.Query, () =>
                RuleFor(f => f.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter the question for the PCN."));
            RuleFor(f => f.Text).MaximumLength(2000).WithMessage("The text must be 2,000 characters or fewer.");
            RuleFor(f => f.OverrideReason).MaximumLength(2000).WithMessage("The reason for overriding must be 2,000 characters or fewer.");
        }
    }
}
