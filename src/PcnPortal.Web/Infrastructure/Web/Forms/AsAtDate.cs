using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PcnPortal.Web.Infrastructure.Web.Forms;

/// <summary>
/// The "view as at" date of the register and the PCN page. People type it in the NHS.UK day, month and year boxes
/// ("AsAtDate.Day" …); links carry it as <c>asAt=2024-04-01</c> (stable URLs). Typed boxes win over the link; a date that
/// is not real is reported on the boxes and the page shows today (or the linked date) instead.
/// </summary>
public static class AsAtDate
{
    public const string Key = "AsAtDate";

    public static DateOnly Resolve(DateParts? typed, DateOnly? linked, DateOnly today, ModelStateDictionary modelState)
    {
        if (linked is { } link && !FormDate.InRange(link))
        {
            // A link such as asAt=9999-12-31 or 0001-01-01: said on the boxes, and today shown instead.
            modelState.AddModelError(Key, $"{FormDate.OutOfRange("the as-at date")}: showing {FormValues.Date(today)} instead");
            linked = null;
        }

        if (typed is null || typed.IsEmpty)
        {
            return linked ?? today;
        }

        var parsed = FormDate.Parse(typed, "the as-at date");
        if (parsed.Value is { } date)
        {
            return date;
        }

        modelState.AddModelError(Key, parsed.Error!);
        return linked ?? today;
    }

    /// <summary>What the boxes show: what was typed when it was wrong (so it can be corrected), else the date in use.</summary>
    public static DateParts Boxes(DateParts? typed, DateOnly shown, ModelStateDictionary modelState) =>
        modelState.ContainsKey(Key) && modelState[Key]!.Errors.Count > 0 && typed is not null && !typed.IsEmpty ? typed : DateParts.From(shown);
}
