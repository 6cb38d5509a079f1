using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.DemoData;

namespace PcnPortal.Web.Features.Notifications;

/// <summary>
/// The emails the demo CCG's history would have raised, written through the same <see cref="PortalNotices"/> the services
/// use, so a newcomer finds them on /admin/notifications (in Development the outbox keeps them as "Would have been sent"):
/// the latest queried and rejected claim lines, change requests waiting and returned, expressions of interest waiting for
/// the panel or the clinical director, recent panel decisions and votes to confirm, the latest maturity round, and the
/// daily run's reminders and digests for today. The other demo seeders write records directly (they are history, not
/// events), which is why this runs last. With <c>Email:Transport</c> <c>Off</c> nothing is written, as for any change.
/// </summary>
public sealed class NotificationsDemoSeeder(PortalNotices notices, NotificationDailyRun dailyRun) : IDemoSeeder
{
    /// <summary>How many of the latest decided claim lines and EOIs raise their email: enough to show each kind.</summary>
    private const int Latest = 3;

    public int Order => 90;

    public async Task SeedAsync(PortalDbContext db, DemoSeedContext context, CancellationToken cancellationToken)
    {
        foreach (var status in new[] { ArrsClaimStatus.Queried, ArrsClaimStatus.Rejected })
        {
            var lines = await db.ArrsClaimLines.AsNoTracking().Where(l => l.Status == status)
                .OrderByDescending(l => l.DecidedAt).ThenByDescending(l => l.Id).Take(Latest).ToListAsync(cancellationToken);
            foreach (var line in lines)
            {
                await notices.ClaimLineDecidedAsync(line, cancellationToken);
            }
        }

        var requests = await db.PcnChangeRequests.AsNoTracking()
            .Where(r => r.Status == PcnChangeStatus.Submitted || r.Status == PcnChangeStatus.Returned)
            .OrderBy(r => r.Id).ToListAsync(cancellationToken);
        foreach (var request in requests)
        {
            await (request.Status == PcnChangeStatus.Submitted
                ? notices.ChangeRequestSubmittedAsync(request, cancellationToken)
                : notices.ChangeRequestDecidedAsync(request, cancellationToken));
        }

        var eois = await db.OdEois.AsNoTracking().Include(e => e.Decisions).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        foreach (var eoi in eois.Where(e => e.Status is EoiStatus.Submitted or EoiStatus.Draft))
        {
            if (eoi.Decisions.FirstOrDefault(d => d.IsPending) is { } pending)
            {
                await notices.VotesToConfirmAsync(eoi, pending, FirstVoter(pending), cancellationToken);
            }
            else
            {
                await notices.EoiSavedAsync(eoi, cancellationToken);
            }
        }

        var decided = eois.Where(e => e.Status is not (EoiStatus.Submitted or EoiStatus.Draft))
            .OrderByDescending(e => e.Decisions.Where(d => !d.IsPending).Select(d => (DateTime?)d.RecordedAtUtc).Max()).ThenByDescending(e => e.Id)
            .Take(Latest);
        foreach (var eoi in decided)
        {
            await notices.EoiDecidedAsync(eoi, cancellationToken);
        }

        var round = await db.AssessmentRounds.AsNoTracking().Include(r => r.Returns)
            .OrderByDescending(r => r.YearStart).FirstOrDefaultAsync(cancellationToken);
        if (round is not null)
        {
            await notices.MaturityRoundOpenedAsync(round, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await dailyRun.RunAsync(context.Today, cancellationToken);
    }

    /// <summary>The member who recorded a waiting decision is the one whose vote is already confirmed.</summary>
    private static string FirstVoter(OdPanelDecisionRecord pending) =>
        (pending.ConfirmedVoterIds ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
}
