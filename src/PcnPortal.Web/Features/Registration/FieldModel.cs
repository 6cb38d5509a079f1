using System.Globalization;

namespace PcnPortal.Web.Features.Registration;

/// <summary>One labelled form field for the shared _Field partial.</summary>
public sealed record FieldModel(string Key, string Label, string? Value, string? Hint = null, string Type = "text", string? Width = null)
{
    public static FieldModel Date(string key, string label, DateOnly? value, string? hint = null) =>
        new(key, label, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), hint ?? "For example, 2024-04-01", "date", "nhsuk-input--width-10");
}
