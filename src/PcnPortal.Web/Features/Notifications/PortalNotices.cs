using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Maturity;
using PcnPortal.Domain.Notifications;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Notifications;

/// <summary>
/// The notifications the portal's services raise, one method an event, each a single call placed just before the
/// service's own <c>SaveChanges</c> so the emails are saved (or rolled back) with the change. Emails name the PCN, the
/// item and a link; never a staff member's name, pay or other personal data.
/// </summary>
public sealed class PortalNotices(PortalDbContext db, INotificationOutbox outbox, TimeProvider clock)
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A claim line queried or rejected (with the reason) tells the PCN's users; other decisions send nothing.</summary>
    public async Task ClaimLineDecidedAsync(ArrsClaimLine line, CancellationToken cancellationToken)
    {
        if (line.Status is not (ArrsClaimStatus.Queried or ArrsClaimStatus.Rejected))
        {
            return;
        }

        var pcn = await PcnAsync(line.PcnId, cancellationToken);
        var queried = line.Status == ArrsClaimStatus.Queried;
        var role = await db.ArrsRoles.AsNoTracking().Where(r => r.Code == line.RoleCode).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken) ?? line.RoleCode;
        var item = $"{pcn.Code} {pcn.Name}, {line.Month.ToString("MMMM yyyy", EnGb)}";
        var reason = queried
            ? line.DecisionText ?? "No question was given."
            : string.Join(" ", new[] { ArrsRejectionReasons.Describe(line.RejectionReason), line.DecisionText }.Where(t => !string.IsNullOrWhiteSpace(t)));
        var body = queried
            ? $"The contracts team has queried a claim line of {item} ({role}).\n\nTheir question: {reason}\n\nAnswer it on the line's page; the 5-working-day decision clock starts again when you do."
            : $"The contracts team has rejected a claim line of {item} ({role}).\n\nReason: {reason}";
        await outbox.AddAsync(
            new Notice(queried ? NotificationKind.ClaimLineQueried : NotificationKind.ClaimLineRejected, Audience.PcnUsers(pcn.Code), pcn.Code,
                $"Claim line {(queried ? "queried" : "rejected")}: {item}", body, $"/claims/lines/{line.Id}"),
            cancellationToken);
    }

    /// <summary>A PCN's change request submitted: the contracts team is told.</summary>
    public async Task ChangeRequestSubmittedAsync(PcnChangeRequest request, CancellationToken cancellationToken)
    {
        var pcn = await PcnAsync(request.PcnId, cancellationToken);
        await outbox.AddAsync(
            new Notice(NotificationKind.ChangeRequestSubmitted, Audience.Contracts, pcn.Code,
                $"Change request to review: {pcn.Code} {pcn.Name}, {ChangeText(request.Kind)}",
                $"{pcn.Code} {pcn.Name} has asked to change its {ChangeText(request.Kind)} from {request.EffectiveDate.ToString("d MMMM yyyy", EnGb)}. It is waiting for your review.",
                "/pcns/changes"),
            cancellationToken);
    }

    /// <summary>A change request approved or returned: the PCN's users are told (with the reason when returned).</summary>
    public async Task ChangeRequestDecidedAsync(PcnChangeRequest request, CancellationToken cancellationToken)
    {
        if (request.Status is not (PcnChangeStatus.Approved or PcnChangeStatus.Returned))
        {
            return;
        }

        var pcn = await PcnAsync(request.PcnId, cancellationToken);
        var approved = request.Status == PcnChangeStatus.Approved;
        var what = $"{pcn.Code} {pcn.Name}'s change request ({ChangeText(request.Kind)} from {request.EffectiveDate.ToString("d MMMM yyyy", EnGb)})";
        await outbox.AddAsync(
            new Notice(approved ? NotificationKind.ChangeRequestApproved : NotificationKind.ChangeRequestReturned, Audience.PcnUsers(pcn.Code), pcn.Code,
                $"Change request {(approved ? "approved" : "returned")}: {pcn.Code} {pcn.Name}, {ChangeText(request.Kind)}",
                approved
                    ? $"The contracts team has approved {what}. It is applied to the register on its effective date."
                    : $"The contracts team has returned {what}.\n\nReason: {request.ReturnReason}\n\nYou can submit a new request with the changes asked for.",
                $"/pcns/{pcn.Code}"),
            cancellationToken);
    }

    /// <summary>
    /// An expression of interest saved: when submitted, the fund's panel members are told it waits for their decision;
    /// when saved as a draft without the clinical director's confirmation, the PCN's clinical directors are told (at most
    /// once a day an EOI).
    /// </summary>
    public async Task EoiSavedAsync(OdEoi eoi, CancellationToken cancellationToken)
    {
        var fund = await db.OdFunds.AsNoTracking().Where(f => f.Id == eoi.FundId).Select(f => new { f.Name }).SingleAsync(cancellationToken);
        var pcn = await PcnAsync(eoi.PcnCode, cancellationToken);
        if (eoi.Status == EoiStatus.Submitted)
        {
            var panel = await db.OdPanelMembers.AsNoTracking().Where(p => p.FundId == eoi.FundId).Select(p => p.UserId).ToListAsync(cancellationToken);
            if (panel.Count > 0)
            {
                await outbox.AddAsync(
                    new Notice(NotificationKind.EoiAwaitingPanel, Audience.Users(panel), pcn.Code,
                        $"Expression of interest to decide: {pcn.Code} {pcn.Name}, {fund.Name}",
                        $"{pcn.Code} {pcn.Name} has submitted an expression of interest for the OD fund {fund.Name}. It is waiting for the panel's decision.",
                        eoi.Id > 0 ? $"/od-funds/eois/{eoi.Id}/decision" : $"/od-funds/{eoi.FundId}"),
                    cancellationToken);
            }
        }
        else if (eoi.Status is EoiStatus.Draft or EoiStatus.Returned && !eoi.ClinicalDirectorConfirmed)
        {
            await outbox.AddAsync(
                new Notice(NotificationKind.ConfirmationWaiting, Audience.ClinicalDirectors(pcn.Code), pcn.Code,
                    $"Your confirmation is needed: {pcn.Code} {pcn.Name}'s expression of interest for {fund.Name}",
                    $"{pcn.Code} {pcn.Name}'s expression of interest for the OD fund {fund.Name} is waiting for the clinical director's confirmation before it can be submitted.",
                    $"/od-funds/{eoi.FundId}/eoi",
                    $"confirmation-waiting:eoi:{eoi.FundId}:{eoi.PcnCode}:{clock.Today():yyyy-MM-dd}"),
                cancellationToken);
        }
    }

    /// <summary>The panel's decision on an expression of interest: the PCN's users are told (returned, or decided).</summary>
    public async Task EoiDecidedAsync(OdEoi eoi, CancellationToken cancellationToken)
    {
        var fund = await db.OdFunds.AsNoTracking().Where(f => f.Id == eoi.FundId).Select(f => new { f.Name }).SingleAsync(cancellationToken);
        var pcn = await PcnAsync(eoi.PcnCode, cancellationToken);
        var returned = eoi.Status == EoiStatus.Returned;
        var outcome = eoi.Status switch
        {
            EoiStatus.Approved => "approved",
            EoiStatus.ApprovedWithConditions => "approved with conditions",
            EoiStatus.Declined => "declined",
            _ => "returned for more information",
        };
        await outbox.AddAsync(
            new Notice(returned ? NotificationKind.EoiReturned : NotificationKind.EoiDecided, Audience.PcnUsers(pcn.Code), pcn.Code,
                $"Expression of interest {outcome}: {pcn.Code} {pcn.Name}, {fund.Name}",
                $"The panel has {outcome} {pcn.Code} {pcn.Name}'s expression of interest for the OD fund {fund.Name}. The decision and its reasons are on the expression of interest's page.",
                $"/od-funds/eois/{eoi.Id}"),
            cancellationToken);
    }

    /// <summary>
    /// A panel decision recorded and waiting for its named voters: each voter other than the member who recorded it is
    /// asked to confirm their own vote (or say it is not theirs). The email names the PCN, the fund and the outcome
    /// recorded, never the amount or the other voters.
    /// </summary>
    public async Task VotesToConfirmAsync(OdEoi eoi, OdPanelDecisionRecord decision, string recordedByUserId, CancellationToken cancellationToken)
    {
        var voters = decision.VoterIds.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(v => !string.Equals(v, recordedByUserId, StringComparison.Ordinal))
            .ToList();
        if (voters.Count == 0)
        {
            return;
        }

        var fund = await db.OdFunds.AsNoTracking().Where(f => f.Id == eoi.FundId).Select(f => new { f.Name }).SingleAsync(cancellationToken);
        var pcn = await PcnAsync(eoi.PcnCode, cancellationToken);
        var outcome = OdPanelDecisionRecord.Describe(decision.Outcome).ToLower(EnGb);
        await outbox.AddAsync(
            new Notice(NotificationKind.VoteConfirmationWaiting, Audience.Users(voters), pcn.Code,
                $"Confirm your vote: {pcn.Code} {pcn.Name}, {fund.Name}",
                $"{decision.RecordedBy} has recorded the panel's decision on {pcn.Code} {pcn.Name}'s expression of interest for the OD fund {fund.Name} ({outcome}) and named you as a voter. It takes effect only when enough voters confirm their own votes. Confirm your vote, or say it is not yours, on the decision's page.",
                $"/od-funds/eois/{eoi.Id}/decision/confirm"),
            cancellationToken);
    }

    /// <summary>A maturity round opened: each PCN in it is told its return is due.</summary>
    public async Task MaturityRoundOpenedAsync(AssessmentRound round, CancellationToken cancellationToken)
    {
        var ids = round.Returns.Select(r => r.PcnId).ToList();
        var pcns = await db.Pcns.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Code, p.Name }).ToListAsync(cancellationToken);
        foreach (var pcn in pcns)
        {
            await outbox.AddAsync(
                new Notice(NotificationKind.MaturityRoundOpened, Audience.PcnUsers(pcn.Code), pcn.Code,
                    $"Maturity matrix {round.Year}: {pcn.Code} {pcn.Name}'s return is due on {round.DueDate.ToString("d MMMM yyyy", EnGb)}",
                    $"The commissioner has opened the {round.Year} maturity matrix self-assessment. {pcn.Code} {pcn.Name}'s return is due on {round.DueDate.ToString("dddd d MMMM yyyy", EnGb)} ({WorkingDays.Between(clock.Today(), round.DueDate)} working days from today).",
                    "/maturity"),
                cancellationToken);
        }
    }

    private async Task<(string Code, string Name)> PcnAsync(int pcnId, CancellationToken cancellationToken)
    {
        var pcn = await db.Pcns.AsNoTracking().Where(p => p.Id == pcnId).Select(p => new { p.Code, p.Name }).SingleAsync(cancellationToken);
        return (pcn.Code, pcn.Name);
    }

    private async Task<(string Code, string Name)> PcnAsync(string code, CancellationToken cancellationToken)
    {
        var name = await db.Pcns.AsNoTracking().Where(p => p.Code == code).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
        return (code, name ?? code);
    }

    private static string ChangeText(PcnChangeKind kind) => kind switch
    {
        PcnChangeKind.ClinicalDirector => "clinical director",
        PcnChangeKind.NominatedPayee => "nominated payee",
        PcnChangeKind.Agreements => "network and data sharing agreements",
        PcnChangeKind.PracticeJoins => "member practices (a practice joins)",
        PcnChangeKind.PracticeLeaves => "member practices (a practice leaves)",
        _ => kind.ToString(),
    };
}
