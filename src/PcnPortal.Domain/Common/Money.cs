using System.Globalization;

namespace PcnPortal.Domain.Common;

/// <summary>Money is decimal pounds and pence. Rounding happens once, where the rules say, with this helper.</summary>
public static class Money
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Rounds to the penny, half away from zero (the scheme's convention).</summary>
    public static decimal ToPence(decimal pounds) => Math.Round(pounds, 2, MidpointRounding.AwayFromZero);

    /// <summary>"£1,234.50".</summary>
    public static string Format(decimal pounds) => pounds.ToString("C2", UkCulture);

    /// <summary>"£1,235" for summary tables of whole pounds.</summary>
    public static string FormatWhole(decimal pounds) => pounds.ToString("C0", UkCulture);
}
