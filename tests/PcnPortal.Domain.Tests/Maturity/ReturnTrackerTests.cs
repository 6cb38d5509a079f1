using PcnPortal.Domain.Maturity;

namespace PcnPortal.Domain.Tests.Maturity;

public class ReturnTrackerTests
{
    private static readonly DateOnly Due = new(2019, 10, 31);

    [Theory]
    [InlineData(MaturityReturnStatus.NotStarted, null, "2019-10-31", false, false)]
    [InlineData(MaturityReturnStatus.NotStarted, null, "2019-11-01", true, false)]
    [InlineData(MaturityReturnStatus.InProgress, null, "2019-11-01", true, false)]
    [InlineData(MaturityReturnStatus.Submitted, "2019-10-31", "2019-12-01", false, false)]
    [InlineData(MaturityReturnStatus.Submitted, "2019-11-01", "2019-12-01", false, true)]
    [InlineData(MaturityReturnStatus.Reviewed, "2019-11-15", "2019-12-01", false, true)]
    [InlineData(MaturityReturnStatus.Reviewed, "2019-10-01", "2019-12-01", false, false)]
    public void Entry_OverdueAndLate(MaturityReturnStatus status, string? submitted, string today, bool overdue, bool late)
    {
        var entry = new ReturnTrackerEntry("U00001", status, submitted is null ? null : DateOnly.Parse(submitted, System.Globalization.CultureInfo.InvariantCulture));
        var now = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(overdue, entry.IsOverdue(Due, now));
        Assert.Equal(late, entry.IsSubmittedLate(Due));
    }

    [Fact]
    public void Summarise_FifteenOfEighteen()
    {
        var entries = new List<ReturnTrackerEntry>();
        for (var i = 1; i <= 18; i++)
        {
            var code = $"U{i:00000}";
            entries.Add(i switch
            {
                <= 10 => new ReturnTrackerEntry(code, MaturityReturnStatus.Reviewed, new DateOnly(2019, 10, 20)),
                <= 14 => new ReturnTrackerEntry(code, MaturityReturnStatus.Submitted, new DateOnly(2019, 10, 30)),
                15 => new ReturnTrackerEntry(code, MaturityReturnStatus.Submitted, new DateOnly(2019, 11, 4)),
                16 => new ReturnTrackerEntry(code, MaturityReturnStatus.InProgress),
                _ => new ReturnTrackerEntry(code, MaturityReturnStatus.NotStarted),
            });
        }

        var summary = ReturnTracker.Summarise(entries, Due, new DateOnly(2019, 11, 5));

        Assert.Equal("15 of 18 received", summary.ReceivedText);
        Assert.Equal(10, summary.ByStatus[MaturityReturnStatus.Reviewed]);
        Assert.Equal(5, summary.ByStatus[MaturityReturnStatus.Submitted]);
        Assert.Equal(1, summary.ByStatus[MaturityReturnStatus.InProgress]);
        Assert.Equal(2, summary.ByStatus[MaturityReturnStatus.NotStarted]);
        Assert.Equal(["U00016", "U00017", "U00018"], summary.OverduePcnCodes);
        Assert.Equal(["U00015"], summary.SubmittedLatePcnCodes);
    }
}
