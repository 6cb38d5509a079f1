using System.Diagnostics;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Infrastructure.Web;

/// <summary>
/// The outermost safety net. The exception handler shows /error by running the pipeline again; if that run fails too
/// (the database is gone, so even signing the request in throws), the request would end as a bare 500. This writes a
/// plain friendly page with a reference instead, logs the failure, and never shows exception text.
/// </summary>
public static class LastResortErrorPage
{
    public static IApplicationBuilder UseLastResortErrorPage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next();
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var reference = Activity.Current?.Id ?? context.TraceIdentifier;
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LastResortErrorPage).FullName!)
                .LogError(ex, "Request failed and the error page could not be shown either; reference {Reference}", reference);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = "text/html; charset=utf-8";
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = SecurityHeaders.ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.CacheControl = "no-store";
            await context.Response.WriteAsync(
                "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Sorry, there is a problem with the service - PCN portal</title>" +
                "<link rel=\"stylesheet\" href=\"/lib/nhsuk-frontend/nhsuk-frontend.min.css\"><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main class=\"nhsuk-main-wrapper\" id=\"maincontent\">" +
                "<h1>Sorry, there is a problem with the service</h1><p>Try again later. Nothing you were saving has been half-saved: either all of it was kept or none of it.</p>" +
                $"<p>If it keeps happening, contact the portal's administrator and quote reference <strong>{System.Net.WebUtility.HtmlEncode(reference)}</strong>.</p></main></body></html>");
        }
    });
}
