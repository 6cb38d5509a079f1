using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Rules;

/// <summary>ARRS-DUPLICATE: one line per staff member per PCN per month; later lines in submission order fail.</summary>
public static class DuplicateRule
{
    public const string Code = "ARRS-DUPLICATE";
    internal const byte Repeat = 1;

    public static ArrsCheck Evaluate(bool earlierLineExists) => earlierLineExists ? ArrsCheck.Fail(Repeat) : ArrsCheck.Pass();

    public static RuleOutcome Describe(ArrsCheck check, in ArrsLineResult result, ClaimLineInput line)
    {
        if (check.Failed)
        {
            return RuleOutcome.Fail(
                Code,
                $"£0: a repeated line. {line.StaffName} ({line.StaffRef}) is already claimed by {line.PcnCode} for {ArrsText.Month(line.Month)} on line {result.DuplicateOfIndex + 1}; claim each person once a month.",
                Figures.Of(("staffRef", line.StaffRef), ("month", line.Month.ToString("yyyy-MM")), ("earlierLine", (result.DuplicateOfIndex + 1).ToString())));
        }

        return RuleOutcome.Pass(Code, $"The only line for {line.StaffRef} in {ArrsText.Month(line.Month)}.", Figures.Of(("staffRef", line.StaffRef)));
    }
}
