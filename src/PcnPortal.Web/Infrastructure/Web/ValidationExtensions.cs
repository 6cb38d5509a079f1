using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace PcnPortal.Web.Infrastructure.Web;

public static class ValidationExtensions
{
    /// <summary>The id of the field for a ModelState key: "Input.Email" becomes "Input_Email", as the tag helpers write it.</summary>
    public static string FieldId(string key) => key.Replace('.', '_').Replace('[', '_').Replace(']', '_');

    public static bool HasError(this ViewDataDictionary viewData, string key) =>
        viewData.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    /// <summary>"nhsuk-form-group--error" when the field has an error.</summary>
    public static string GroupErrorClass(this IHtmlHelper html, string key) =>
        html.ViewData.HasError(key) ? "nhsuk-form-group--error" : string.Empty;

    /// <summary>The error class for an input, select or textarea ("nhsuk-input--error" and so on) when it has an error.</summary>
    public static string InputErrorClass(this IHtmlHelper html, string key, string control = "input") =>
        html.ViewData.HasError(key) ? $"nhsuk-{control}--error" : string.Empty;

    /// <summary>The aria-describedby value for a field with an error, or null.</summary>
    public static string? ErrorDescribedBy(this IHtmlHelper html, string key) =>
        html.ViewData.HasError(key) ? FieldId(key) + "-error" : null;
}
