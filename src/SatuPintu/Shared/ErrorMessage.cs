using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SatuPintu.Shared;

/// <summary>
/// Lets a page answer 400/404 with its own explanation: the message rides on the request
/// into the re-executed error page (<c>/galat/{code}</c>).
/// </summary>
public static class ErrorMessage
{
    private const string Key = "satupintu.error-message";

    public static IActionResult Answer(this PageModel page, int statusCode, string message)
    {
        Set(page.HttpContext, message);
        return page.StatusCode(statusCode);
    }

    public static void Set(HttpContext context, string message) => context.Items[Key] = message;

    public static string? Get(HttpContext context) => context.Items[Key] as string;

    /// <summary>The standard answer for a list asked for a page it does not have, or for bad paging input.</summary>
    public static IActionResult? CheckPaging<T>(this PageModel page, string? pagingError, PagedList<T>? list) =>
        pagingError is not null ? page.Answer(400, pagingError)
        : list is { IsOutOfRange: true } ? page.Answer(404, $"Halaman {list.Page.Number} tidak ada: daftar ini hanya {list.TotalPages} halaman.")
        : null;
}
