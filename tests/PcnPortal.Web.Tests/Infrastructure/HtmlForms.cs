using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace PcnPortal.Web.Tests.Infrastructure;

/// <summary>Reads pages as HTML documents and submits their forms the way a browser would, antiforgery token included.</summary>
public static class HtmlForms
{
    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new Xunit.Sdk.XunitException($"GET {url} returned {(int)response.StatusCode}, expected {(int)expected}. Location: {response.Headers.Location}. Body starts: {html[..Math.Min(html.Length, 600)]}");
        }

        return await ParseAsync(html);
    }

    public static async Task<IDocument> ParseAsync(string html)
    {
        var context = BrowsingContext.New(AngleSharp.Configuration.Default);
        return await context.OpenAsync(request => request.Content(html));
    }

    public static async Task<IDocument> ReadDocumentAsync(this HttpResponseMessage response) =>
        await ParseAsync(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Loads <paramref name="url"/>, fills the form matched by <paramref name="formSelector"/> with <paramref name="values"/>
    /// (on top of the values the page already put in it, hidden fields and token included) and posts it.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url, IDictionary<string, string> values, string formSelector = "main form[method=post]", string? submitName = null)
    {
        var document = await client.GetDocumentAsync(url);
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new Xunit.Sdk.XunitException($"No form '{formSelector}' on {url}.");
        return await client.SubmitAsync(form, url, values, submitName);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, string pageUrl, IDictionary<string, string> values, string? submitName = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if ((input.Type is "checkbox" or "radio") && !input.IsChecked)
                    {
                        continue;
                    }

                    if (input.Type is "submit" or "button" or "file")
                    {
                        continue;
                    }

                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name!, select.Value ?? string.Empty));
                    break;
            }
        }

        foreach (var (key, value) in values)
        {
            fields.RemoveAll(f => f.Key == key);
            fields.Add(new(key, value));
        }

        if (submitName is not null)
        {
            fields.Add(new(submitName, string.Empty));
        }

        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl
            : action.StartsWith('?') ? pageUrl.Split('?')[0] + action
            : action;
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    /// <summary>The error summary's messages on a page (empty when there is none).</summary>
    public static IReadOnlyList<string> ErrorSummary(this IDocument document) =>
        document.QuerySelectorAll(".nhsuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();
}
