using System.Globalization;
using System.Text;

namespace PcnPortal.Web.Arrs;

/// <summary>Writes CSV cells safely: quoted when needed, and formula-looking text (= + - @) neutralised with a leading '.</summary>
public static class CsvCells
{
    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell));

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>Pounds with two decimals, e.g. 3150.83 (numbers are written as numbers: never neutralised).</summary>
    public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static StringBuilder AppendRow(this StringBuilder builder, IEnumerable<string?> cells) => builder.Append(Line(cells)).Append("\r\n");
}
