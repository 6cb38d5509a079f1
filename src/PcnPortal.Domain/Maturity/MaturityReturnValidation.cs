using System.Globalization;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Maturity;

/// <summary>
/// Character limits for the free-text parts of a maturity return (per domain). Chosen to match the BNSSG 2021/22 return
/// (evidence, what worked well, what to continue, support needed; seed 002 §3) while keeping review summaries readable.
/// A line break counts as one character however the browser sends it ("\r\n" or "\n"), matching the NHS.UK character count component.
/// </summary>
public static class MaturityTextLimits
{
    /// <summary>Evidence for the position chosen: 1,000 characters.</summary>
    public const int Evidence = 1000;

    /// <summary>What has worked well: 500 characters.</summary>
    public const int WhatWorkedWell = 500;

    /// <summary>What the PCN wants to continue: 500 characters.</summary>
    public const int Continue = 500;

    /// <summary>Support needed from the CCG or system: 500 characters.</summary>
    public const int SupportNeeded = 500;

    /// <summary>Reason a domain is Not assessed: 500 characters.</summary>
    public const int NotAssessedReason = 500;

    /// <summary>Length as the user sees it: "\r\n" counts as one character. Null counts as 0.</summary>
    public static int Length(string? text) => text is null ? 0 : text.Replace("\r\n", "\n", StringComparison.Ordinal).Length;
}

/// <summary>The result of the "can submit" check: the domains still to position, and those Not assessed without a reason.</summary>
public sealed record SubmitCheck(IReadOnlyList<MaturityDomain> MissingDomains, IReadOnlyList<MaturityDomain> NotAssessedWithoutReason)
{
    public bool CanSubmit => MissingDomains.Count == 0 && NotAssessedWithoutReason.Count == 0;

    /// <summary>Every domain that blocks submission, in matrix order.</summary>
    public IReadOnlyList<MaturityDomain> Incomplete =>
        [.. MaturityDomains.All.Where(d => MissingDomains.Contains(d) || NotAssessedWithoutReason.Contains(d))];
}

/// <summary>Validation helpers for a maturity return. Codes: MAT-TEXT-LENGTH, MAT-SUBMIT-COMPLETE.</summary>
public static class MaturityReturnValidation
{
    public const string TextLengthCode = "MAT-TEXT-LENGTH";
    public const string SubmitCompleteCode = "MAT-SUBMIT-COMPLETE";

    /// <summary>Fails when <paramref name="text"/> is longer than <paramref name="limit"/>; the explanation names the field and the excess.</summary>
    public static RuleOutcome CheckLength(string fieldName, string? text, int limit)
    {
        var length = MaturityTextLimits.Length(text);
        var figures = new Dictionary<string, string>
        {
            ["Field"] = fieldName,
            ["Length"] = length.ToString(CultureInfo.InvariantCulture),
            ["Limit"] = limit.ToString(CultureInfo.InvariantCulture),
        };
        return length <= limit
            ? RuleOutcome.Pass(TextLengthCode, $"{fieldName} is {length:N0} of {limit:N0} characters.", figures)
            : RuleOutcome.Fail(TextLengthCode, $"{fieldName} must be {limit:N0} characters or fewer; it is {length - limit:N0} too long.", figures);
    }

    /// <summary>Every domain must be positioned, or Not assessed with a reason.</summary>
    public static SubmitCheck CanSubmit(IEnumerable<DomainPosition> positions)
    {
        var byDomain = positions.GroupBy(p => p.Domain).ToDictionary(g => g.Key, g => g.Last());
        return new SubmitCheck(
            [.. MaturityDomains.All.Where(d => !byDomain.ContainsKey(d))],
            [.. MaturityDomains.All.Where(d => byDomain.TryGetValue(d, out var p) && !p.IsComplete)]);
    }

    /// <summary>The same check as a rule outcome for the review page.</summary>
    public static RuleOutcome CheckSubmit(IEnumerable<DomainPosition> positions)
    {
        var check = CanSubmit(positions);
        if (check.CanSubmit)
        {
            return RuleOutcome.Pass(SubmitCompleteCode, "Every domain has a position.");
        }

        var parts = new List<string>();
        if (check.MissingDomains.Count > 0)
        {
            parts.Add("Choose a position for " + string.Join(", ", check.MissingDomains.Select(d => d.DisplayName())));
        }

        if (check.NotAssessedWithoutReason.Count > 0)
        {
            parts.Add("Give a reason for not assessing " + string.Join(", ", check.NotAssessedWithoutReason.Select(d => d.DisplayName())));
        }

        return RuleOutcome.Fail(SubmitCompleteCode, string.Join(". ", parts) + ".", new Dictionary<string, string>
        {
            ["Missing"] = string.Join(",", check.MissingDomains.Select(d => d.Code())),
            ["NotAssessedWithoutReason"] = string.Join(",", check.NotAssessedWithoutReason.Select(d => d.Code())),
        });
    }
}
