using System.Globalization;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs;

/// <summary>How figures are written in explanations: "£37,810" for whole pounds, "£3,150.83" otherwise.</summary>
public static class ArrsText
{
    public static string Pounds(decimal pounds) =>
        decimal.Truncate(pounds) == pounds ? Money.FormatWhole(pounds) : Money.Format(Money.ToPence(pounds));

    public static string Wte(decimal wte) => wte.ToString("0.0##", CultureInfo.InvariantCulture);

    public static string Percent(decimal rate) => (rate * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
