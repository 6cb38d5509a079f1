using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Features.Notifications;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Registration;

/// <summary>
/// The change-request flow: a PCN submits, the commissioner approves or returns. An approved change is applied on its effective
/// date: at once when that date has come, otherwise the first time the register, a PCN page or the change list is viewed on or
/// after it (<see cref="ApplyDueAsync"/>: applied on read, so no scheduler is needed and the register is never stale when read).
/// </summary>
public sealed class ChangeRequestService(PortalDbContext db, PcnMembershipService memberships, PortalNotices notices)
{
    /// <summary>Applies every approved change whose effective date has come. One cheap query when nothing is due.</summary>
    public async Task<int> ApplyDueAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var due = await db.PcnChangeRequests
            .Where(r => r.Status == PcnChangeStatus.Approved && r.AppliedOn == null && r.EffectiveDate <= today)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        foreach (var request in due.OrderBy(r => r.EffectiveDate).ThenBy(r => r.Id))
        {
            await ApplyAsync(request, today, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return due.Count;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another reader applied the same changes a moment ago (the requests' versions moved on): theirs stand,
            // nothing of ours was saved, and this request reads the register as they left it.
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    /// <summary>Approves (and applies when due). Returns an error message for the page, or null.</summary>
    public async Task<string?> ApproveAsync(PcnChangeRequest request, string decidedBy, DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        if (request.Kind == PcnChangeKind.PracticeJoins)
        {
            var clash = await memberships.CheckJoinAsync(request.PcnId, request.OrganisationCode!, request.EffectiveDate, cancellationToken);
            if (clash is not null)
            {
                return clash;
            }
        }

        request.Status = PcnChangeStatus.Approved;
        request.DecidedBy = decidedBy;
        request.DecidedAt = now;
        if (request.EffectiveDate <= today)
        {
            await ApplyAsync(request, today, cancellationToken);
        }

        await notices.ChangeRequestDecidedAsync(request, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task ReturnAsync(PcnChangeRequest request, string reason, string decidedBy, DateTime now, CancellationToken cancellationToken)
    {
        request.Status = PcnChangeStatus.Returned;
        request.ReturnReason = reason.Trim();
        request.DecidedBy = decidedBy;
        request.DecidedAt = now;
        await notices.ChangeRequestDecidedAsync(request, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ApplyAsync(PcnChangeRequest request, DateOnly today, CancellationToken cancellationToken)
    {
        var pcn = await db.Pcns.Include(p => p.ClinicalDirectors).SingleAsync(p => p.Id == request.PcnId, cancellationToken);
        var effective = request.EffectiveDate;
        switch (request.Kind)
        {
            case PcnChangeKind.ClinicalDirector:
                foreach (var current in pcn.ClinicalDirectors.Where(c => c.To is null || c.To >= effective))
                {
                    current.To = effective.AddDays(-1);
                }

                pcn.ClinicalDirectors.Add(new ClinicalDirector { Name = request.DirectorName!, Profession = request.DirectorProfession!, From = effective });
                break;
            case PcnChangeKind.NominatedPayee:
                pcn.NominatedPayeeCode = request.OrganisationCode;
                pcn.NominatedPayeeName = request.OrganisationName;
                break;
            case PcnChangeKind.Agreements:
                pcn.NetworkAgreementSigned = request.NetworkAgreementSigned ?? pcn.NetworkAgreementSigned;
                pcn.DataSharingAgreementSigned = request.DataSharingAgreementSigned ?? pcn.DataSharingAgreementSigned;
                break;
            case PcnChangeKind.PracticeJoins:
                await memberships.AddAsync(pcn, request.OrganisationCode!, effective, cancellationToken);
                break;
            case PcnChangeKind.PracticeLeaves:
                await memberships.EndAsync(pcn.Id, request.OrganisationCode!, effective.AddDays(-1), cancellationToken);
                break;
        }

        request.AppliedOn = today;
    }
}

/// <summary>Adds and ends practice memberships, refusing PRACTICE-MULTIPLE-PCNS overlaps. Changes are saved by the caller.</summary>
public sealed class PcnMembershipService(PortalDbContext db)
{
    /// <summary>Null when the practice may join the PCN from the date; otherwise the message for the field.</summary>
    public async Task<string?> CheckJoinAsync(int pcnId, string practiceCode, DateOnly start, CancellationToken cancellationToken)
    {
        var existing = await db.PcnMemberships.AsNoTracking().Where(m => m.Practice!.Code == practiceCode)
            .Select(m => new PracticeMembership(practiceCode, m.Pcn!.Code, m.StartDate, m.EndDate)).ToListAsync(cancellationToken);
        var pcnCode = await db.Pcns.Where(p => p.Id == pcnId).Select(p => p.Code).SingleAsync(cancellationToken);
        if (existing.Any(m => m.PcnCode == pcnCode && m.Overlaps(new PracticeMembership(practiceCode, pcnCode, start, null))))
        {
            return $"Practice {practiceCode} is already a member of {pcnCode} on {start:d MMMM yyyy}.";
        }

        var outcome = PracticeMultiplePcnsRule.CheckPractice(practiceCode, [.. existing, new PracticeMembership(practiceCode, pcnCode, start, null)]);
        return outcome.Severity == Domain.Common.RuleSeverity.Fail ? $"{outcome.Code}: {outcome.Explanation}" : null;
    }

    public async Task AddAsync(Pcn pcn, string practiceCode, DateOnly start, CancellationToken cancellationToken)
    {
        var practice = await db.Practices.SingleAsync(p => p.Code == practiceCode, cancellationToken);

        // Joining on the day another membership of the practice ends is a handover (MembershipHandovers): that membership's
        // last day becomes the day before, so the practice is in one PCN on every date.
        var handedOver = await db.PcnMemberships.Where(m => m.PracticeId == practice.Id && m.EndDate == start && m.StartDate < start).ToListAsync(cancellationToken);
        foreach (var membership in handedOver)
        {
            membership.EndDate = start.AddDays(-1);
        }

        db.PcnMemberships.Add(new PcnMembership { PcnId = pcn.Id, Practice = practice, StartDate = start });
    }

    public async Task<bool> EndAsync(int pcnId, string practiceCode, DateOnly end, CancellationToken cancellationToken)
    {
        var membership = await db.PcnMemberships
            .Where(m => m.PcnId == pcnId && m.Practice!.Code == practiceCode && m.StartDate <= end && (m.EndDate == null || m.EndDate > end))
            .OrderByDescending(m => m.StartDate)
            .FirstOrDefaultAsync(cancellationToken);
        if (membership is null)
        {
            return false;
        }

        membership.EndDate = end;
        return true;
    }
}
