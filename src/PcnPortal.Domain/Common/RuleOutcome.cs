namespace PcnPortal.Domain.Common;

public enum RuleSeverity
{
    Pass = 0,
    Warn = 1,
    Fail = 2,
}

/// <summary>
/// The result of one automatic check: its stable code (e.g. ARRS-CAP), how it came out, a sentence a person
/// understands, and the figures it used and compared against.
/// </summary>
public sealed record RuleOutcome(string Code, RuleSeverity Severity, string Explanation, IReadOnlyDictionary<string, string> Figures)
{
    public static RuleOutcome Pass(string code, string explanation, IReadOnlyDictionary<string, string>? figures = null) =>
        new(code, RuleSeverity.Pass, explanation, figures ?? EmptyFigures);

    public static RuleOutcome Warn(string code, string explanation, IReadOnlyDictionary<string, string>? figures = null) =>
        new(code, RuleSeverity.Warn, explanation, figures ?? EmptyFigures);

    public static RuleOutcome Fail(string code, string explanation, IReadOnlyDictionary<string, string>? figures = null) =>
        new(code, RuleSeverity.Fail, explanation, figures ?? EmptyFigures);

    private static readonly IReadOnlyDictionary<string, string> EmptyFigures = new Dictionary<string, string>();
}
