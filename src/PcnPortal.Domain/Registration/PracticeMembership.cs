using System.Globalization;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Registration;

/// <summary>
/// A practice's membership of a PCN from <see cref="Start"/> to <see cref="End"/> inclusive (End null: still a member).
/// End is the last day of membership, as in the ODS ePCN "Practice to PCN Relationship End Date" (memberships end on
/// 31 March and the next one starts on 1 April). The one exception is a handover, see <see cref="MembershipHandovers"/>.
/// </summary>
public sealed record PracticeMembership(string PracticeCode, string PcnCode, DateOnly Start, DateOnly? End)
{
    public bool IsCurrentOn(DateOnly date) => Start <= date && (End is null || End.Value >= date);

    public bool Overlaps(PracticeMembership other) =>
        Start <= (other.End ?? DateOnly.MaxValue) && other.Start <= (End ?? DateOnly.MaxValue);

    /// <summary>True when the membership covers no day at all (a handover on the day it started: see <see cref="MembershipHandovers"/>).</summary>
    public bool CoversNoDay => End is { } end && end < Start;
}

/// <summary>
/// The one meaning of a left date, used for membership on a date, population on a date, the register as at a date, the PCN
/// page and the import. The ODS left date is the last day of membership. But in the national data a practice that moves PCN
/// (or joins the same PCN again) on a date often has a left date equal to that join date: that is a <b>handover</b>, not two
/// PCNs at once. On the handover date the practice is in the PCN it joins, so the old membership's last day is the day before.
/// A membership that ends on a handover date and also started on it (ODS records a membership of the same day) covers no day.
/// Any other overlap (two or more days) is still PRACTICE-MULTIPLE-PCNS.
/// </summary>
public static class MembershipHandovers
{
    /// <summary>
    /// The last day of <paramref name="membership"/>: its left date, or the day before when the practice joins a PCN on that
    /// date (<paramref name="practiceJoinDates"/>: the start dates of every membership the practice has, this one included).
    /// </summary>
    public static DateOnly? LastDay(PracticeMembership membership, IEnumerable<DateOnly> practiceJoinDates) =>
        LastDay(membership.Start, membership.End, practiceJoinDates);

    /// <inheritdoc cref="LastDay(PracticeMembership, IEnumerable{DateOnly})"/>
    public static DateOnly? LastDay(DateOnly start, DateOnly? leftDate, IEnumerable<DateOnly> practiceJoinDates)
    {
        if (leftDate is not { } left)
        {
            return null;
        }

        // Another membership starts on the left date: a handover (this membership's own start only counts when it is a
        // different row, which the caller expresses by listing that date twice).
        var joins = practiceJoinDates.Count(d => d == left);
        var ownStartCounted = start == left ? 1 : 0;
        return joins > ownStartCounted ? left.AddDays(-1) : left;
    }

    /// <summary>
    /// Every membership with its left date read as <see cref="LastDay(PracticeMembership, IEnumerable{DateOnly})"/> says, in the
    /// order given. Memberships that cover no day come back with <see cref="PracticeMembership.CoversNoDay"/> true.
    /// </summary>
    public static IReadOnlyList<PracticeMembership> Resolve(IEnumerable<PracticeMembership> memberships)
    {
        var list = memberships.ToList();
        var joins = list.ToLookup(m => m.PracticeCode, m => m.Start, StringComparer.Ordinal);
        return [.. list.Select(m => m with { End = LastDay(m, joins[m.PracticeCode]) })];
    }
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

    /// <summary>
    /// Pass, or Fail naming each pair of PCNs and the dates they overlap. Left dates are read as
    /// <see cref="MembershipHandovers"/> says: a handover (left date = the next join date) is not an overlap.
    /// The figure "pcnCodes" lists the PCNs involved in an overlap.
    /// </summary>
    public static RuleOutcome CheckPractice(string practiceCode, IEnumerable<PracticeMembership> memberships)
    {
        var original = memberships.Where(m => m.PracticeCode == practiceCode).ToList();
        var list = MembershipHandovers.Resolve(original).Where(m => !m.CoversNoDay).OrderBy(m => m.Start).ToList();
        var clashes = new List<string>();
        var involved = new SortedSet<string>(StringComparer.Ordinal);
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
                    involved.Add(a.PcnCode);
                    involved.Add(b.PcnCode);
                }
            }
        }

        var figures = new Dictionary<string, string>
        {
            ["practice"] = practiceCode,
            ["memberships"] = original.Count.ToString(CultureInfo.InvariantCulture),
            ["pcns"] = string.Join(", ", original.OrderBy(m => m.Start).Select(m => m.PcnCode).Distinct()),
            ["pcnCodes"] = string.Join(", ", involved),
        };
        const string code = RegistrationRuleCodes.PracticeMultiplePcns;
        if (clashes.Count == 0)
        {
            return RuleOutcome.Pass(code, $"Practice {practiceCode} is in at most one PCN at a time ({original.Count} membership record(s)).", figures);
        }

        return RuleOutcome.Fail(code, $"Practice {practiceCode} is in two PCNs at once: {string.Join("; ", clashes)}. End one membership the day before the other starts (or on that day: a handover).", figures);
    }

    private static string Range(PracticeMembership m) => $"{Format(m.Start)} to {(m.End is null ? "now" : Format(m.End.Value))}";

    private static string Format(DateOnly d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
