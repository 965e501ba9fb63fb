using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SatuPintu.Shared;

/// <summary>How an admin page answers the outcome of a change made through a service it shares with the API.</summary>
public static class FormOutcomes
{
    /// <summary>404 or 403 for an outcome that refuses; null otherwise.</summary>
    public static IActionResult? Refusal<T>(this PageModel page, Outcome<T> outcome) where T : class => outcome.Status switch
    {
        OutcomeStatus.NotFound => page.NotFound(),
        OutcomeStatus.Forbidden => page.Forbid(),
        _ => null,
    };

    /// <summary>Errors keyed by API field names ("shortName"), shown on a form whose fields are bound as <c>Input.ShortName</c>.</summary>
    public static void AddFieldErrors(this ModelStateDictionary state, IDictionary<string, string[]>? errors, string prefix = "Input.")
    {
        foreach (var (field, messages) in errors ?? new Dictionary<string, string[]>())
        {
            foreach (var message in messages)
            {
                state.AddModelError(prefix + Shared.Slug.TitleCase(field), message);
            }
        }
    }


    /// <summary>
    /// Shows the outcome's per-field errors on the form; the HTTP status to answer with (400, 409), or null
    /// when the change went through (the form is then cleared of old errors). <paramref name="fieldName"/>
    /// maps a field that lives outside <c>Input</c>.
    /// </summary>
    public static int? ShowErrors<T>(this PageModel page, Outcome<T> outcome, Func<string, string?>? fieldName = null) where T : class
    {
        switch (outcome.Status)
        {
            case OutcomeStatus.Invalid:
                foreach (var (field, messages) in outcome.Errors ?? new Dictionary<string, string[]>())
                {
                    var key = fieldName?.Invoke(field) ?? "Input." + Shared.Slug.TitleCase(field);
                    foreach (var message in messages)
                    {
                        page.ModelState.AddModelError(key, message);
                    }
                }
                return StatusCodes.Status400BadRequest;
            case OutcomeStatus.Conflict:
                return StatusCodes.Status409Conflict;
            default:
                page.ModelState.Clear();
                return null;
        }
    }

    /// <summary>The TempData key of the success notice that rides across the redirect after a POST.</summary>
    public const string NoticeKey = "Message";

    /// <summary>
    /// POST/redirect/GET: a change that went through is answered with a redirect, its notice carried in
    /// TempData, so reloading the page never repeats the change and the form shows the stored state.
    /// </summary>
    public static RedirectResult Done(this PageModel page, string url, string notice)
    {
        page.TempData[NoticeKey] = notice;
        return new RedirectResult(url);
    }

    /// <summary>All the form's messages in one line, for the notice above it.</summary>
    public static string AllMessages(this ModelStateDictionary state) =>
        string.Join(" ", state.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
}
