using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Rules;

/// <summary>ARRS-PERIOD: the month is in the financial year assessed and the person was in post during it.</summary>
public static class PeriodRule
{
    public const string Code = "ARRS-PERIOD";
    internal const byte PartMonth = 1;
    internal const byte OutsideYear = 2;
    internal const byte NotInPost = 3;
    internal const byte EndBeforeStart = 4;

    /// <summary>Also gives the days in post in the month and the days in the month (for pro rata).</summary>
    public static ArrsCheck Evaluate(ClaimLineInput line, FinancialYear year, out int daysInPost, out int daysInMonth)
    {
        var monthStart = new DateOnly(line.Month.Year, line.Month.Month, 1);
        daysInMonth = DateTime.DaysInMonth(monthStart.Year, monthStart.Month);
        return Evaluate(line, monthStart, daysInMonth, monthStart < year.FirstDay || monthStart > year.LastDay, out daysInPost);
    }

    /// <summary>As above, with the month's first day, length and whether it is outside the year already worked out.</summary>
    internal static ArrsCheck Evaluate(ClaimLineInput line, DateOnly monthStart, int daysInMonth, bool outsideYear, out int daysInPost)
    {
        daysInPost = 0;
        if (outsideYear)
        {
            return ArrsCheck.Fail(OutsideYear);
        }

        if (line.EndDate is { } end && end < line.StartDate)
        {
            return ArrsCheck.Fail(EndBeforeStart);
        }

        var monthEnd = monthStart.AddDays(daysInMonth - 1);
        var first = line.StartDate > monthStart ? line.StartDate : monthStart;
        var last = line.EndDate is { } e && e < monthEnd ? e : monthEnd;
        if (last < first)
        {
            return ArrsCheck.Fail(NotInPost);
        }

        daysInPost = last.DayNumber - first.DayNumber + 1;
        return daysInPost == daysInMonth ? ArrsCheck.Pass() : ArrsCheck.Pass(PartMonth);
    }

    public static RuleOutcome Describe(ArrsCheck check, in ArrsLineResult result, ClaimLineInput line, ArrsExplainContext context)
    {
        var ended = line.EndDate is { } end ? $" to {ArrsText.Date(end)}" : "";
        var figures = Figures.Of(
            ("month", line.Month.ToString("yyyy-MM")),
            ("startDate", line.StartDate.ToString("yyyy-MM-dd")),
            ("endDate", line.EndDate?.ToString("yyyy-MM-dd") ?? ""),
            ("financialYear", context.Year.ToString()),
            ("daysInPost", result.DaysInPost.ToString()),
            ("daysInMonth", result.DaysInMonth.ToString()));
        return check.Reason switch
        {
            OutsideYear => RuleOutcome.Fail(Code, $"£0: outside the year. {ArrsText.Month(line.Month)} is outside the financial year {context.Year} being assessed.", figures),
            EndBeforeStart => RuleOutcome.Fail(Code, $"£0: dates the wrong way round. The end date {ArrsText.Date(line.EndDate!.Value)} is before the start date {ArrsText.Date(line.StartDate)}; correct the dates.", figures),
            NotInPost => RuleOutcome.Fail(Code, $"£0: not in post during {ArrsText.Month(line.Month)} (employed from {ArrsText.Date(line.StartDate)}{ended}).", figures),
            PartMonth => RuleOutcome.Pass(Code, $"In post {result.DaysInPost} of {result.DaysInMonth} days in {ArrsText.Month(line.Month)} (employed from {ArrsText.Date(line.StartDate)}{ended}); the maximum is pro rata.", figures),
            _ => RuleOutcome.Pass(Code, $"In post for the whole of {ArrsText.Month(line.Month)}.", figures),
        };
    }
}
