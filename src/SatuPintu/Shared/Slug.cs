using System.Globalization;
using System.Text;

namespace SatuPintu.Shared;

/// <summary>URL slugs: lowercase ASCII words joined by hyphens.</summary>
public static class Slug
{
    public static string From(string text, int maxLength = 80)
    {
        var sb = new StringBuilder(text.Length);
        var hyphen = false;
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsAsciiLetterOrDigit(ch))
            {
                if (hyphen && sb.Length > 0)
                {
                    sb.Append('-');
                }
                sb.Append(char.ToLowerInvariant(ch));
                hyphen = false;
            }
            else
            {
                hyphen = true;
            }
            if (sb.Length >= maxLength)
            {
                break;
            }
        }
        return sb.ToString().TrimEnd('-');
    }

    /// <summary>A slug is only ever these characters; anything else in a URL is not one of ours.</summary>
    public static bool IsWellFormed(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= 200 && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    public static string TitleCase(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
