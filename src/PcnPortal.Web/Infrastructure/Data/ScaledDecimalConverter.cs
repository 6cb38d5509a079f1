using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PcnPortal.Web.Infrastructure.Data;

/// <summary>
/// Stores a decimal as a whole number of ten-thousandths (four decimal places): pounds and pence, rates such as
/// 0.1438 and WTE such as 0.6 are all exact, and SQLite can compare and SUM the column in SQL.
/// </summary>
public sealed class ScaledDecimalConverter() : ValueConverter<decimal, long>(
    value => (long)Math.Round(value * Scale, MidpointRounding.AwayFromZero),
    stored => stored / Scale)
{
    public const decimal Scale = 10_000m;
}
