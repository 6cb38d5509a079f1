using PcnPortal.Domain.Arrs;

namespace PcnPortal.Domain.Tests.Arrs;

public class WorkingDaysTests
{
    [Theory]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2020, "2020-04-12")]
    [InlineData(2022, "2022-04-17")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    public void EasterSunday_KnownDates(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), WorkingDays.EasterSunday(year));

    [Theory]
    [InlineData(2019, "2019-01-01,2019-04-19,2019-04-22,2019-05-06,2019-05-27,2019-08-26,2019-12-25,2019-12-26")]
    [InlineData(2020, "2020-01-01,2020-04-10,2020-04-13,2020-05-08,2020-05-25,2020-08-31,2020-12-25,2020-12-28")]
    [InlineData(2021, "2021-01-01,2021-04-02,2021-04-05,2021-05-03,2021-05-31,2021-08-30,2021-12-27,2021-12-28")]
    [InlineData(2022, "2022-01-03,2022-04-15,2022-04-18,2022-05-02,2022-06-02,2022-06-03,2022-08-29,2022-09-19,2022-12-26,2022-12-27")]
    [InlineData(2023, "2023-01-02,2023-04-07,2023-04-10,2023-05-01,2023-05-08,2023-05-29,2023-08-28,2023-12-25,2023-12-26")]
    [InlineData(2026, "2026-01-01,2026-04-03,2026-04-06,2026-05-04,2026-05-25,2026-08-31,2026-12-25,2026-12-28")]
    public void BankHolidays_EnglandAndWales(int year, string expected) =>
        Assert.Equal(expected.Split(',').Select(DateOnly.Parse), WorkingDays.BankHolidays(year));

    [Theory]
    [InlineData("2019-10-07", "2019-10-14")] // Monday → next Monday
    [InlineData("2019-10-11", "2019-10-18")] // Friday → next Friday
    [InlineData("2019-12-20", "2019-12-31")] // over Christmas and Boxing Day
    [InlineData("2019-12-24", "2020-01-03")] // over Christmas, Boxing Day and New Year
    [InlineData("2022-09-14", "2022-09-22")] // over the state funeral
    [InlineData("2022-05-30", "2022-06-08")] // over the Platinum Jubilee
    [InlineData("2023-05-03", "2023-05-11")] // over the coronation
    [InlineData("2020-05-04", "2020-05-12")] // over VE Day 2020
    public void ResponseDue_FiveWorkingDays(string received, string due) =>
        Assert.Equal(DateOnly.Parse(due), WorkingDays.ResponseDue(DateOnly.Parse(received)));

    [Fact]
    public void Between_CountsWorkingDaysAfterStart() =>
        Assert.Equal(6, WorkingDays.Between(new DateOnly(2019, 12, 20), new DateOnly(2020, 1, 2)));
}
