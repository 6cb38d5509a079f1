using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Registration;

/// <summary>ODS code formats: PCN "U" + 5 digits (U12345); GP practice one letter + 5 digits (A81001). Both Fail when broken.</summary>
public static class OdsCodeRules
{
    public static bool IsPcnCode(string? code) =>
        code is { Length: 6 } && code[0] == 'U' && AllDigits(code.AsSpan(1));

    public static bool IsPracticeCode(string? code) =>
        code is { Length: 6 } && char.IsAsciiLetterUpper(code[0]) && AllDigits(code.AsSpan(1));

    public static RuleOutcome CheckPcnCode(string? code)
    {
        var figures = new Dictionary<string, string> { ["code"] = code ?? string.Empty };
        if (IsPcnCode(code))
        {
            return RuleOutcome.Pass(RegistrationRuleCodes.PcnCodeFormat, $"PCN code {code} is \"U\" followed by five digits.", figures);
        }

        return RuleOutcome.Fail(
            RegistrationRuleCodes.PcnCodeFormat,
            $"PCN code '{code}' is not a PCN ODS code: it must be a capital \"U\" followed by five digits, for example U12345.{Hint(code)}",
            figures);
    }

    public static RuleOutcome CheckPracticeCode(string? code)
    {
        var figures = new Dictionary<string, string> { ["code"] = code ?? string.Empty };
        if (IsPracticeCode(code))
        {
            return RuleOutcome.Pass(RegistrationRuleCodes.PracticeCodeFormat, $"Practice code {code} is one letter followed by five digits.", figures);
        }

        return RuleOutcome.Fail(
            RegistrationRuleCodes.PracticeCodeFormat,
            $"Practice code '{code}' is not a GP practice ODS code: it must be one capital letter followed by five digits, for example A81001.{Hint(code)}",
            figures);
    }

    /// <summary>Checks several practice codes at once: one outcome naming every bad code.</summary>
    public static RuleOutcome CheckPracticeCodes(IEnumerable<string> codes)
    {
        var all = codes.ToList();
        var bad = all.Where(c => !IsPracticeCode(c)).ToList();
        var figures = new Dictionary<string, string>
        {
            ["practices"] = all.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["invalid"] = string.Join(", ", bad),
        };
        if (bad.Count == 0)
        {
            return RuleOutcome.Pass(RegistrationRuleCodes.PracticeCodeFormat, $"All {all.Count} member practice codes are one letter followed by five digits.", figures);
        }

        return RuleOutcome.Fail(
            RegistrationRuleCodes.PracticeCodeFormat,
            $"{bad.Count} of {all.Count} member practice codes are not GP practice ODS codes (one capital letter and five digits, for example A81001): {string.Join(", ", bad.Select(b => $"'{b}'"))}.",
            figures);
    }

    private static string Hint(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return " No code was given.";
        }

        if (code != code.Trim())
        {
            return " Remove the spaces around it.";
        }

        return code != code.ToUpperInvariant() ? " Write the letter in capitals." : string.Empty;
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
