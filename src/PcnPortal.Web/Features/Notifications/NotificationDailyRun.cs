using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Maturity;
using PcnPortal.Domain.Notifications;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Notifications;

/// <summary>What one daily run wrote to the outbox.</summary>
public sealed record DailyRunSummary(int Reminders, int ContractsDigests, int FinanceDigests, int DailyDigests);

/// <summary>
/// The once-a-day work, for a UK date: deadline reminders 10 and 2 working days before a maturity return or an
/// expression of interest is due (to the PCN that owes it), the contracts digest of claim lines whose decision clock
/// ends on the next working day, the finance digest of approved lines awaiting payment on the month's last working
/// day, and each person's daily digest of the notifications they chose to have that way. Idempotent: every message
/// has a unique key (kind, item, day), so running it twice on a day (a restart, two instances) writes nothing new.
/// </summary>
public sealed class NotificationDailyRun(PortalDbContext db, INotificationOutbox outbox, EmailOptions options, TimeProvider clock)
{
    public async Task<DailyRunSummary> RunAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var reminders = await RemindersAsync(today, cancellationToken);
        var contracts = await ContractsDigestAsync(today, cancellationToken);
        var finance = await FinanceDigestAsync(today, cancellationToken);
        var digests = await DailyDigestsAsync(today, cancellationToken);
        return new DailyRunSummary(reminders, contracts, finance, digests);
    }

    private async Task<int> RemindersAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var written = 0;
        var returns = await db.MaturityReturns.AsNoTracking()
            .Where(r => (r.Status == MaturityReturnStatus.NotStarted || r.Status == MaturityReturnStatus.InProgress) && r.Round!.DueDate > today)
            .Select(r => new { r.Id, r.Round!.DueDate, r.Round.YearStart, r.Pcn!.Code, r.Pcn.Name })
            .ToListAsync(cancellationToken);
        foreach (var r in returns)
        {
            if (NotificationCalendar.ReminderDue(r.DueDate, today) is not { } days)
            {
                continue;
            }

            var year = new Domain.Common.FinancialYear(r.YearStart);
            written += await AddOnceAsync(
                new Notice(
                    NotificationKind.DeadlineReminder,
                    Audience.PcnUsers(r.Code),
                    r.Code,
                    $"Reminder: {r.Code} {r.Name}'s maturity return for {year} is due on {Date(r.DueDate)}",
                    $"{r.Code} {r.Name}'s maturity matrix return for {year} is due on {Date(r.DueDate)}, {WorkingDaysLeft(today, r.DueDate)}. It has not been submitted yet.",
                    $"/maturity/returns/{r.Id}",
                    $"reminder:maturity-return:{r.Id}:{days}"),
                cancellationToken);
        }

        var eois = await db.OdEois.AsNoTracking()
            .Where(e => (e.Status == EoiStatus.Draft || e.Status == EoiStatus.Returned) && e.Fund!.Status == OdFundStatus.Open && e.Fund.EoiDeadline > today)
            .Select(e => new { e.Id, e.FundId, e.PcnCode, FundName = e.Fund!.Name, e.Fund.EoiDeadline })
            .ToListAsync(cancellationToken);
        foreach (var e in eois)
        {
            if (NotificationCalendar.ReminderDue(e.EoiDeadline, today) is not { } days)
            {
                continue;
            }

            written += await AddOnceAsync(
                new Notice(
                    NotificationKind.DeadlineReminder,
                    Audience.PcnUsers(e.PcnCode),
                    e.PcnCode,
                    $"Reminder: {e.PcnCode}'s expression of interest for {e.FundName} is due on {Date(e.EoiDeadline)}",
                    $"{e.PcnCode}'s expression of interest for the OD fund {e.FundName} has to be submitted by {Date(e.EoiDeadline)}, {WorkingDaysLeft(today, e.EoiDeadline)}. It has not been submitted yet.",
                    $"/od-funds/{e.FundId}/eoi",
                    $"reminder:eoi:{e.Id}:{days}"),
                cancellationToken);
        }

        return written;
    }

    private async Task<int> ContractsDigestAsync(DateOnly today, CancellationToken cancellationToken)
    {
        if (NotificationCalendar.ClockEndingForDigest(today) is not { } due)
        {
            return 0;
        }

        var lines = await LinesByPcnAsync(l => l.Status == ArrsClaimStatus.Submitted && l.DueOn == due, cancellationToken);
        if (lines.Count == 0)
        {
            return 0;
        }

        var total = lines.Sum(l => l.Count);
        var body = ByPcn($"{Lines(total)} waiting for a decision reach the end of their 5-working-day clock on {Date(due)}:", lines);

        return await AddOnceAsync(
            new Notice(
                NotificationKind.ClaimLinesDueTomorrow,
                Audience.Contracts,
                null,
                $"{Lines(total)} due for a decision on {Date(due)}",
                body,
                "/claims/review",
                $"digest:claims-due:{today:yyyy-MM-dd}"),
            cancellationToken);
    }

    private sealed record PcnLineCount(string Code, string Name, int Count);

    /// <summary>Claim lines matching the filter, counted by PCN in code order (the digests' lists).</summary>
    private Task<List<PcnLineCount>> LinesByPcnAsync(Expression<Func<ArrsClaimLine, bool>> filter, CancellationToken cancellationToken) =>
        db.ArrsClaimLines.AsNoTracking()
            .Where(filter)
            .GroupBy(l => new { l.Pcn!.Code, l.Pcn.Name })
            .OrderBy(g => g.Key.Code)
            .Select(g => new PcnLineCount(g.Key.Code, g.Key.Name, g.Count()))
            .ToListAsync(cancellationToken);

    /// <summary>A digest's text: the opening sentence, then a line per PCN with its count.</summary>
    private static string ByPcn(string opening, IEnumerable<PcnLineCount> lines)
    {
        var body = new StringBuilder(opening).Append('\n');
        foreach (var l in lines)
        {
            body.Append(CultureInfo.InvariantCulture, $"\n- {l.Code} {l.Name}: {Lines(l.Count)}");
        }

        return body.ToString();
    }

    private async Task<int> FinanceDigestAsync(DateOnly today, CancellationToken cancellationToken)
    {
        if (!NotificationCalendar.IsLastWorkingDayOfMonth(today))
        {
            return 0;
        }

        var lines = await LinesByPcnAsync(l => l.Status == ArrsClaimStatus.Approved, cancellationToken);
        if (lines.Count == 0)
        {
            return 0;
        }

        var total = lines.Sum(l => l.Count);
        var body = ByPcn($"At the end of {today:MMMM yyyy}, {Lines(total)} approved and awaiting payment:", lines);

        return await AddOnceAsync(
            new Notice(
                NotificationKind.ApprovedLinesAwaitingPayment,
                Audience.Finance,
                null,
                $"Month end: {Lines(total)} approved and awaiting payment",
                body,
                "/finance/schedule",
                $"digest:month-end:{today:yyyy-MM}"),
            cancellationToken);
    }

    /// <summary>One email a person gathering what they chose to have as a daily digest; those messages are marked as in it.</summary>
    private async Task<int> DailyDigestsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var waiting = await db.NotificationMessages
            .Where(m => m.State == NotificationState.AwaitingDigest)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var written = 0;
        foreach (var group in waiting.GroupBy(m => (m.RecipientUserId, m.RecipientEmail)))
        {
            var key = $"digest:daily:{today:yyyy-MM-dd}:{group.Key.RecipientUserId ?? group.Key.RecipientEmail}";
            if (await db.NotificationMessages.AnyAsync(m => m.DedupeKey == key, cancellationToken))
            {
                continue;
            }

            var items = group.ToList();
            var body = new StringBuilder($"Your daily digest from the PCN portal: {items.Count} update{(items.Count == 1 ? string.Empty : "s")}.\n");
            foreach (var item in items)
            {
                body.Append(CultureInfo.InvariantCulture, $"\n- {item.Subject}\n  {item.Link}");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var digest = new NotificationMessage
            {
                Kind = NotificationKind.DailyDigest,
                RecipientUserId = group.Key.RecipientUserId,
                RecipientEmail = group.Key.RecipientEmail,
                Subject = $"PCN portal daily digest for {Date(today)}: {items.Count} update{(items.Count == 1 ? string.Empty : "s")}",
                Body = body.Length > 8000 ? body.ToString()[..8000] : body.ToString(),
                Link = options.LinkTo("/"),
                CreatedAtUtc = now,
                NextAttemptAtUtc = now,
                DedupeKey = key,
            };
            db.NotificationMessages.Add(digest);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!await TrySaveAsync(cancellationToken))
            {
                continue;
            }

            var ids = items.Select(i => i.Id).ToList();
            await db.NotificationMessages
                .Where(m => ids.Contains(m.Id) && m.State == NotificationState.AwaitingDigest)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, NotificationState.InDigest).SetProperty(m => m.DigestId, digest.Id), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            written++;
        }

        return written;
    }

    /// <summary>Adds and saves a once-only notice unless its key was written before (by an earlier run or another instance).</summary>
    private async Task<int> AddOnceAsync(Notice notice, CancellationToken cancellationToken)
    {
        var prefix = notice.DedupeKey + ":";
        if (await db.NotificationMessages.AnyAsync(m => m.DedupeKey != null && m.DedupeKey.StartsWith(prefix), cancellationToken))
        {
            return 0;
        }

        var added = await outbox.AddAsync(notice, cancellationToken);
        return added > 0 && await TrySaveAsync(cancellationToken) ? 1 : 0;
    }

    private async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance wrote the same key first (unique index): nothing more to do.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static string Lines(int n) => n == 1 ? "1 claim line" : $"{n} claim lines";

    private static string Date(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private static string WorkingDaysLeft(DateOnly today, DateOnly deadline)
    {
        var left = WorkingDays.Between(today, deadline);
        return left == 1 ? "1 working day from today" : $"{left} working days from today";
    }
}
