using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs;

/// <summary>What a rule needs, besides the line and its figures, to write its explanation.</summary>
public sealed record ArrsExplainContext(
    FinancialYear Year,
    ArrsRole? Role,
    RoleRateEntry? RateEntry,
    decimal ArrSum,
    decimal? RoleLimitWte,
    int WeightedPopulation,
    DateOnly? VacantFrom);

internal static class Figures
{
    public static Dictionary<string, string> Of(params (string Key, string Value)[] pairs)
    {
        var figures = new Dictionary<string, string>(pairs.Length, StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            figures[key] = value;
        }

        return figures;
    }
}
