namespace PcnPortal.Domain.Arrs;

/// <summary>
/// Working days in England and Wales (Monday to Friday, not bank holidays) for the contracts team's 5-working-day
/// response clock. Bank holidays are computed, including substitute days and the known one-off changes.
/// </summary>
public static class WorkingDays
{
    public const int ClaimResponseDays = 5;

    /// <summary>The date <paramref name="workingDays"/> working days after <paramref name="from"/> (from itself not counted).</summary>
    public static DateOnly AddWorkingDays(DateOnly from, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = from;
        while (workingDays > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                workingDays--;
            }
        }

        return date;
    }

    /// <summary>When a response is due for something received on <paramref name="received"/>.</summary>
    public static DateOnly ResponseDue(DateOnly received) => AddWorkingDays(received, ClaimResponseDays);

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public static int Between(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return count;
    }

    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(date);

    public static bool IsBankHoliday(DateOnly date)
    {
        foreach (var holiday in BankHolidays(date.Year))
        {
            if (holiday == date)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>England and Wales bank holidays in a calendar year, in date order.</summary>
    public static IReadOnlyList<DateOnly> BankHolidays(int year)
    {
        var easter = EasterSunday(year);
        var days = new List<DateOnly>(10)
        {
            Substitute(new DateOnly(year, 1, 1)),
            easter.AddDays(-2),
            easter.AddDays(1),
        };

        // Early May: first Monday of May, moved to Friday 8 May in 2020 (VE Day 75).
        days.Add(year == 2020 ? new DateOnly(2020, 5, 8) : FirstMonday(year, 5));
        if (year == 2023)
        {
            days.Add(new DateOnly(2023, 5, 8)); // Coronation of King Charles III.
        }

        // Spring: last Monday of May; moved to 2 June 2022 with an extra day on 3 June (Platinum Jubilee).
        if (year == 2022)
        {
            days.Add(new DateOnly(2022, 6, 2));
            days.Add(new DateOnly(2022, 6, 3));
            days.Add(new DateOnly(2022, 9, 19)); // State funeral of Queen Elizabeth II.
        }
        else
        {
            days.Add(LastMonday(year, 5));
        }

        days.Add(LastMonday(year, 8));

        // Christmas and Boxing Day, with substitutes on the next weekdays not already taken.
        var christmas = new DateOnly(year, 12, 25);
        var boxing = new DateOnly(year, 12, 26);
        if (christmas.DayOfWeek == DayOfWeek.Saturday)
        {
            days.Add(christmas.AddDays(2));
            days.Add(christmas.AddDays(3));
        }
        else if (christmas.DayOfWeek == DayOfWeek.Sunday)
        {
            days.Add(christmas.AddDays(1)); // Boxing Day, Monday.
            days.Add(christmas.AddDays(2)); // Substitute for Christmas Day.
        }
        else
        {
            days.Add(christmas);
            days.Add(boxing.DayOfWeek == DayOfWeek.Saturday ? boxing.AddDays(2) : boxing);
        }

        days.Sort();
        return days;
    }

    /// <summary>Easter Sunday (Gregorian; anonymous algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly Substitute(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var date = new DateOnly(year, month, 1);
        while (date.DayOfWeek != DayOfWeek.Monday)
        {
            date = date.AddDays(1);
        }

        return date;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var date = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (date.DayOfWeek != DayOfWeek.Monday)
        {
            date = date.AddDays(-1);
        }

        return date;
    }
}
