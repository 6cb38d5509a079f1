using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PcnPortal.Web.Infrastructure.Web.Forms;

/// <summary>
/// The fields a page rendered, in order, with the element each error should link to. The field partials register
/// themselves while the page renders; the error summary (rendered by the layout, after the page) lists errors in this order,
/// so business-rule errors from services sit among field errors where their field is.
/// </summary>
public static class FormFields
{
    private const string ItemsKey = "PcnPortal.FormFields";

    public static void Register(HttpContext context, string key, string? linkId = null)
    {
        var fields = Fields(context);
        if (!fields.ContainsKey(key) || linkId is not null)
        {
            fields[key] = (fields.TryGetValue(key, out var known) ? known.Order : fields.Count, linkId ?? ValidationExtensions.FieldId(key));
        }
    }

    /// <summary>The errors to list: form-wide errors first, then each field's in the order the page shows the fields, then any others.</summary>
    public static IReadOnlyList<(string Message, string Link)> Summary(HttpContext context, ModelStateDictionary modelState)
    {
        var fields = Fields(context);
        return modelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .Select((e, index) => (e.Key, Errors: e.Value!.Errors, Index: index))
            .OrderBy(e => Rank(e.Key, e.Index, fields))
            .SelectMany(e => e.Errors
                .Where(err => !string.IsNullOrEmpty(err.ErrorMessage))
                .Select(err => (err.ErrorMessage, Link(e.Key, fields))))
            .ToList();
    }

    private static (int Group, int Order) Rank(string key, int index, Dictionary<string, (int Order, string Link)> fields) =>
        fields.TryGetValue(key, out var field) ? (1, field.Order)
        : key.Length == 0 || key == "Input" ? (0, index)
        : (2, index);

    private static string Link(string key, Dictionary<string, (int Order, string Link)> fields) =>
        fields.TryGetValue(key, out var field) ? field.Link
        : key.Length == 0 || key == "Input" ? "maincontent"
        : ValidationExtensions.FieldId(key);

    private static Dictionary<string, (int Order, string Link)> Fields(HttpContext context)
    {
        if (context.Items[ItemsKey] is not Dictionary<string, (int, string)> fields)
        {
            fields = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
            context.Items[ItemsKey] = fields;
        }

        return fields;
    }
}
