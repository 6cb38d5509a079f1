using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Rules;

/// <summary>How one rule came out for one line, kept compact; <see cref="ArrsAssessment.Outcomes"/> turns it into text.</summary>
public readonly record struct ArrsCheck(ArrsCheckState State, byte Reason)
{
    public static readonly ArrsCheck NotAssessed = default;

    public bool Assessed => State != ArrsCheckState.NotAssessed;

    public bool Failed => State == ArrsCheckState.Fail;

    public RuleSeverity? Severity => State switch
    {
        ArrsCheckState.Pass => RuleSeverity.Pass,
        ArrsCheckState.Warn => RuleSeverity.Warn,
        ArrsCheckState.Fail => RuleSeverity.Fail,
        _ => null,
    };

    internal static ArrsCheck Pass(byte reason = 0) => new(ArrsCheckState.Pass, reason);

    internal static ArrsCheck Warn(byte reason = 0) => new(ArrsCheckState.Warn, reason);

    internal static ArrsCheck Fail(byte reason = 0) => new(ArrsCheckState.Fail, reason);
}

public enum ArrsCheckState : byte
{
    /// <summary>Not applicable to the line (e.g. it already failed a rule this one builds on): blank in exports.</summary>
    NotAssessed = 0,
    Pass = 1,
    Warn = 2,
    Fail = 3,
}
