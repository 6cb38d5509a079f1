using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Access;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Features.Access;

/// <summary>One session as the plan form gives it, already parsed (day, times) by the form's validator.</summary>
public sealed record PlanSessionInput(DayOfWeek Day, TimeOnly Start, TimeOnly End, string PracticeCode, string ClinicianType);

/// <summary>
/// A PCN submits an access plan (its own PCN only), and the contracts team approves or returns it. On approval the
/// member practices of the day are recorded, so a later change of membership flags a re-plan.
/// </summary>
public sealed class AccessPlanService(PortalDbContext db, PcnScope scope, ICurrentUser currentUser, TimeProvider clock, AccessRequirementQuery requirements)
{
    public static readonly IReadOnlyList<string> ClinicianTypes =
    [
        "GP", "Practice nurse", "Advanced practitioner", "Clinical pharmacist", "First contact physiotherapist", "Paramedic",
        "Physician associate", "Healthcare assistant", "Mental health practitioner", "Other clinician",
    ];

    public async Task<ServiceResult<int>> SubmitAsync(string pcnCode, DateOnly effectiveFrom, IReadOnlyList<PlanSessionInput> sessions, CancellationToken cancellationToken)
    {
        if (!scope.IsOwn(pcnCode))
        {
            return ServiceResult<int>.Fail("", "Only the PCN's own manager or clinical director can submit its plan.");
        }

        var pcn = await db.Pcns.SingleOrDefaultAsync(p => p.Code == pcnCode, cancellationToken);
        if (pcn is null)
        {
            return ServiceResult<int>.Fail("", $"{pcnCode} is not a PCN the portal knows.");
        }

        var data = await requirements.LoadAsync([pcn.Id], cancellationToken);
        var practices = data.PracticesOn(pcn.Id, effectiveFrom);
        var errors = new List<FormError>();
        if (AccessRequirement.FigureOn(data.Figures, effectiveFrom) is null)
        {
            errors.Add(new FormError("EffectiveFrom", $"Enter a date from {AccessText.Date(PublishedAccessSchedule.ExtendedHoursStart)}, when extended hours began."));
        }

        for (var i = 0; i < sessions.Count; i++)
        {
            if (!practices.Contains(sessions[i].PracticeCode, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(new FormError($"Sessions[{i}].PracticeCode", $"Choose a practice that is a member of {pcn.Name} on {AccessText.Date(effectiveFrom)}."));
            }
        }

        if (errors.Count > 0)
        {
            return ServiceResult<int>.Fail(errors);
        }

        var plan = new AccessPlan
        {
            PcnId = pcn.Id,
            EffectiveFrom = effectiveFrom,
            SubmittedOn = clock.Today(),
            SubmittedBy = currentUser.Name,
            Sessions = [.. sessions.Select(s => new AccessPlanSession { Day = s.Day, Start = s.Start, End = s.End, PracticeCode = s.PracticeCode.ToUpperInvariant(), ClinicianType = s.ClinicianType })],
        };
        db.AccessPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<int>.Ok(plan.Id);
    }

    /// <summary>Approves (with an optional note) or returns (with the reason) a submitted plan.</summary>
    public async Task<FormResult> DecideAsync(int planId, bool approve, string? note, CancellationToken cancellationToken)
    {
        var plan = await db.AccessPlans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return FormResult.Fail("", "The plan no longer exists.");
        }

        if (plan.Status != AccessPlanStatus.Submitted)
        {
            return FormResult.Fail("", $"This plan was already {plan.Status.ToString().ToLowerInvariant()} on {AccessText.Date(plan.DecidedOn ?? plan.SubmittedOn)} by {plan.DecidedBy}.");
        }

        if (!approve && string.IsNullOrWhiteSpace(note))
        {
            return FormResult.Fail("Note", "Enter why the plan is returned, so the PCN knows what to change.");
        }

        var today = clock.Today();
        plan.Status = approve ? AccessPlanStatus.Approved : AccessPlanStatus.Returned;
        plan.DecidedOn = today;
        plan.DecidedBy = currentUser.Name;
        plan.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (approve)
        {
            var data = await requirements.LoadAsync([plan.PcnId], cancellationToken);
            var on = plan.EffectiveFrom > today ? plan.EffectiveFrom : today;
            plan.ApprovedPractices = string.Join(',', data.PracticesOn(plan.PcnId, on));
        }

        await db.SaveChangesAsync(cancellationToken);
        return FormResult.Success;
    }
}
