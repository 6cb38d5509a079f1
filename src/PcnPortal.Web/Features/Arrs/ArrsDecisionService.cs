using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Notifications;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Arrs;

public enum ArrsDecision
{
    /// <summary>Approve what the rules allow; only for a line that fails no rule and has something to pay.</summary>
    Approve,
    Reject,
    Query,

    /// <summary>Approve a line that failed a rule, at an amount the reviewer gives, with the reason recorded.</summary>
    Override,
}

/// <summary>The amount and reason for approving a line that failed a rule.</summary>
public sealed record ArrsOverride(decimal Amount, string Reason);

public enum ArrsDecisionOutcome
{
    Done,
    NotFound,

    /// <summary>Someone else decided or changed the line since the reviewer loaded it: nothing was saved.</summary>
    ChangedBySomeoneElse,

    /// <summary>The line is no longer waiting for a decision.</summary>
    AlreadyDecided,

    /// <summary>
    /// The decision does not fit the line: approving a line that fails a rule (it needs an override and a reason), approving
    /// £0.00, or overriding a line that fails no rule or at an amount outside £0.01 to the claimed cost. Nothing was saved.
    /// </summary>
    NotAllowed,
}

/// <summary>
/// The contracts team's decisions on claim lines. A decision names the line's version the reviewer saw; when two
/// reviewers decide the same line, the first save wins and the second is told (optimistic concurrency).
/// Decisions are final. Rejections take the line out of the engine, so the year is re-assessed.
/// </summary>
public sealed class ArrsDecisionService(PortalDbContext db, ArrsAssessmentService assessor, TimeProvider clock, PortalNotices notices)
{
    public async Task<ArrsDecisionOutcome> DecideAsync(
        int id, int seenVersion, ArrsDecision decision, string? reasonCode, string? text, string reviewer, CancellationToken cancellationToken = default, ArrsOverride? overriding = null)
    {
        var line = await db.ArrsClaimLines.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (line is null)
        {
            return ArrsDecisionOutcome.NotFound;
        }

        if (line.Version != seenVersion)
        {
            return ArrsDecisionOutcome.ChangedBySomeoneElse;
        }

        if (line.Status != ArrsClaimStatus.Submitted)
        {
            return ArrsDecisionOutcome.AlreadyDecided;
        }

        if (!Allowed(line, decision, overriding))
        {
            return ArrsDecisionOutcome.NotAllowed;
        }

        Apply(line, decision, reasonCode, text, reviewer, overriding);
        await notices.ClaimLineDecidedAsync(line, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ArrsDecisionOutcome.ChangedBySomeoneElse;
        }

        if (decision == ArrsDecision.Reject)
        {
            await assessor.AssessYearAsync(new FinancialYear(line.FinancialYearStart), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return ArrsDecisionOutcome.Done;
    }

    /// <summary>Approves every listed line that is still Submitted, unchanged and passed every rule; returns how many.</summary>
    public async Task<int> ApproveAllPassingAsync(IReadOnlyDictionary<int, int> seenVersions, string reviewer, CancellationToken cancellationToken = default)
    {
        var ids = seenVersions.Keys.ToList();
        var lines = await db.ArrsClaimLines
            .Where(l => ids.Contains(l.Id) && l.Status == ArrsClaimStatus.Submitted && l.WorstOutcome == RuleSeverity.Pass && l.Reimbursable > 0m)
            .ToListAsync(cancellationToken);
        lines = lines.Where(l => seenVersions[l.Id] == l.Version).ToList();
        foreach (var line in lines)
        {
            Apply(line, ArrsDecision.Approve, null, null, reviewer);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return -1;
        }

        return lines.Count;
    }

    /// <summary>The PCN answers a query: the line goes back to Submitted with a new 5-working-day clock.</summary>
    public async Task<ArrsDecisionOutcome> AnswerQueryAsync(int id, int seenVersion, string answer, string by, CancellationToken cancellationToken = default)
    {
        var line = await db.ArrsClaimLines.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (line is null)
        {
            return ArrsDecisionOutcome.NotFound;
        }

        if (line.Version != seenVersion)
        {
            return ArrsDecisionOutcome.ChangedBySomeoneElse;
        }

        if (line.Status != ArrsClaimStatus.Queried)
        {
            return ArrsDecisionOutcome.AlreadyDecided;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        line.QueryResponse = answer.Trim();
        line.Status = ArrsClaimStatus.Submitted;
        line.SubmittedAt = now;
        line.SubmittedBy = by;
        line.DueOn = WorkingDays.ResponseDue(clock.Today());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ArrsDecisionOutcome.ChangedBySomeoneElse;
        }

        return ArrsDecisionOutcome.Done;
    }

    /// <summary>Whether the decision fits the line (see <see cref="ArrsDecisionOutcome.NotAllowed"/>).</summary>
    public static bool Allowed(ArrsClaimLine line, ArrsDecision decision, ArrsOverride? overriding) => decision switch
    {
        ArrsDecision.Approve => CanApprove(line),
        ArrsDecision.Override => CanOverride(line) && overriding is { } o && !string.IsNullOrWhiteSpace(o.Reason)
            && o.Amount > 0m && o.Amount <= line.ClaimedCost && decimal.Round(o.Amount, 2) == o.Amount,
        _ => true,
    };

    /// <summary>A line may be approved as the rules allow when it fails no rule and there is something to pay.</summary>
    public static bool CanApprove(ArrsClaimLine line) => line.WorstOutcome != RuleSeverity.Fail && line.Reimbursable > 0m;

    /// <summary>A line that failed a rule may only be approved by override, with a reason.</summary>
    public static bool CanOverride(ArrsClaimLine line) => line.WorstOutcome == RuleSeverity.Fail;

    private void Apply(ArrsClaimLine line, ArrsDecision decision, string? reasonCode, string? text, string reviewer, ArrsOverride? overriding = null)
    {
        line.DecidedAt = clock.GetUtcNow().UtcDateTime;
        line.DecidedBy = reviewer;
        line.DecisionText = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        switch (decision)
        {
            case ArrsDecision.Approve:
                line.Status = ArrsClaimStatus.Approved;
                line.ApprovedAmount = line.Reimbursable;
                break;
            case ArrsDecision.Reject:
                line.Status = ArrsClaimStatus.Rejected;
                line.RejectionReason = reasonCode;
                break;
            case ArrsDecision.Query:
                line.Status = ArrsClaimStatus.Queried;
                break;
            case ArrsDecision.Override:
                line.Status = ArrsClaimStatus.Approved;
                line.ApprovedAmount = overriding!.Amount;
                line.OverrideReason = overriding.Reason.Trim();
                break;
        }
    }
}
