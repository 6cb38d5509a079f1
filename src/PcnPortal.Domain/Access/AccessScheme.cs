using System.Globalization;

namespace PcnPortal.Domain.Access;

/// <summary>The Network Contract DES access requirement in force: extended hours (1 July 2019 to 30 September 2022), then enhanced access.</summary>
public enum AccessScheme
{
    ExtendedHours = 1,
    EnhancedAccess = 2,
}

/// <summary>Which population the minutes per 1,000 are applied to.</summary>
public enum AccessPopulationBasis
{
    /// <summary>Registered patients of the member practices (the contractor registered population, CRP).</summary>
    Registered = 1,

    /// <summary>The PCN adjusted population, which the portal does not derive: it is entered or imported per PCN with its as-at date.</summary>
    Adjusted = 2,
}

/// <summary>How the weekly minutes are rounded.</summary>
public enum AccessRounding
{
    /// <summary>To the nearest quarter hour (15 minutes), a half quarter hour up.</summary>
    NearestQuarterHour = 1,

    /// <summary>To the nearest whole minute, a half minute up.</summary>
    NearestMinute = 2,
}

/// <summary>How access figures are written in explanations and on pages.</summary>
public static class AccessText
{
    public static string Scheme(AccessScheme scheme) => scheme == AccessScheme.ExtendedHours ? "Extended hours" : "Enhanced access";

    public static string Basis(AccessPopulationBasis basis) => basis == AccessPopulationBasis.Registered ? "registered patients" : "PCN adjusted population";

    public static string Rounding(AccessRounding rounding) => rounding == AccessRounding.NearestQuarterHour ? "to the nearest quarter hour" : "to the nearest minute";

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("#,##0.##", CultureInfo.InvariantCulture);

    public static string Whole(int value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

    /// <summary>"1,500 minutes (25 hours)", "1,440 minutes (24 hours)", "95 minutes (1 hour 35 minutes)".</summary>
    public static string Minutes(int minutes)
    {
        var hours = minutes / 60;
        var rest = minutes % 60;
        var inHours = (hours, rest) switch
        {
            (0, _) => null,
            (_, 0) => hours == 1 ? "1 hour" : $"{Whole(hours)} hours",
            _ => $"{(hours == 1 ? "1 hour" : $"{Whole(hours)} hours")} {rest} minutes",
        };
        return inHours is null ? $"{Whole(minutes)} minutes" : $"{Whole(minutes)} minutes ({inHours})";
    }

    public static string Percent(decimal percent) => percent.ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
