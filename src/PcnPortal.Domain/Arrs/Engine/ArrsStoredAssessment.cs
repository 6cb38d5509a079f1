using System.Globalization;
using PcnPortal.Domain.Arrs.Rules;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Engine;

/// <summary>
/// What is kept of one line's assessment so that its rule outcomes can be written again, word for word, without
/// running the year again (docs/decisions/0014-compact-claim-outcomes.md): each rule's check (its state and reason) and
/// the running totals from earlier lines that the explanations quote. With the line, its reimbursable amount, the
/// reference data and the PCN's context for the year, that is everything <see cref="ArrsAssessment.Outcomes"/> uses;
/// <see cref="ArrsOutcomeExplainer"/> does the rewriting.
/// </summary>
/// <param name="Checks">
/// Two characters a rule, in <see cref="ArrsAssessment.RuleCodes"/> order: the state ('-' not assessed, 'P' pass,
/// 'W' warn, 'F' fail) and the reason ('0' plus the rule's reason number).
/// </param>
/// <param name="DuplicateOfIndex">For a repeated line, the position in the year's batch of the line it repeats; -1 otherwise.</param>
public sealed record ArrsStoredAssessment(
    string Checks, decimal RoleWteBefore, decimal RoleLimitWteBefore, decimal EntitlementUsedBefore, int DuplicateOfIndex)
{
    /// <summary>Characters in <see cref="Checks"/>.</summary>
    public const int ChecksLength = 20;

    /// <summary>The running totals as stored: invariant text, each figure with its own scale, separated by ';'.</summary>
    public string Totals => string.Join(
        ';',
        RoleWteBefore.ToString(CultureInfo.InvariantCulture),
        RoleLimitWteBefore.ToString(CultureInfo.InvariantCulture),
        EntitlementUsedBefore.ToString(CultureInfo.InvariantCulture),
        DuplicateOfIndex.ToString(CultureInfo.InvariantCulture));

    /// <summary>The stored form read back (<see cref="Checks"/> and <see cref="Totals"/>).</summary>
    public static ArrsStoredAssessment Parse(string checks, string totals)
    {
        if (checks.Length != ChecksLength)
        {
            throw new FormatException($"Stored rule checks are {ChecksLength} characters, not {checks.Length}.");
        }

        var parts = totals.Split(';');
        if (parts.Length != 4)
        {
            throw new FormatException("Stored running totals are four figures separated by ';'.");
        }

        return new ArrsStoredAssessment(
            checks,
            decimal.Parse(parts[0], NumberStyles.Number, CultureInfo.InvariantCulture),
            decimal.Parse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture),
            decimal.Parse(parts[2], NumberStyles.Number, CultureInfo.InvariantCulture),
            int.Parse(parts[3], NumberStyles.Integer, CultureInfo.InvariantCulture));
    }

    /// <summary>Where a rule's state letter is in <see cref="Checks"/> (0-based), for queries on the stored column.</summary>
    public static int StateOffset(string code)
    {
        for (var i = 0; i < ArrsAssessment.RuleCodes.Count; i++)
        {
            if (ArrsAssessment.RuleCodes[i] == code)
            {
                return i * 2;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown ARRS rule code.");
    }

    /// <summary>The state letter stored for a severity.</summary>
    public static string StateLetter(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Pass => "P",
        RuleSeverity.Warn => "W",
        _ => "F",
    };

    /// <summary>A rule's outcome, or null when the rule did not apply to the line.</summary>
    public static RuleSeverity? SeverityOf(string checks, string code) => Decode(checks[StateOffset(code)], '0').Severity;

    /// <summary>The rules with the given outcome, in <see cref="ArrsAssessment.RuleCodes"/> order.</summary>
    public static IReadOnlyList<string> CodesWith(string checks, RuleSeverity severity)
    {
        var letter = StateLetter(severity)[0];
        var codes = new List<string>();
        for (var i = 0; i < ArrsAssessment.RuleCodes.Count; i++)
        {
            if (checks[i * 2] == letter)
            {
                codes.Add(ArrsAssessment.RuleCodes[i]);
            }
        }

        return codes;
    }

    internal static string EncodeChecks(in ArrsLineResult r) => string.Create(ChecksLength, r, static (span, result) =>
    {
        for (var i = 0; i < ArrsAssessment.RuleCodes.Count; i++)
        {
            var check = result.CheckFor(ArrsAssessment.RuleCodes[i]);
            span[i * 2] = check.State switch
            {
                ArrsCheckState.Pass => 'P',
                ArrsCheckState.Warn => 'W',
                ArrsCheckState.Fail => 'F',
                _ => '-',
            };
            span[(i * 2) + 1] = (char)('0' + check.Reason);
        }
    });

    internal ArrsCheck CheckAt(int rule) => Decode(Checks[rule * 2], Checks[(rule * 2) + 1]);

    private static ArrsCheck Decode(char state, char reason) => new(
        state switch
        {
            'P' => ArrsCheckState.Pass,
            'W' => ArrsCheckState.Warn,
            'F' => ArrsCheckState.Fail,
            '-' => ArrsCheckState.NotAssessed,
            _ => throw new FormatException($"'{state}' is not a stored rule state."),
        },
        (byte)(reason - '0'));
}
