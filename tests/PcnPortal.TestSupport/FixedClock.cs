namespace PcnPortal.TestSupport;

/// <summary>A <see cref="TimeProvider"/> stopped at a given instant, which a test can move on.</summary>
public sealed class FixedClock(DateTimeOffset utcNow) : TimeProvider
{
    public DateTimeOffset UtcNow { get; set; } = utcNow.ToUniversalTime();

    /// <summary>The server's own time zone; <c>clock.Today()</c> must not depend on it.</summary>
    public TimeZoneInfo ServerTimeZone { get; init; } = TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => UtcNow;

    public override TimeZoneInfo LocalTimeZone => ServerTimeZone;
}
