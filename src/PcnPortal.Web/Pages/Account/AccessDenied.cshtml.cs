using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PcnPortal.Web.Pages.Account;

public sealed class AccessDeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
