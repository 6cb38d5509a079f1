using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PcnPortal.Web.Pages;

[IgnoreAntiforgeryToken]
public sealed class StatusCodeModel : PageModel
{
    public string Heading { get; private set; } = string.Empty;

    public string Advice { get; private set; } = string.Empty;

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Heading, Advice) = code switch
        {
            404 => ("Page not found", "If you typed the web address, check it is correct. If you followed a link, the item may have been removed."),
            403 => ("You do not have access to this page", "Your role does not allow this, or it belongs to another PCN."),
            429 => ("Too many attempts", "You have tried to sign in too many times in a short while. Wait a minute, then try again."),
            400 => ("Sorry, the form could not be sent", "The page may have expired. Go back, refresh the page and try again."),
            _ => ("Sorry, there is a problem with the service", "Try again later."),
        };
    }
}
