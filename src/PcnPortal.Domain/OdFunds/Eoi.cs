using System.Globalization;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Maturity;

namespace PcnPortal.Domain.OdFunds;

/// <summary>One line of an expression of interest: what support, what it will deliver, how much, and which maturity domains it moves on.</summary>
public sealed record EoiLine(string SupportRequested, string Deliverable, decimal Amount, IReadOnlyCollection<MaturityDomain> Domains);

/// <summary>
/// A PCN's expression of interest. <see cref="ConfirmedNotFundedElsewhere"/>: the PCN confirms none of it is already funded by the
/// contract, the CCG or another partner; <see cref="ClinicalDirectorConfirmed"/>: the clinical director has seen and supports it.
/// </summary>
public sealed record Eoi(
    string PcnCode,
    IReadOnlyList<EoiLine> Lines,
    bool ConfirmedNotFundedElsewhere,
    bool ClinicalDirectorConfirmed,
    string? OverShareReason = null)
{
    public decimal Total => Lines.Sum(l => l.Amount);
}

/// <summary>
/// Checks on an EOI against the PCN's share. Codes: OD-EOI-LINES, OD-EOI-AMOUNT, OD-EOI-DELIVERABLE, OD-EOI-DOMAIN,
/// OD-EOI-FUNDED-ELSEWHERE, OD-EOI-CD-CONFIRM, OD-EOI-OVER-SHARE (Warn: over the share is allowed with a reason),
/// OD-EOI-OVER-SHARE-REASON (Fail: over the share and no reason given). Line-level failures carry Figures["Line"] (1-based).
/// </summary>
public static class EoiChecks
{
    public const string LinesCode = "OD-EOI-LINES";
    public const string AmountCode = "OD-EOI-AMOUNT";
    public const string DeliverableCode = "OD-EOI-DELIVERABLE";
    public const string DomainCode = "OD-EOI-DOMAIN";
    public const string FundedElsewhereCode = "OD-EOI-FUNDED-ELSEWHERE";
    public const string CdConfirmCode = "OD-EOI-CD-CONFIRM";
    public const string OverShareCode = "OD-EOI-OVER-SHARE";
    public const string OverShareReasonCode = "OD-EOI-OVER-SHARE-REASON";

    public static IReadOnlyList<RuleOutcome> Check(Eoi eoi, decimal pcnShare)
    {
        var outcomes = new List<RuleOutcome>();
        outcomes.Add(eoi.Lines.Count > 0
            ? RuleOutcome.Pass(LinesCode, $"{eoi.Lines.Count} line(s) of support requested.")
            : RuleOutcome.Fail(LinesCode, "Add at least one line: the support requested, its deliverable and its cost."));

        outcomes.AddRange(PerLine(eoi, AmountCode, "Every amount is £0 or more, in pounds and pence.",
            l => l.Amount >= 0 && decimal.Round(l.Amount, 2) == l.Amount,
            (l, n) => l.Amount < 0
                ? $"Line {n}: the amount cannot be negative."
                : $"Line {n}: enter the amount in pounds and pence, for example 1250.50."));
        outcomes.AddRange(PerLine(eoi, DeliverableCode, "Every line says what it will deliver.",
            l => !string.IsNullOrWhiteSpace(l.Deliverable) && !string.IsNullOrWhiteSpace(l.SupportRequested),
            (l, n) => string.IsNullOrWhiteSpace(l.SupportRequested)
                ? $"Line {n}: describe the support requested."
                : $"Line {n}: describe what the support will deliver, for example \"PCN strategy and leadership plan\"."));
        outcomes.AddRange(PerLine(eoi, DomainCode, "Every line shows progression in at least one maturity domain.",
            l => l.Domains.Any(Enum.IsDefined),
            (_, n) => $"Line {n}: choose at least one maturity domain the support will help the PCN progress in."));

        outcomes.Add(eoi.ConfirmedNotFundedElsewhere
            ? RuleOutcome.Pass(FundedElsewhereCode, "The PCN confirms this is not already funded by the contract, the CCG or another partner.")
            : RuleOutcome.Fail(FundedElsewhereCode, "Confirm that none of this is already funded by the Network Contract DES, the CCG or another partner."));
        outcomes.Add(eoi.ClinicalDirectorConfirmed
            ? RuleOutcome.Pass(CdConfirmCode, "The clinical director has confirmed the EOI.")
            : RuleOutcome.Fail(CdConfirmCode, "The clinical director must confirm the EOI before it is submitted."));

        var total = eoi.Total;
        var figures = new Dictionary<string, string>
        {
            ["Requested"] = Money.Format(total),
            ["Share"] = Money.Format(pcnShare),
            ["Difference"] = Money.Format(total - pcnShare),
        };
        if (total <= pcnShare)
        {
            outcomes.Add(RuleOutcome.Pass(OverShareCode, $"{figures["Requested"]} requested is within the PCN's share of {figures["Share"]}.", figures));
        }
        else
        {
            outcomes.Add(RuleOutcome.Warn(OverShareCode,
                $"{figures["Requested"]} requested is {figures["Difference"]} more than the PCN's share of {figures["Share"]}; the panel will consider the reason given.",
                figures));
            outcomes.Add(string.IsNullOrWhiteSpace(eoi.OverShareReason)
                ? RuleOutcome.Fail(OverShareReasonCode, $"Explain why the PCN is asking for {figures["Difference"]} more than its share.", figures)
                : RuleOutcome.Pass(OverShareReasonCode, "A reason is given for asking for more than the share.", figures));
        }

        return outcomes;
    }

    private static IEnumerable<RuleOutcome> PerLine(Eoi eoi, string code, string passText, Func<EoiLine, bool> ok, Func<EoiLine, int, string> failText)
    {
        var failures = eoi.Lines
            .Select((line, i) => (line, n: i + 1))
            .Where(x => !ok(x.line))
            .Select(x => RuleOutcome.Fail(code, failText(x.line, x.n), new Dictionary<string, string>
            {
                ["Line"] = x.n.ToString(CultureInfo.InvariantCulture),
                ["Amount"] = x.line.Amount.ToString(CultureInfo.InvariantCulture),
            }))
            .ToList();
        return failures.Count > 0 ? failures : eoi.Lines.Count > 0 ? [RuleOutcome.Pass(code, passText)] : [];
    }
}
