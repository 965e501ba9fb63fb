using System.Security.Claims;

namespace SatuPintu.Accounts;

/// <summary>
/// The forced change: a person whose password someone else chose or saw (the first admin, a password the
/// CLI printed) reaches nothing of the admin area but the change-password page and "Keluar" until they change it.
/// </summary>
public static class PasswordChange
{
    public const string Claim = "satupintu:must-change-password";
    public const string Path = "/admin/akun/sandi";

    public static bool Required(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true && user.HasClaim(Claim, "1");

    internal static Task Require(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/admin") && !path.StartsWithSegments(Path) && !path.StartsWithSegments("/admin/keluar") && !path.StartsWithSegments("/admin/akun/2fa") && Required(context.User))
        {
            context.Response.Redirect(Path);
            return Task.CompletedTask;
        }
        return next(context);
    }
}
