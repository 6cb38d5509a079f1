using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PcnPortal.Web.Infrastructure.Web.Forms;

/// <summary>The one way a page shows a form again with its problems: errors into ModelState under the form's prefix, then the page with status 400.</summary>
public static class PageModelForms
{
    /// <summary>Adds a validator's errors under <paramref name="prefix"/> ("Input" for the usual <c>[BindProperty] Input</c>; "" for properties bound by their own names).</summary>
    public static void AddErrors(this ModelStateDictionary modelState, ValidationResult result, string prefix = "Input")
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(Key(prefix, error.PropertyName), error.ErrorMessage);
        }
    }

    /// <summary>Adds a service's keyed errors under <paramref name="prefix"/>.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<FormError> errors, string prefix = "Input")
    {
        foreach (var error in errors)
        {
            modelState.AddModelError(Key(prefix, error.Key), error.Message);
        }
    }

    /// <summary>True when the field (full key, "Input.Code") already has an error, so a later check on it can be skipped.</summary>
    public static bool HasError(this ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    /// <summary>The page again with status 400 and whatever errors ModelState already holds.</summary>
    public static PageResult PageWithErrors(this PageModel page)
    {
        var result = page.Page();
        result.StatusCode = StatusCodes.Status400BadRequest;
        return result;
    }

    /// <summary>Adds a validator's errors under <paramref name="prefix"/> and returns the page with status 400.</summary>
    public static PageResult PageWithErrors(this PageModel page, ValidationResult result, string prefix = "Input")
    {
        page.ModelState.AddErrors(result, prefix);
        return page.PageWithErrors();
    }

    /// <summary>Adds a service's keyed errors under <paramref name="prefix"/> and returns the page with status 400.</summary>
    public static PageResult PageWithErrors(this PageModel page, IEnumerable<FormError> errors, string prefix = "Input")
    {
        page.ModelState.AddErrors(errors, prefix);
        return page.PageWithErrors();
    }

    /// <summary>Adds one error under its full ModelState key and returns the page with status 400.</summary>
    public static PageResult PageWithError(this PageModel page, string key, string message)
    {
        page.ModelState.AddModelError(key, message);
        return page.PageWithErrors();
    }

    private static string Key(string prefix, string? name) =>
        string.IsNullOrEmpty(prefix) ? name ?? string.Empty
        : string.IsNullOrEmpty(name) ? prefix
        : name.StartsWith('[') ? prefix + name
        : $"{prefix}.{name}";
}
