using System.Text.RegularExpressions;

namespace PcnPortal.Domain.Maturity;

/// <summary>
/// Where a PCN places itself in one domain. The matrix has four steps (Foundation, Step 1, Step 2, Step 3); real returns
/// also use Pre-foundation, in-between positions ("Step 1/2") and "No score" (Not assessed, which needs a reason).
/// Numeric values are not the ordinal; compare with <see cref="MaturityPositions.Ordinal"/>, store <see cref="MaturityPositions.Code"/>.
/// </summary>
public enum MaturityPosition
{
    NotAssessed = 0,
    PreFoundation = 1,
    Foundation = 2,
    FoundationToStep1 = 3,
    Step1 = 4,
    Step1To2 = 5,
    Step2 = 6,
    Step2To3 = 7,
    Step3 = 8,
}

/// <summary>A step of the matrix: the columns descriptors are written for.</summary>
public enum MaturityStep
{
    Foundation = 1,
    Step1 = 2,
    Step2 = 3,
    Step3 = 4,
}

public static partial class MaturityPositions
{
    /// <summary>Every assessed position, lowest first (Not assessed excluded).</summary>
    public static IReadOnlyList<MaturityPosition> Assessed { get; } =
    [
        MaturityPosition.PreFoundation,
        MaturityPosition.Foundation,
        MaturityPosition.FoundationToStep1,
        MaturityPosition.Step1,
        MaturityPosition.Step1To2,
        MaturityPosition.Step2,
        MaturityPosition.Step2To3,
        MaturityPosition.Step3,
    ];

    /// <summary>Every position, lowest first, with Not assessed last (the column order for summary tables).</summary>
    public static IReadOnlyList<MaturityPosition> All { get; } = [.. Assessed, MaturityPosition.NotAssessed];

    /// <summary>
    /// The ordinal scale: Pre-foundation 0, Foundation 1, Step 1 2, Step 2 3, Step 3 4; an in-between position sits halfway
    /// (Foundation/Step 1 = 1.5). Not assessed has no ordinal (null) and cannot be compared.
    /// </summary>
    public static decimal? Ordinal(this MaturityPosition position) => position switch
    {
        MaturityPosition.NotAssessed => null,
        MaturityPosition.PreFoundation => 0m,
        MaturityPosition.Foundation => 1m,
        MaturityPosition.FoundationToStep1 => 1.5m,
        MaturityPosition.Step1 => 2m,
        MaturityPosition.Step1To2 => 2.5m,
        MaturityPosition.Step2 => 3m,
        MaturityPosition.Step2To3 => 3.5m,
        MaturityPosition.Step3 => 4m,
        _ => throw new ArgumentOutOfRangeException(nameof(position), position, "Unknown maturity position."),
    };

    public static bool IsInBetween(this MaturityPosition position) =>
        position is MaturityPosition.FoundationToStep1 or MaturityPosition.Step1To2 or MaturityPosition.Step2To3;

    /// <summary>"Foundation/Step 1", "Step 1/2", "Not assessed".</summary>
    public static string DisplayText(this MaturityPosition position) => position switch
    {
        MaturityPosition.NotAssessed => "Not assessed",
        MaturityPosition.PreFoundation => "Pre-foundation",
        MaturityPosition.Foundation => "Foundation",
        MaturityPosition.FoundationToStep1 => "Foundation/Step 1",
        MaturityPosition.Step1 => "Step 1",
        MaturityPosition.Step1To2 => "Step 1/2",
        MaturityPosition.Step2 => "Step 2",
        MaturityPosition.Step2To3 => "Step 2/3",
        MaturityPosition.Step3 => "Step 3",
        _ => throw new ArgumentOutOfRangeException(nameof(position), position, "Unknown maturity position."),
    };

    /// <summary>Stable storage code: NA, PRE, F, F-S1, S1, S1-S2, S2, S2-S3, S3. Never change these.</summary>
    public static string Code(this MaturityPosition position) => position switch
    {
        MaturityPosition.NotAssessed => "NA",
        MaturityPosition.PreFoundation => "PRE",
        MaturityPosition.Foundation => "F",
        MaturityPosition.FoundationToStep1 => "F-S1",
        MaturityPosition.Step1 => "S1",
        MaturityPosition.Step1To2 => "S1-S2",
        MaturityPosition.Step2 => "S2",
        MaturityPosition.Step2To3 => "S2-S3",
        MaturityPosition.Step3 => "S3",
        _ => throw new ArgumentOutOfRangeException(nameof(position), position, "Unknown maturity position."),
    };

    /// <summary>The position that is exactly one matrix step.</summary>
    public static MaturityPosition ToPosition(this MaturityStep step) => step switch
    {
        MaturityStep.Foundation => MaturityPosition.Foundation,
        MaturityStep.Step1 => MaturityPosition.Step1,
        MaturityStep.Step2 => MaturityPosition.Step2,
        MaturityStep.Step3 => MaturityPosition.Step3,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown maturity step."),
    };

    public static string DisplayText(this MaturityStep step) => step.ToPosition().DisplayText();

    public static bool TryParseCode(string? code, out MaturityPosition position)
    {
        position = default;
        if (string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), code.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                position = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Reads the text forms found in real returns and committee tables (seed 002 appendix 3): "Step 1/2", "Step 1-2",
    /// "Step 1 to 2", "Step 1/Step 2", "Foundation/ Step 1", "Foundation / Step 1", "Pre-Foundation", "Pre foundation",
    /// "Foundation step", "No score" / "Not assessed" / "N/A" (Not assessed), and the storage codes. Case and spacing
    /// are ignored. Bare numbers (a return once said "0.5") are ambiguous and are NOT parsed: the importer should show the raw text
    /// for a person to map. In-between positions must be adjacent steps ("Step 1/3" is rejected).
    /// </summary>
    public static bool TryParse(string? text, out MaturityPosition position)
    {
        position = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (TryParseCode(text, out position))
        {
            return true;
        }

        var t = Spaces().Replace(text.Trim().ToLowerInvariant(), " ");
        t = t.Replace("–", "-", StringComparison.Ordinal).Replace("—", "-", StringComparison.Ordinal);

        if (t is "no score" or "not assessed" or "n/a" or "not scored" or "none")
        {
            position = MaturityPosition.NotAssessed;
            return true;
        }

        if (PreFoundation().IsMatch(t))
        {
            position = MaturityPosition.PreFoundation;
            return true;
        }

        // Split "a/b", "a - b", "a to b" into two parts; a hyphen splits only when it is not part of "pre-foundation" (handled above).
        var parts = Separator().Split(t);
        if (parts.Length > 2)
        {
            return false;
        }

        if (!TryParseStep(parts[0], null, out var first))
        {
            return false;
        }

        if (parts.Length == 1)
        {
            position = first.ToPosition();
            return true;
        }

        // "Step 1/2": the second part may be a bare number that borrows "Step" from the first.
        if (!TryParseStep(parts[1], first, out var second) || second != first + 1)
        {
            return false;
        }

        position = first switch
        {
            MaturityStep.Foundation => MaturityPosition.FoundationToStep1,
            MaturityStep.Step1 => MaturityPosition.Step1To2,
            _ => MaturityPosition.Step2To3,
        };
        return true;
    }

    public static MaturityPosition Parse(string text) =>
        TryParse(text, out var position)
            ? position
            : throw new FormatException($"'{text}' is not a maturity position; write it as Foundation, Step 1, Step 1/2 or Not assessed.");

    private static bool TryParseStep(string part, MaturityStep? previous, out MaturityStep step)
    {
        step = default;
        var p = part.Trim();
        if (p is "foundation" or "foundation step" or "foundation stage")
        {
            step = MaturityStep.Foundation;
            return true;
        }

        var m = StepNumber().Match(p);
        if (!m.Success)
        {
            return false;
        }

        // A bare number is only allowed after a step ("Step 1/2"), never on its own ("0.5", "2").
        if (m.Groups["word"].Length == 0 && previous is not (MaturityStep.Step1 or MaturityStep.Step2))
        {
            return false;
        }

        step = m.Groups["n"].Value switch
        {
            "1" => MaturityStep.Step1,
            "2" => MaturityStep.Step2,
            "3" => MaturityStep.Step3,
            _ => default,
        };
        return step != default;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^pre[\s-]?foundation( step| stage)?$")]
    private static partial Regex PreFoundation();

    [GeneratedRegex(@"\s*/\s*|\s+-\s+|(?<=\d)\s*-\s*(?=\d|step)|(?<=foundation)-(?=step)|\s+to\s+")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(?<word>step\s?)?(?<n>\d)$")]
    private static partial Regex StepNumber();
}
