using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Maturity;
using PcnPortal.Web.Features.Notifications;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Configuration;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Features.Maturity;

/// <summary>Opens assessment rounds and reads their tracker.</summary>
public sealed class MaturityRoundService(PortalDbContext db, PortalOptions portal, TimeProvider clock, PortalNotices notices)
{
    public DateOnly Today => clock.Today();

    /// <summary>Opens a round and creates a Not started return for every open PCN in the CCG. Returns the round, or an error keyed by the form field.</summary>
    public async Task<ServiceResult<AssessmentRound>> OpenAsync(
        FinancialYear year, DateOnly dueDate, int matrixVersionId, string openedBy, CancellationToken cancellationToken)
    {
        if (await db.AssessmentRounds.AnyAsync(r => r.YearStart == year.StartYear, cancellationToken))
        {
            return ServiceResult<AssessmentRound>.Fail("Year", $"A round for {year} is already open; there can be only one round a year");
        }

        if (!await db.MatrixVersions.AnyAsync(v => v.Id == matrixVersionId, cancellationToken))
        {
            return ServiceResult<AssessmentRound>.Fail("MatrixVersionId", "Select a matrix version from the list");
        }

        var today = Today;
        var codes = portal.CcgCodes;
        var pcns = await db.Pcns.Where(p => codes.Contains(p.CcgCode) && p.OpenDate <= today && (p.CloseDate == null || p.CloseDate >= today))
            .Select(p => p.Id).ToListAsync(cancellationToken);
        if (pcns.Count == 0)
        {
            return ServiceResult<AssessmentRound>.Fail("Year", "There are no open PCNs in the CCG to ask for a return");
        }

        var round = new AssessmentRound
        {
            YearStart = year.StartYear,
            DueDate = dueDate,
            MatrixVersionId = matrixVersionId,
            OpenedBy = openedBy,
            OpenedAt = clock.GetUtcNow().UtcDateTime,
            Returns = [.. pcns.Select(id => new MaturityReturn { PcnId = id, Status = MaturityReturnStatus.NotStarted })],
        };
        db.AssessmentRounds.Add(round);
        await notices.MaturityRoundOpenedAsync(round, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<AssessmentRound>.Ok(round);
    }

    public async Task<List<RoundRow>> ListAsync(CancellationToken cancellationToken)
    {
        var rounds = await db.AssessmentRounds.AsNoTracking().OrderByDescending(r => r.YearStart)
            .Select(r => new
            {
                r.Id,
                r.YearStart,
                r.DueDate,
                Expected = r.Returns.Count,
                Received = r.Returns.Count(x => x.Status == MaturityReturnStatus.Submitted || x.Status == MaturityReturnStatus.Reviewed),
                Reviewed = r.Returns.Count(x => x.Status == MaturityReturnStatus.Reviewed),
            })
            .ToListAsync(cancellationToken);
        return [.. rounds.Select(r => new RoundRow(r.Id, new FinancialYear(r.YearStart), r.DueDate, r.Expected, r.Received, r.Reviewed))];
    }

    public async Task<Tracker?> TrackerAsync(int roundId, CancellationToken cancellationToken)
    {
        var round = await db.AssessmentRounds.AsNoTracking().Where(r => r.Id == roundId)
            .Select(r => new { r.Id, r.YearStart, r.DueDate, r.OpenedBy, r.OpenedAt, Matrix = r.MatrixVersion!.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (round is null)
        {
            return null;
        }

        var rows = await db.MaturityReturns.AsNoTracking().Where(r => r.RoundId == roundId)
            .OrderBy(r => r.Pcn!.Name)
            .Select(r => new TrackerRow(r.Id, r.Pcn!.Code, r.Pcn.Name, r.Status, r.SubmittedOn, r.LastEditedAt, r.ReviewMeetingDate))
            .ToListAsync(cancellationToken);
        var summary = ReturnTracker.Summarise([.. rows.Select(r => new ReturnTrackerEntry(r.PcnCode, r.Status, r.SubmittedOn))], round.DueDate, Today);
        return new Tracker(round.Id, new FinancialYear(round.YearStart), round.DueDate, round.OpenedBy, round.OpenedAt, round.Matrix, rows, summary, Today);
    }

    public sealed record RoundRow(int Id, FinancialYear Year, DateOnly DueDate, int Expected, int Received, int Reviewed)
    {
        public string ReceivedText => $"{Received} of {Expected} received";
    }

    public sealed record TrackerRow(int ReturnId, string PcnCode, string PcnName, MaturityReturnStatus Status, DateOnly? SubmittedOn, DateTime? LastEditedAt, DateOnly? ReviewMeetingDate);

    public sealed record Tracker(
        int Id, FinancialYear Year, DateOnly DueDate, string OpenedBy, DateTime OpenedAt, string MatrixName,
        IReadOnlyList<TrackerRow> Rows, ReturnTrackerSummary Summary, DateOnly Today)
    {
        public bool IsOverdue(TrackerRow row) => Summary.OverduePcnCodes.Contains(row.PcnCode);

        public bool IsLate(TrackerRow row) => Summary.SubmittedLatePcnCodes.Contains(row.PcnCode);
    }
}
