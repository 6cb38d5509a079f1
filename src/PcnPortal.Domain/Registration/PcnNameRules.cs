using System.Globalization;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Registration;

/// <summary>
/// The ODS PCN naming convention (seed 000 §2.4; NHS England letter of September 2019).
/// PCN-NAME-SUFFIX fails; PCN-NAME-LENGTH, PCN-NAME-GENERIC and PCN-NAME-AMPERSAND warn.
/// Names are checked as given after trimming surrounding spaces.
/// </summary>
public static class PcnNameRules
{
    private const string Suffix = "PCN";

    private static readonly HashSet<string> CompassWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "north", "south", "east", "west", "central", "centre", "center", "mid", "middle",
        "northeast", "northwest", "southeast", "southwest", "northern", "southern", "eastern", "western",
        "ne", "nw", "se", "sw", "n", "s", "e", "w", "and",
    };

    private static readonly HashSet<string> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "no",
    };

    /// <summary>All the name rules, in a stable order: suffix, length, generic, ampersand.</summary>
    public static IReadOnlyList<RuleOutcome> CheckAll(string? name, RegistrationOptions? options = null)
    {
        var maxLength = (options ?? RegistrationOptions.Default).NameMaxLength;
        return [CheckSuffix(name), CheckLength(name, maxLength), CheckGeneric(name), CheckAmpersand(name, maxLength)];
    }

    /// <summary>PCN-NAME-SUFFIX (Fail): the name ends with "PCN" in capitals, as a word of its own.</summary>
    public static RuleOutcome CheckSuffix(string? name)
    {
        var text = (name ?? string.Empty).Trim();
        var figures = new Dictionary<string, string> { ["name"] = text };
        const string code = RegistrationRuleCodes.NameSuffix;

        if (text.Length == 0)
        {
            return RuleOutcome.Fail(code, "The PCN has no name. Enter a name ending with \"PCN\", for example \"Durham Dales PCN\".", figures);
        }

        if (EndsWithSuffixWord(text, StringComparison.Ordinal))
        {
            return RuleOutcome.Pass(code, $"\"{text}\" ends with the suffix \"PCN\".", figures);
        }

        if (EndsWithSuffixWord(text, StringComparison.OrdinalIgnoreCase))
        {
            var ending = text[^3..];
            return RuleOutcome.Fail(code, $"\"{text}\" ends with \"{ending}\": write the suffix in capitals as \"PCN\".", figures);
        }

        var index = IndexOfSuffixWord(text);
        if (index >= 0)
        {
            var after = text[(index + 3)..].Trim();
            var before = text[..index].Trim();
            var example = before.Length > 0 ? $"\"{before} PCN\"" : "\"Durham Dales (1) PCN\"";
            return RuleOutcome.Fail(code, $"\"{text}\" has \"PCN\" followed by \"{after}\": the name must end with \"PCN\", for example {example}.", figures);
        }

        return RuleOutcome.Fail(code, $"\"{text}\" does not end with \"PCN\": add the suffix, for example \"{text} PCN\".", figures);
    }

    /// <summary>PCN-NAME-LENGTH (Warn): at most <paramref name="maxLength"/> characters including the suffix.</summary>
    public static RuleOutcome CheckLength(string? name, int maxLength = 40)
    {
        var text = (name ?? string.Empty).Trim();
        var figures = new Dictionary<string, string>
        {
            ["name"] = text,
            ["length"] = text.Length.ToString(CultureInfo.InvariantCulture),
            ["maximum"] = maxLength.ToString(CultureInfo.InvariantCulture),
        };
        const string code = RegistrationRuleCodes.NameLength;
        if (text.Length <= maxLength)
        {
            return RuleOutcome.Pass(code, $"\"{text}\" is {text.Length} characters, within the limit of {maxLength}.", figures);
        }

        return RuleOutcome.Warn(code, $"\"{text}\" is {text.Length} characters, {text.Length - maxLength} over the limit of {maxLength} including \"PCN\": shorten it (\"&\" may replace \"and\" to save space).", figures);
    }

    /// <summary>
    /// PCN-NAME-GENERIC (Warn): nothing but compass points and numbers apart from "PCN" ("North PCN", "PCN1", "1 PCN",
    /// "North East 2 PCN"). Numbering with an area name ("Durham Dales (1) PCN") passes.
    /// </summary>
    public static RuleOutcome CheckGeneric(string? name)
    {
        var text = (name ?? string.Empty).Trim();
        var figures = new Dictionary<string, string> { ["name"] = text };
        const string code = RegistrationRuleCodes.NameGeneric;

        var words = Words(text).Where(w => !w.Equals(Suffix, StringComparison.OrdinalIgnoreCase)).ToList();
        var distinctive = words.Where(w => !IsGenericWord(w)).ToList();
        if (distinctive.Count > 0)
        {
            figures["distinctive"] = string.Join(" ", distinctive);
            return RuleOutcome.Pass(code, $"\"{text}\" has a distinctive element (\"{string.Join(" ", distinctive)}\").", figures);
        }

        var explanation = words.Count == 0
            ? $"\"{text}\" has nothing before \"PCN\": add a place name, for example \"Durham Dales PCN\"."
            : $"\"{text}\" is only a compass point or number (\"{string.Join(" ", words)}\") before \"PCN\": add the area's name, for example \"Barking and Dagenham North PCN\" or \"Durham Dales (1) PCN\".";
        return RuleOutcome.Warn(code, explanation, figures);
    }

    /// <summary>
    /// PCN-NAME-AMPERSAND (Warn): "&amp;" should be "and" unless writing "and" would take the name over the limit,
    /// in which case "&amp;" is allowed and the rule passes saying so.
    /// </summary>
    public static RuleOutcome CheckAmpersand(string? name, int maxLength = 40)
    {
        var text = (name ?? string.Empty).Trim();
        const string code = RegistrationRuleCodes.NameAmpersand;
        var count = text.Count(c => c == '&');
        var figures = new Dictionary<string, string> { ["name"] = text, ["ampersands"] = count.ToString(CultureInfo.InvariantCulture) };
        if (count == 0)
        {
            return RuleOutcome.Pass(code, $"\"{text}\" does not use \"&\".", figures);
        }

        var withAnd = WithAnd(text);
        figures["withAnd"] = withAnd;
        figures["withAndLength"] = withAnd.Length.ToString(CultureInfo.InvariantCulture);
        figures["maximum"] = maxLength.ToString(CultureInfo.InvariantCulture);
        if (withAnd.Length > maxLength)
        {
            return RuleOutcome.Pass(code, $"\"{text}\" uses \"&\": allowed, because \"{withAnd}\" would be {withAnd.Length} characters, over the limit of {maxLength}.", figures);
        }

        return RuleOutcome.Warn(code, $"\"{text}\" uses \"&\": write \"and\" instead (\"{withAnd}\", {withAnd.Length} characters, fits the limit of {maxLength}).", figures);
    }

    private static string WithAnd(string text)
    {
        var parts = text.Split('&').Select(p => p.Trim());
        return string.Join(" and ", parts);
    }

    private static bool IsGenericWord(string word) =>
        CompassWords.Contains(word)
        || NumberWords.Contains(word)
        || word.All(char.IsAsciiDigit)
        || (word.StartsWith(Suffix, StringComparison.OrdinalIgnoreCase) && word[3..].All(char.IsAsciiDigit));

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }

    private static bool EndsWithSuffixWord(string text, StringComparison comparison) =>
        text.EndsWith(Suffix, comparison) && (text.Length == 3 || !char.IsLetterOrDigit(text[^4]));

    private static int IndexOfSuffixWord(string text)
    {
        var index = text.IndexOf(Suffix, StringComparison.OrdinalIgnoreCase);
        while (index >= 0)
        {
            var startOk = index == 0 || !char.IsLetterOrDigit(text[index - 1]);
            var endOk = index + 3 >= text.Length || !char.IsLetter(text[index + 3]);
            if (startOk && endOk)
            {
                return index;
            }

            index = text.IndexOf(Suffix, index + 1, StringComparison.OrdinalIgnoreCase);
        }

        return -1;
    }
}
