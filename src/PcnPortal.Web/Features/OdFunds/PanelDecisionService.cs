using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Features.Notifications;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Features.OdFunds;

public sealed class DecisionForm
{
    public PanelDecisionOutcome? Outcome { get; set; }

    public string? Reasons { get; set; }

    public string? Conditions { get; set; }

    public string? ApprovedAmount { get; set; }

    /// <summary>User ids of the panel members voting (the person recording is always counted).</summary>
    public List<string> Voters { get; set; } = [];

    public int Version { get; set; }
}

/// <summary>The form a named voter posts to confirm their own vote on a recorded decision (or to say it is not theirs).</summary>
public sealed class ConfirmVoteForm
{
    public int DecisionId { get; set; }

    /// <summary>"Confirm" confirms the vote; "NotMine" withdraws the waiting decision.</summary>
    public string? Command { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// Who may decide an EOI, who is excluded and why, and recording the decision. A recorded decision waits until the voters named
/// on it have confirmed their own votes (#15.16): it takes effect (EOI status, payment, the fund's figures) only when the confirmed
/// votes of members without a declared interest reach the quorum.
/// </summary>
public sealed class PanelDecisionService(PortalDbContext db, ICurrentUser currentUser, TimeProvider clock, PortalNotices notices)
{
    public sealed record Context(OdEoi Eoi, string PcnName, IReadOnlyList<ConflictResult> Conflicts, DateOnly DecisionDate, ConflictResult? Me)
    {
        /// <summary>The decision recorded and waiting for its voters to confirm their votes, if any.</summary>
        public OdPanelDecisionRecord? Pending => Eoi.Decisions.Where(d => d.IsPending).MaxBy(d => d.Id);

        public int Quorum => Eoi.Fund!.Quorum;

        /// <summary>Members who could vote on this EOI: on the panel, without a declared interest in the PCN or its practices today.</summary>
        public int Eligible => Conflicts.Count(c => !c.Excluded);

        public bool CanReachQuorum => Eligible >= Quorum;

        /// <summary>Where the waiting decision stands: confirmed votes against the quorum and who has still to confirm.</summary>
        public RuleOutcome? PendingState => Pending is { } p ? VoteConfirmation.Check(Ids(p.VoterIds), Ids(p.ConfirmedVoterIds), Conflicts, Quorum) : null;

        /// <summary>True when the signed-in member is named on the waiting decision, may vote, and has not yet confirmed.</summary>
        public bool MayConfirm => Pending is { } p && Me is { Excluded: false } me
            && Ids(p.VoterIds).Contains(me.Member.PersonId, StringComparer.Ordinal)
            && !Ids(p.ConfirmedVoterIds).Contains(me.Member.PersonId, StringComparer.Ordinal);
    }

    public sealed record Result(bool Saved, bool Forbidden, IReadOnlyList<FormError> Errors, bool InEffect = false);

    public DateOnly Today => clock.Today();

    /// <summary>User ids stored comma-separated.</summary>
    public static IReadOnlyList<string> Ids(string? ids) => (ids ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public async Task<Context?> LoadAsync(int eoiId, CancellationToken cancellationToken)
    {
        var eoi = await db.OdEois.Include(e => e.Fund).Include(e => e.Lines).Include(e => e.Decisions).SingleOrDefaultAsync(e => e.Id == eoiId, cancellationToken);
        if (eoi is null)
        {
            return null;
        }

        var today = Today;
        var panel = await db.OdPanelMembers.AsNoTracking().Where(m => m.FundId == eoi.FundId).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        var ids = panel.Select(p => p.UserId).ToList();
        var interests = await db.OdDeclaredInterests.AsNoTracking().Where(i => ids.Contains(i.UserId)).ToListAsync(cancellationToken);
        var practices = await db.PcnMemberships.AsNoTracking()
            .Where(m => m.Pcn!.Code == eoi.PcnCode && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today))
            .Select(m => m.Practice!.Code)
            .ToListAsync(cancellationToken);
        var conflicts = ConflictChecker.Excluded(panel.Select(p => p.ToDomain()), interests.Select(i => i.ToDomain()), eoi.PcnCode, today, practices);
        var name = await db.Pcns.Where(p => p.Code == eoi.PcnCode).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken) ?? eoi.PcnCode;
        var me = conflicts.FirstOrDefault(c => string.Equals(c.Member.PersonId, currentUser.UserId, StringComparison.Ordinal));
        return new Context(eoi, name, conflicts, today, me);
    }

    /// <summary>Refused on the server: only a member of this fund's panel without a declared interest in the PCN may record a decision.</summary>
    public static bool MayDecide(Context context) => context.Me is { Excluded: false };

    /// <summary>
    /// The panel's rules on the decision as typed, keyed to the fields they are about: who votes (panel members without an interest,
    /// enough for the quorum), the reasons or conditions, and the amount (within the request, the PCN's share and the fund).
    /// Run beside the form's validator so every problem shows at once; checks that need a field the validator refused are skipped.
    /// </summary>
    public async Task<IReadOnlyList<FormError>> CheckAsync(Context context, DecisionForm form, CancellationToken cancellationToken)
    {
        var errors = new List<FormError>();
        var eoi = context.Eoi;
        if (eoi.Status != EoiStatus.Submitted)
        {
            errors.Add(new FormError("", $"This expression of interest is {OdEoi.Describe(eoi.Status).ToLowerInvariant()}; the panel decides only submitted ones."));
            return errors;
        }

        if (context.Pending is not null)
        {
            errors.Add(new FormError("", "A decision on this expression of interest is already recorded and waiting for its voters to confirm their votes. Confirm your own vote, or say it is not yours, before a new decision is recorded."));
            return errors;
        }

        var outcomeKnown = form.Outcome is { } o && Enum.IsDefined(o);
        decimal? amount = null;
        var amountValid = string.IsNullOrWhiteSpace(form.ApprovedAmount) || FormValues.TryParseMoney(form.ApprovedAmount, out _);
        if (!string.IsNullOrWhiteSpace(form.ApprovedAmount) && FormValues.TryParseMoney(form.ApprovedAmount, out var parsed))
        {
            amount = parsed;
        }

        var approving = form.Outcome is PanelDecisionOutcome.Approved or PanelDecisionOutcome.ApprovedWithConditions;
        var voters = Voters(form);
        var decision = new PanelDecision(eoi.PcnCode, context.DecisionDate, outcomeKnown ? form.Outcome!.Value : PanelDecisionOutcome.Approved, voters, Trim(form.Reasons), Trim(form.Conditions), approving ? amount : null);
        foreach (var failure in PanelDecisionRules.Check(decision, context.Conflicts, context.Quorum).Where(o => o.Severity == RuleSeverity.Fail))
        {
            if ((failure.Code is PanelDecisionRules.AmountCode or PanelDecisionRules.ReasonCode) && (!outcomeKnown || !amountValid))
            {
                continue;
            }

            var key = failure.Code switch
            {
                PanelDecisionRules.AmountCode => "ApprovedAmount",
                PanelDecisionRules.ReasonCode => form.Outcome == PanelDecisionOutcome.ApprovedWithConditions ? "Conditions" : "Reasons",
                _ => "Voters",
            };
            errors.Add(new FormError(key, failure.Explanation));
        }

        if (approving && amount is { } approvedAmount && errors.All(e => e.Key != "ApprovedAmount"))
        {
            // Over-allocation is refused, not only shown: the request, the PCN's remaining share and the fund's distributable amount.
            foreach (var failure in await OdApprovalLimits.CheckApprovalAsync(db, eoi, approvedAmount, cancellationToken))
            {
                errors.Add(new FormError("ApprovedAmount", failure.Explanation));
            }
        }

        return errors;
    }

    public async Task<Result> RecordAsync(Context context, DecisionForm form, CancellationToken cancellationToken)
    {
        if (!MayDecide(context))
        {
            return new Result(false, true, []);
        }

        if (form.Outcome is null || !Enum.IsDefined(form.Outcome.Value))
        {
            return new Result(false, false, [new FormError("Outcome", "Choose the panel's decision")]);
        }

        var errors = await CheckAsync(context, form, cancellationToken);
        if (errors.Count > 0)
        {
            return new Result(false, false, errors);
        }

        var eoi = context.Eoi;
        var approving = form.Outcome is PanelDecisionOutcome.Approved or PanelDecisionOutcome.ApprovedWithConditions;
        decimal? amount = approving && FormValues.TryParseMoney(form.ApprovedAmount, out var parsed) ? parsed : null;
        var voters = Voters(form);
        var byId = context.Conflicts.ToDictionary(c => c.Member.PersonId, StringComparer.Ordinal);
        db.Entry(eoi).Property(e => e.Version).OriginalValue = form.Version;
        db.Entry(eoi).Property(e => e.Version).IsModified = true;
        var record = new OdPanelDecisionRecord
        {
            DecisionDate = context.DecisionDate,
            Outcome = form.Outcome.Value,
            Reasons = Trim(form.Reasons),
            Conditions = Trim(form.Conditions),
            ApprovedAmount = amount,
            VoterIds = string.Join(",", voters),
            VoterNames = string.Join("; ", voters.Select(v => byId[v].Member.Name)),
            Excluded = string.Join(" ", context.Conflicts.Where(c => c.Excluded).Select(c => $"{c.Member.Name}: {c.Reason}")),
            IsPending = true,

            // Recording the decision is the recorder's own vote; every other voter confirms theirs.
            ConfirmedVoterIds = currentUser.UserId,
            RecordedBy = currentUser.Name,
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        eoi.Decisions.Add(record);
        var inEffect = false;
        if (VoteConfirmation.Check(voters, Ids(record.ConfirmedVoterIds), context.Conflicts, context.Quorum).Severity == RuleSeverity.Pass)
        {
            // A quorum of one: the recorder's vote is enough.
            TakeEffect(context, record);
            inEffect = true;
            await notices.EoiDecidedAsync(eoi, cancellationToken);
        }
        else
        {
            await notices.VotesToConfirmAsync(eoi, record, currentUser.UserId!, cancellationToken);
        }

        return await SaveAsync(inEffect, "This expression of interest was changed by someone else (perhaps another panel member decided it). Check the latest and try again.", cancellationToken);
    }

    /// <summary>
    /// A named voter confirms their own vote on the waiting decision ("Confirm"), or says it is not theirs ("NotMine"), which
    /// withdraws the waiting decision so the panel can record it again. When the confirmed votes reach the quorum the decision
    /// takes effect, after the approval limits are checked again against what has been approved since it was recorded.
    /// </summary>
    public async Task<Result> ConfirmAsync(Context context, ConfirmVoteForm form, CancellationToken cancellationToken)
    {
        if (context.Me is null || context.Me.Excluded)
        {
            // Not on the panel, or a declared interest in this PCN: cannot vote.
            return new Result(false, true, []);
        }

        var pending = context.Pending;
        if (pending is null || pending.Id != form.DecisionId)
        {
            return new Result(false, false, [new FormError("", "This decision is no longer waiting for votes to be confirmed: it has taken effect or was withdrawn. Check the latest.")]);
        }

        var me = context.Me.Member.PersonId;
        if (!Ids(pending.VoterIds).Contains(me, StringComparer.Ordinal))
        {
            return new Result(false, true, []);
        }

        if (Ids(pending.ConfirmedVoterIds).Contains(me, StringComparer.Ordinal))
        {
            return new Result(false, false, [new FormError("", "You have already confirmed your vote on this decision.")]);
        }

        var eoi = context.Eoi;
        db.Entry(eoi).Property(e => e.Version).OriginalValue = form.Version;
        db.Entry(eoi).Property(e => e.Version).IsModified = true;
        if (string.Equals(form.Command, "NotMine", StringComparison.Ordinal))
        {
            db.OdPanelDecisions.Remove(pending);
            return await SaveAsync(false, ChangedMessage, cancellationToken);
        }

        pending.ConfirmedVoterIds = string.Join(",", Ids(pending.ConfirmedVoterIds).Append(me));
        var inEffect = false;
        if (VoteConfirmation.Check(Ids(pending.VoterIds), Ids(pending.ConfirmedVoterIds), context.Conflicts, context.Quorum).Severity == RuleSeverity.Pass)
        {
            if (pending.ApprovedAmount is { } amount)
            {
                var failures = await OdApprovalLimits.CheckApprovalAsync(db, eoi, amount, cancellationToken);
                if (failures.Count > 0)
                {
                    return new Result(false, false,
                    [
                        .. failures.Select(f => new FormError("", $"The decision cannot take effect now: {f.Explanation} Say it is not your vote to withdraw it, so the panel can record a new decision.")),
                    ]);
                }
            }

            TakeEffect(context, pending);
            inEffect = true;
            await notices.EoiDecidedAsync(eoi, cancellationToken);
        }

        return await SaveAsync(inEffect, ChangedMessage, cancellationToken);
    }

    private const string ChangedMessage = "This decision was changed by someone else (perhaps another voter confirmed at the same moment). Check the latest and try again.";

    private async Task<Result> SaveAsync(bool inEffect, string conflictMessage, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Result(false, false, [new FormError("", conflictMessage)]);
        }

        return new Result(true, false, [], inEffect);
    }

    /// <summary>The decision takes effect: the EOI's status follows it, and an approval becomes a payment for finance.</summary>
    private void TakeEffect(Context context, OdPanelDecisionRecord record)
    {
        var eoi = context.Eoi;
        record.IsPending = false;
        eoi.Status = record.Outcome switch
        {
            PanelDecisionOutcome.Approved => EoiStatus.Approved,
            PanelDecisionOutcome.ApprovedWithConditions => EoiStatus.ApprovedWithConditions,
            PanelDecisionOutcome.ReturnedForMoreInformation => EoiStatus.Returned,
            _ => EoiStatus.Declined,
        };
        if (record.ApprovedAmount is { } amount)
        {
            // Touching the fund's version makes two approvals racing on the same fund conflict: one is refused and re-checked.
            db.Entry(eoi.Fund!).Property(f => f.Version).IsModified = true;
            db.OdPayments.Add(new OdPayment
            {
                FundId = eoi.FundId,
                EoiId = eoi.Id,
                PcnCode = eoi.PcnCode,
                Amount = amount,
                Timing = context.DecisionDate <= eoi.Fund!.Year.LastDay ? OdPaymentTiming.InYear : OdPaymentTiming.Retrospective,
            });
        }
    }

    private List<string> Voters(DecisionForm form) => [.. form.Voters.Append(currentUser.UserId!).Distinct(StringComparer.Ordinal)];

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
