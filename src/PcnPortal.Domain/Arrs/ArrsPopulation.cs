using System.Globalization;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;

namespace PcnPortal.Domain.Arrs;

/// <summary>
/// The population a PCN's ARR Sum (and the DES funding envelope) is worked out on for a year, from
/// <see cref="PcnYearPopulation"/>: the practices in the PCN during the year, their weighted list sizes as at the DES
/// 1 January before the year, or the latest earlier ones with a warning naming the date used. When no member has a
/// weighted list size on or before that date there is no usable population: <see cref="Held"/> is false and
/// <see cref="Missing"/> says what to load, so nothing downstream presents an ARR Sum of £0.00 as fact.
/// </summary>
public sealed record ArrsPopulation(int Weighted, int Registered, bool Held, string Note, string? Missing, IReadOnlyList<string> Warnings)
{
    /// <summary>The population, note and warnings for a year, from the PCN's year population.</summary>
    public static ArrsPopulation From(PcnYearPopulationResult population)
    {
        ArgumentNullException.ThrowIfNull(population);
        var year = population.Year;
        var date = Format(population.PopulationDate);
        string? missing = null;
        if (population.Members.Count == 0)
        {
            missing = $"No usable population for {population.PcnCode} in {year}: no practice is a member of it on any day of the year. Load its memberships (import-epcn) before its ARR Sum can be worked out.";
        }
        else if (!population.Members.Any(m => m.ListSize.Record is { Weighted: not null }))
        {
            missing = $"No usable population for {population.PcnCode} in {year}: none of its {population.Members.Count} member practices has a weighted list size as at {date} or earlier. Load the practices' list sizes as at {date} (import-list-sizes) before its ARR Sum can be worked out.";
        }

        var older = population.Members.Where(m => m.ListSize.Record is not null && !m.ListSize.IsExactDate).Select(m => m.ListSize.Record!.AsAt).Distinct().Order().ToList();
        var note = missing is null && older.Count > 0
            ? $"list sizes as at {string.Join(" and ", older.Select(Format))} used for {population.Members.Count(m => m.ListSize.Record is not null && !m.ListSize.IsExactDate)} of {population.Members.Count} practices: none held for {date}"
            : "";
        return new ArrsPopulation(
            (int)Math.Round(population.Weighted, MidpointRounding.AwayFromZero),
            population.Registered,
            missing is null,
            note,
            missing,
            missing is null ? population.Warnings : [missing, .. population.Warnings]);
    }

    /// <summary>A PCN's engine context for the year with this population.</summary>
    public PcnYearContext ToContext(string pcnCode, AreaTier tier, IReadOnlyList<BaselinePost> baseline) => new()
    {
        PcnCode = pcnCode,
        WeightedPopulation = Weighted,
        AreaTier = tier,
        Baseline = baseline,
        PopulationMissing = Missing,
        PopulationNote = Note,
        PopulationWarnings = Warnings,
    };

    private static string Format(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
