using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Rules;

/// <summary>ARRS-ROLE-ELIGIBLE: the role is known and reimbursable in the claim month.</summary>
public static class RoleEligibleRule
{
    public const string Code = "ARRS-ROLE-ELIGIBLE";
    internal const byte UnknownRole = 1;
    internal const byte BeforeStart = 2;

    public static ArrsCheck Evaluate(ArrsRole? role, DateOnly month) =>
        role is null ? ArrsCheck.Fail(UnknownRole)
        : month < role.ReimbursableFrom ? ArrsCheck.Fail(BeforeStart)
        : ArrsCheck.Pass();

    public static RuleOutcome Describe(ArrsCheck check, ClaimLineInput line, ArrsExplainContext context)
    {
        var role = context.Role;
        if (role is null)
        {
            return RuleOutcome.Fail(Code, $"£0: not an ARRS role. Role code {line.RoleCode} is not in the reference data; use a code from the reference data.", Figures.Of(("role", line.RoleCode)));
        }

        var figures = Figures.Of(("role", role.Code), ("reimbursableFrom", role.ReimbursableFrom.ToString("yyyy-MM-dd")), ("month", line.Month.ToString("yyyy-MM")));
        return check.Reason == BeforeStart
            ? RuleOutcome.Fail(Code, $"£0: role not yet reimbursable. {role.Name} is reimbursable only from {ArrsText.Date(role.ReimbursableFrom)}; the claim is for {ArrsText.Month(line.Month)}.", figures)
            : RuleOutcome.Pass(Code, $"{role.Name} is reimbursable from {ArrsText.Date(role.ReimbursableFrom)}.", figures);
    }
}
