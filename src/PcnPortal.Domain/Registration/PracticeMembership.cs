using System.Globalization;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Registration;

/// <summary>
/// A practice's membership of a PCN from <see cref="Start"/> to <see cref="End"/> inclusive (End null: still a member).
/// End is the last day of membership, as in the ODS ePCN "relationship end date".
/// </summary>
public sealed record PracticeMembership(string PracticeCode, string PcnCode, DateOnly Start, DateOnly? End)
{
    public bool IsCurrentOn(DateOnly date) => Start <= date && (End is null || End.Value >= date);

    public bool Overlaps(PracticeMembership other) =>
        Start <= (other.End ?? DateOnly.MaxValue) && other.Start <= (End ?? DateOnly.MaxValue);
}

/// <summary>PRACTICE-MULTIPLE-PCNS (Fail): a practice belongs to one PCN at a time.</summary>
public static class PracticeMultiplePcnsRule
{
    /// <summary>One outcome per practice that is in two PCNs at once (only failures; empty when all is well).</summary>
    public static IReadOnlyList<RuleOutcome> FindOverlaps(IEnumerable<PracticeMembership> memberships) =>
        memberships
            .GroupBy(m => m.PracticeCode, StringComparer.Ordinal)
            .Select(g => CheckPractice(g.Key, g))
            .Where(o => o.Severity == RuleSeverity.Fail)
            .ToList();

    /// <summary>Pass, or Fail naming each pair of PCNs and the dates they overlap.</summary>
    public static RuleOutcome CheckPractice(string practiceCode, IEnumerable<PracticeMembership> memberships)
    {
        var list = memberships.Where(m => m.PracticeCode == practiceCode).OrderBy(m => m.Start).ToList();
        var clashes = new List<string>();
        for (var i = 0; i < list.Count; i++)
        {
            for (var j = i + 1; j < list.Count; j++)
            {
                var a = list[i];
                var b = list[j];
                if (a.PcnCode != b.PcnCode && a.Overlaps(b))
                {
                    var from = a.Start > b.Start ? a.Start : b.Start;
                    DateOnly? to = a.End is null ? b.End : b.End is null ? a.End : (a.End < b.End ? a.End : b.End);
                    clashes.Add($"{a.PcnCode} ({Range(a)}) and {b.PcnCode} ({Range(b)}) overlap from {Format(from)}{(to is null ? " onwards" : $" to {Format(to.Value)}")}");
                }
            }
        }

        var figures = new Dictionary<string, string>
        {
            ["practice"] = practiceCode,
            ["memberships"] = list.Count.ToString(CultureInfo.InvariantCulture),
            ["pcns"] = string.Join(", ", list.Select(m => m.PcnCode).Distinct()),
        };
        const string code = RegistrationRuleCodes.PracticeMultiplePcns;
        if (clashes.Count == 0)
        {
            return RuleOutcome.Pass(code, $"Practice {practiceCode} is in at most one PCN at a time ({list.Count} membership record(s)).", figures);
        }

        return RuleOutcome.Fail(code, $"Practice {practiceCode} is in two PCNs at once: {string.Join("; ", clashes)}. End one membership the day before the other starts.", figures);
    }

    private static string Range(PracticeMembership m) => $"{Format(m.Start)} to {(m.End is null ? "now" : Format(m.End.Value))}";

    private static string Format(DateOnly d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
