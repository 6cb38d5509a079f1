using System.Globalization;

namespace PcnPortal.Web.Infrastructure.Web.Forms;

/// <summary>Parsing of the money, percentage and date fields that forms take as text, so bad input gets a specific message.</summary>
public static class FormValues
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Pounds and pence: "720000", "720,000.00", "£26,400.50". At most two decimals; not negative.</summary>
    public static bool TryParseMoney(string? text, out decimal pounds)
    {
        pounds = 0m;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var cleaned = text.Trim().TrimStart('£').Replace(",", string.Empty, StringComparison.Ordinal).Trim();
        return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out pounds)
            && decimal.Round(pounds, 2) == pounds;
    }

    /// <summary>A plain decimal (rate or percentage), not negative, "£" allowed: "0.66", "£0.66", "10".</summary>
    public static bool TryParseDecimal(string? text, out decimal value)
    {
        value = 0m;
        return !string.IsNullOrWhiteSpace(text)
            && decimal.TryParse(text.Trim().TrimStart('£').TrimEnd('%').Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Decimal places the database keeps for every decimal (ten-thousandths, see ScaledDecimalConverter).</summary>
    public const int StoredDecimals = 4;

    /// <summary>The message for a whole-time equivalent that <see cref="TryParseWte"/> refuses.</summary>
    public const string WteMessage = "Enter the whole-time equivalent as a number more than 0 and no more than 1, with at most 4 decimal places, for example 0.6";

    /// <summary>
    /// A whole-time equivalent: more than 0, no more than 1, and with no more decimal places than are stored (4), so what is
    /// saved is what was typed ("0.0000001" would otherwise be stored as 0).
    /// </summary>
    public static bool TryParseWte(string? text, out decimal wte) =>
        decimal.TryParse(text?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out wte)
        && wte > 0 && wte <= 1 && HasAtMostStoredDecimals(wte);

    /// <summary>Whether a number survives storage unchanged (at most <see cref="StoredDecimals"/> decimal places).</summary>
    public static bool HasAtMostStoredDecimals(decimal value) => decimal.Round(value, StoredDecimals) == value;

    public static string Input(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Uk);
}
