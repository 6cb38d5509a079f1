using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.OdFunds;
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

/// <summary>Who may decide an EOI, who is excluded and why, and recording the decision (with its payment when approved).</summary>
public sealed class PanelDecisionService(PortalDbContext db, ICurrentUser currentUser, TimeProvider clock)
{
    public sealed record Context(OdEoi Eoi, string PcnName, IReadOnlyList<ConflictResult> Conflicts, DateOnly DecisionDate, ConflictResult? Me);

    public sealed record Result(bool Saved, bool Forbidden, IReadOnlyList<FormError> Errors);

    public DateOnly Today => clock.Today();

    public async Task<Context?> LoadAsync(int eoiId, CancellationToken cancellationToken)
    {
        var eoi = await db.OdEois.Include(e => e.Fund).Include(e => e.Lines).SingleOrDefaultAsync(e => e.Id == eoiId, cancellationToken);
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

    public async Task<Result> RecordAsync(Context context, DecisionForm form, CancellationToken cancellationToken)
    {
        if (!MayDecide(context))
        {
            return new Result(false, true, []);
        }

        var errors = new List<FormError>();
        var eoi = context.Eoi;
        if (eoi.Status != EoiStatus.Submitted)
        {
            errors.Add(new FormError("", $"This expression of interest is {OdEoi.Describe(eoi.Status).ToLowerInvariant()}; the panel decides only submitted ones."));
            return new Result(false, false, errors);
        }

        if (form.Outcome is null || !Enum.IsDefined(form.Outcome.Value))
        {
            errors.Add(new FormError("Outcome", "Choose the panel's decision"));
            return new Result(false, false, errors);
        }

        decimal? amount = null;
        var approving = form.Outcome is PanelDecisionOutcome.Approved or PanelDecisionOutcome.ApprovedWithConditions;
        if (!string.IsNullOrWhiteSpace(form.ApprovedAmount))
        {
            if (FormValues.TryParseMoney(form.ApprovedAmount, out var parsed))
            {
                amount = parsed;
            }
            else
            {
                errors.Add(new FormError("ApprovedAmount", "Enter the amount approved in pounds and pence, for example 26400.00"));
                return new Result(false, false, errors);
            }
        }

        var voters = form.Voters.Append(currentUser.UserId!).Distinct(StringComparer.Ordinal).ToList();
        var decision = new PanelDecision(eoi.PcnCode, context.DecisionDate, form.Outcome.Value, voters, Trim(form.Reasons), Trim(form.Conditions), approving ? amount : null);
        foreach (var failure in PanelDecisionRules.Check(decision, context.Conflicts, eoi.Fund!.Quorum).Where(o => o.Severity == RuleSeverity.Fail))
        {
            var key = failure.Code switch
            {
                PanelDecisionRules.AmountCode => "ApprovedAmount",
                PanelDecisionRules.ReasonCode => form.Outcome == PanelDecisionOutcome.ApprovedWithConditions ? "Conditions" : "Reasons",
                _ => "Voters",
            };
            errors.Add(new FormError(key, $"{failure.Explanation} ({failure.Code})"));
        }

        if (errors.Count == 0 && approving && amount is { } approvedAmount)
        {
            // Over-allocation is refused, not only shown: the request, the PCN's remaining share and the fund's distributable amount.
            foreach (var failure in await OdApprovalLimits.CheckApprovalAsync(db, eoi, approvedAmount, cancellationToken))
            {
                errors.Add(new FormError("Input.ApprovedAmount", $"{failure.Explanation} ({failure.Code})"));
            }
        }

        if (errors.Count > 0)
        {
            return new Result(false, false, errors);
        }

        var byId = context.Conflicts.ToDictionary(c => c.Member.PersonId, StringComparer.Ordinal);
        db.Entry(eoi).Property(e => e.Version).OriginalValue = form.Version;
        eoi.Decisions.Add(new OdPanelDecisionRecord
        {
            DecisionDate = context.DecisionDate,
            Outcome = form.Outcome.Value,
            Reasons = decision.Reasons,
            Conditions = decision.Conditions,
            ApprovedAmount = approving ? amount : null,
            VoterIds = string.Join(",", voters),
            VoterNames = string.Join("; ", voters.Select(v => byId[v].Member.Name)),
            Excluded = string.Join(" ", context.Conflicts.Where(c => c.Excluded).Select(c => $"{c.Member.Name}: {c.Reason}")),
            RecordedBy = currentUser.Name,
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        eoi.Status = form.Outcome.Value switch
        {
            PanelDecisionOutcome.Approved => EoiStatus.Approved,
            PanelDecisionOutcome.ApprovedWithConditions => EoiStatus.ApprovedWithConditions,
            PanelDecisionOutcome.ReturnedForMoreInformation => EoiStatus.Returned,
            _ => EoiStatus.Declined,
        };
        if (approving)
        {
            // Touching the fund's version makes two approvals racing on the same fund conflict: one is refused and re-checked.
            db.Entry(eoi.Fund).Property(f => f.Version).IsModified = true;
            db.OdPayments.Add(new OdPayment
            {
                FundId = eoi.FundId,
                EoiId = eoi.Id,
                PcnCode = eoi.PcnCode,
                Amount = amount!.Value,
                Timing = context.DecisionDate <= eoi.Fund.Year.LastDay ? OdPaymentTiming.InYear : OdPaymentTiming.Retrospective,
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Result(false, false, [new FormError("", "This expression of interest was changed by someone else (perhaps another panel member decided it). Check the latest and try again.")]);
        }

        return new Result(true, false, []);
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
