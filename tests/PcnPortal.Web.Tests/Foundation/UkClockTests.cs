using PcnPortal.TestSupport;
using PcnPortal.Web.Infrastructure;

namespace PcnPortal.Web.Tests.Foundation;

/// <summary><c>clock.Today()</c> is the UK calendar date, whatever the server's own time zone.</summary>
public sealed class UkClockTests
{
    public static TheoryData<string, string> Instants => new()
    {
        // Winter (GMT): UK midnight is UTC midnight.
        { "2026-01-14T23:59:59Z", "2026-01-14" },
        { "2026-01-15T00:00:00Z", "2026-01-15" },

        // Summer (BST, UTC+1): the UK day starts at 23:00 UTC the evening before.
        { "2026-07-14T22:59:59Z", "2026-07-14" },
        { "2026-07-14T23:00:00Z", "2026-07-15" },
        { "2026-07-15T00:30:00Z", "2026-07-15" },

        // The last day of the financial year at BST midnight: 1 April has begun in the UK, not yet in UTC.
        { "2026-03-31T22:59:59Z", "2026-03-31" },
        { "2026-03-31T23:00:00Z", "2026-04-01" },

        // Around the clock changes (BST from 01:00 UTC on 29 March 2026 to 01:00 UTC on 25 October 2026).
        { "2026-03-28T23:59:59Z", "2026-03-28" },
        { "2026-03-29T00:30:00Z", "2026-03-29" },
        { "2026-03-29T23:00:00Z", "2026-03-30" },
        { "2026-10-24T22:59:59Z", "2026-10-24" },
        { "2026-10-24T23:00:00Z", "2026-10-25" },
        { "2026-10-25T23:30:00Z", "2026-10-25" },
        { "2026-10-26T00:00:00Z", "2026-10-26" },
    };

    [Theory]
    [MemberData(nameof(Instants))]
    public void Today_is_the_UK_date(string utc, string ukDate)
    {
        var clock = new FixedClock(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(ukDate, System.Globalization.CultureInfo.InvariantCulture), clock.Today());
    }

    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Asia/Tokyo")]
    [InlineData("UTC")]
    public void Today_does_not_follow_the_server_time_zone(string serverZone)
    {
        // 23:30 UTC on 14 July is 00:30 BST on 15 July in the UK, 19:30 on the 14th in New York and 08:30 on the 15th in Tokyo.
        var clock = new FixedClock(new DateTimeOffset(2026, 7, 14, 23, 30, 0, TimeSpan.Zero))
        {
            ServerTimeZone = TimeZoneInfo.FindSystemTimeZoneById(serverZone),
        };

        Assert.Equal(new DateOnly(2026, 7, 15), clock.Today());
    }

    [Fact]
    public void UkNow_carries_the_BST_offset_in_summer_and_none_in_winter()
    {
        Assert.Equal(TimeSpan.FromHours(1), new FixedClock(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero)).UkNow().Offset);
        Assert.Equal(TimeSpan.Zero, new FixedClock(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero)).UkNow().Offset);
    }
}
