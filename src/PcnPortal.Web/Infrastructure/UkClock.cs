namespace PcnPortal.Web.Infrastructure;

/// <summary>
/// The portal's one reading of "today": the calendar date in the UK (Europe/London, GMT in winter and BST in summer),
/// whatever time zone the server runs in. Instants (audit times, SubmittedAt, ...) stay in UTC via
/// <see cref="TimeProvider.GetUtcNow"/>; a date a person would write on a form comes from <see cref="Today"/>.
/// </summary>
public static class UkClock
{
    /// <summary>Europe/London from the machine's time zone data, or the same GMT/BST rules built in when the machine has none.</summary>
    public static TimeZoneInfo TimeZone { get; } = FindUkTimeZone();

    /// <summary>Today's date in the UK.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(UkNow(clock).DateTime);

    /// <summary>The current UK local time (with its offset from UTC).</summary>
    public static DateTimeOffset UkNow(this TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZone);

    private static TimeZoneInfo FindUkTimeZone()
    {
        foreach (var id in new[] { "Europe/London", "GMT Standard Time" })
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                // Try the next name, then the built-in rules.
            }
        }

        // Since 1996: BST from 01:00 UTC (01:00 GMT) on the last Sunday of March to 01:00 UTC (02:00 BST) on the last Sunday of October.
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            DateTime.MinValue.Date,
            DateTime.MaxValue.Date,
            TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 1, 0, 0), 3, 5, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 10, 5, DayOfWeek.Sunday));
        return TimeZoneInfo.CreateCustomTimeZone("Europe/London", TimeSpan.Zero, "United Kingdom", "GMT", "BST", [rule]);
    }
}
