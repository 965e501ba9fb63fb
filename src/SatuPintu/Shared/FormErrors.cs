using Microsoft.AspNetCore.Mvc.RazorPages;
using SatuPintu.Content;

namespace SatuPintu.Shared;

/// <summary>Shows a refused edit on an admin form: the service's per-field errors ("title") land on the form's fields ("Input.Title").</summary>
public static class FormErrors
{
    /// <summary>The HTTP status to answer with, or null when the edit went through (the form is then cleared of old errors).</summary>
    public static int? Show(PageModel page, EditStatus status, IDictionary<string, string[]>? errors, Func<string, string>? fieldName = null)
    {
        switch (status)
        {
            case EditStatus.Invalid:
                foreach (var (field, messages) in errors ?? new Dictionary<string, string[]>())
                {
                    foreach (var m in messages)
                    {
                        page.ModelState.AddModelError(fieldName?.Invoke(field) ?? InputField(field), m);
                    }
                }
                return StatusCodes.Status400BadRequest;
            case EditStatus.Conflict:
                return StatusCodes.Status409Conflict;
            default:
                page.ModelState.Clear();
                return null;
        }
    }

    public static string InputField(string field) => $"Input.{char.ToUpperInvariant(field[0])}{field[1..]}";
}
