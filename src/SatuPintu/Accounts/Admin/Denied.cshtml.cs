using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SatuPintu.Accounts.Admin;

public sealed class DeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
