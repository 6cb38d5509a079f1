using PcnPortal.Domain.Notifications;

namespace PcnPortal.Domain.Tests.Notifications;

public class NotificationCalendarTests
{
    [Theory]
    [InlineData("2026-10-16", 2, "2026-10-14")] // Friday deadline, plain weeks
    [InlineData("2026-10-16", 10, "2026-10-02")]
    [InlineData("2026-04-08", 2, "2026-04-02")] // over Easter Monday and Good Friday (not Monday 6 April)
    [InlineData("2026-04-08", 10, "2026-03-23")]
    [InlineData("2026-12-29", 2, "2026-12-23")] // over Christmas Day and the Boxing Day substitute
    [InlineData("2026-06-01", 2, "2026-05-28")] // over a weekend only
    [InlineData("2026-05-26", 2, "2026-05-21")] // over the spring bank holiday Monday
    public void WorkingDaysBefore_SkipsWeekendsAndBankHolidays(string deadline, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), NotificationCalendar.WorkingDaysBefore(DateOnly.Parse(deadline), days));

    [Theory]
    [InlineData("2026-04-08", "2026-03-20", null)] // before the 10-day reminder
    [InlineData("2026-04-08", "2026-03-23", 10)]
    [InlineData("2026-04-08", "2026-04-01", 10)] // a missed day is caught up
    [InlineData("2026-04-08", "2026-04-02", 2)] // Thursday before Easter: 2 working days left
    [InlineData("2026-04-08", "2026-04-03", 2)] // Good Friday
    [InlineData("2026-04-08", "2026-04-07", 2)]
    [InlineData("2026-04-08", "2026-04-08", null)] // the deadline itself
    [InlineData("2026-04-08", "2026-04-09", null)] // after it
    [InlineData("2026-10-16", "2026-10-13", 10)] // not yet the 2-day reminder (14 October)
    [InlineData("2026-10-16", "2026-10-14", 2)]
    [InlineData("2026-10-16", "2026-10-01", null)] // the 10-day one starts on 2 October
    public void ReminderDue_FromItsWorkingDayUntilTheNext(string deadline, string today, int? expected) =>
        Assert.Equal(expected, NotificationCalendar.ReminderDue(DateOnly.Parse(deadline), DateOnly.Parse(today)));

    [Theory]
    [InlineData("2026-04-02", "2026-04-07")] // Thursday before Easter: the next working day is Tuesday
    [InlineData("2026-04-03", null)] // Good Friday: no digest
    [InlineData("2026-04-04", null)] // Saturday
    [InlineData("2026-10-16", "2026-10-19")] // Friday: Monday's lines
    [InlineData("2026-12-24", "2026-12-29")] // Christmas Eve: over Christmas and the Boxing Day substitute
    public void ContractsDigest_NamesTheNextWorkingDay(string today, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected), NotificationCalendar.ClockEndingForDigest(DateOnly.Parse(today)));

    [Theory]
    [InlineData("2026-04-30", true)]
    [InlineData("2026-04-29", false)]
    [InlineData("2026-05-29", true)] // Friday: the month ends on a weekend
    [InlineData("2026-08-28", true)] // Friday: Monday 31 August is the summer bank holiday
    [InlineData("2026-08-31", false)]
    [InlineData("2026-12-31", true)]
    public void FinanceDigest_OnTheMonthsLastWorkingDay(string today, bool expected) =>
        Assert.Equal(expected, NotificationCalendar.IsLastWorkingDayOfMonth(DateOnly.Parse(today)));

    [Theory]
    [InlineData(NotificationKind.DeadlineReminder, NotificationDelivery.Off, NotificationDelivery.Immediately)]
    [InlineData(NotificationKind.DeadlineReminder, NotificationDelivery.DailyDigest, NotificationDelivery.DailyDigest)]
    [InlineData(NotificationKind.ClaimLineQueried, NotificationDelivery.Off, NotificationDelivery.Off)]
    [InlineData(NotificationKind.ClaimLineQueried, NotificationDelivery.DailyDigest, NotificationDelivery.DailyDigest)]
    [InlineData(NotificationKind.ClaimLineQueried, null, NotificationDelivery.Immediately)]
    [InlineData(NotificationKind.ClaimLinesDueTomorrow, NotificationDelivery.DailyDigest, NotificationDelivery.Immediately)]
    [InlineData(NotificationKind.ClaimLinesDueTomorrow, NotificationDelivery.Off, NotificationDelivery.Off)]
    public void Preference_DeadlineRemindersCannotBeTurnedOff(NotificationKind kind, NotificationDelivery? chosen, NotificationDelivery expected) =>
        Assert.Equal(expected, NotificationKinds.Effective(kind, chosen));
}
