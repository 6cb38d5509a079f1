using FluentValidation;

namespace PcnPortal.Web.Infrastructure.Web.Forms;

/// <summary>FluentValidation rules for the NHS.UK date input: the parser's specific messages under the date's key.</summary>
public static class DateRules
{
    /// <summary>A whole real date (see <see cref="FormDate.Parse"/>); <paramref name="what"/> as in "Enter the start date".</summary>
    public static IRuleBuilderOptionsConditions<T, DateParts?> ValidDate<T>(this IRuleBuilder<T, DateParts?> rule, string what, bool required = true) =>
        rule.Custom((parts, context) =>
        {
            var result = FormDate.Parse(parts, what, required);
            if (result.Error is not null)
            {
                context.AddFailure(result.Error);
            }
        });

    /// <summary>A month and year (the first of the month).</summary>
    public static IRuleBuilderOptionsConditions<T, DateParts?> ValidMonth<T>(this IRuleBuilder<T, DateParts?> rule, string what, bool required = true) =>
        rule.Custom((parts, context) =>
        {
            var result = FormDate.ParseMonth(parts, what, required);
            if (result.Error is not null)
            {
                context.AddFailure(result.Error);
            }
        });
}
