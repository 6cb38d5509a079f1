using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Rules;

/// <summary>
/// ARRS-ROLE-LIMIT: where the year caps a role's numbers per PCN, the claimable WTE in the role in a month,
/// counted in the same order as additionality, must stay within the cap; the line that goes over and later lines
/// fail. Not applicable when no cap is configured.
/// </summary>
public static class RoleLimitRule
{
    public const string Code = "ARRS-ROLE-LIMIT";
    internal const byte OverLimit = 1;

    public static ArrsCheck Evaluate(decimal? cap, decimal claimableWteBefore, decimal claimableWte) =>
        cap is not { } max ? ArrsCheck.NotAssessed
        : claimableWteBefore + claimableWte > max ? ArrsCheck.Fail(OverLimit)
        : ArrsCheck.Pass();

    public static RuleOutcome Describe(ArrsCheck check, in ArrsLineResult result, ClaimLineInput line, ArrsExplainContext context)
    {
        var cap = context.RoleLimitWte ?? 0m;
        var total = context.RoleLimitWteBefore + (line.Wte * context.AdditionalFraction);
        var figures = Figures.Of(("cap", ArrsText.Wte(cap)), ("wteBefore", ArrsText.Wte(context.RoleLimitWteBefore)), ("wteAfter", ArrsText.Wte(total)), ("weightedPopulation", context.WeightedPopulation.ToString()));
        var role = context.Role?.Name ?? line.RoleCode;
        // The sources say "patients" or "list size" for the threshold, not whether registered or weighted: the PCN's
        // weighted population is compared and the explanation says the basis is unconfirmed (docs/arrs-reference-figures.md).
        var basis = $" (the PCN's {context.WeightedPopulation:N0} weighted patients compared with the threshold; whether the DES means registered or weighted patients is not confirmed)";
        return check.Failed
            ? RuleOutcome.Fail(Code, $"£0: over the role limit. Over the limit of {ArrsText.Wte(cap)} WTE {role} per PCN in {context.Year}{basis}: {ArrsText.Wte(total)} WTE claimed in {ArrsText.Month(line.Month)} including this line.", figures)
            : RuleOutcome.Pass(Code, $"Within the limit of {ArrsText.Wte(cap)} WTE {role} per PCN in {context.Year}{basis}: {ArrsText.Wte(total)} WTE claimed in {ArrsText.Month(line.Month)} including this line.", figures);
    }
}
