using PcnPortal.Domain.Arrs;

namespace PcnPortal.Domain.Notifications;

/// <summary>
/// When reminders and digests are due, in working days (England and Wales, with bank holidays: <see cref="WorkingDays"/>).
/// </summary>
public static class NotificationCalendar
{
    /// <summary>Reminders are sent this many working days before a deadline.</summary>
    public static readonly IReadOnlyList<int> ReminderWorkingDays = [10, 2];

    /// <summary>The working day <paramref name="workingDays"/> working days before <paramref name="deadline"/>.</summary>
    public static DateOnly WorkingDaysBefore(DateOnly deadline, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = deadline;
        while (workingDays > 0)
        {
            date = date.AddDays(-1);
            if (WorkingDays.IsWorkingDay(date))
            {
                workingDays--;
            }
        }

        return date;
    }

    /// <summary>
    /// The reminder (10 or 2) due on <paramref name="today"/> for <paramref name="deadline"/>, or null. A reminder is due
    /// from its day until the next reminder's day (so a day the portal was down is caught up the next day, but a
    /// 10-day reminder is never sent once the 2-day one is due), and never on or after the deadline.
    /// </summary>
    public static int? ReminderDue(DateOnly deadline, DateOnly today)
    {
        if (today >= deadline)
        {
            return null;
        }

        int? due = null;
        foreach (var days in ReminderWorkingDays)
        {
            if (today >= WorkingDaysBefore(deadline, days))
            {
                due = days;
            }
        }

        return due;
    }

    /// <summary>
    /// The decision-clock end the contracts digest on <paramref name="today"/> is about: the next working day. Sent only
    /// on working days (null otherwise), so Friday's digest names Monday's lines (Tuesday's after a bank holiday Monday).
    /// </summary>
    public static DateOnly? ClockEndingForDigest(DateOnly today) =>
        WorkingDays.IsWorkingDay(today) ? WorkingDays.AddWorkingDays(today, 1) : null;

    /// <summary>The finance month-end digest goes out on the month's last working day.</summary>
    public static bool IsLastWorkingDayOfMonth(DateOnly today) =>
        WorkingDays.IsWorkingDay(today) && WorkingDays.AddWorkingDays(today, 1).Month != today.Month;
}
