using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;

namespace SatuPintu.Monitoring.Watch;

/// <summary>
/// Whether an element is kept from human eyes: <c>display:none</c>, <c>visibility:hidden</c>, zero
/// opacity, off-screen positioning or text-indent, tiny fonts, zero size with hidden overflow, the
/// <c>hidden</c> attribute, and the <c>&lt;noscript&gt;</c>/<c>&lt;marquee&gt;</c> tricks. Styles come from
/// the inline <c>style</c> and from the page's own <c>&lt;style&gt;</c> sheets (AngleSharp.Css); linked
/// sheets are not fetched. The answer for an element includes its ancestors.
/// </summary>
internal sealed class HiddenStyle
{
    private readonly Dictionary<IElement, string?> _own = [];

    /// <summary>Why <paramref name="element"/> (or an ancestor) is hidden, and which element hides it; null when it shows.</summary>
    public (string Why, IElement By)? Hidden(IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (Own(e) is { } why)
            {
                return (why, e);
            }
        }
        return null;
    }

    private string? Own(IElement e)
    {
        if (_own.TryGetValue(e, out var cached))
        {
            return cached;
        }
        var why = e.LocalName switch
        {
            "noscript" => "di dalam <noscript>",
            "marquee" => "di dalam <marquee>",
            "template" => "di dalam <template>",
            _ => e.HasAttribute("hidden") ? "atribut hidden" : FromStyle(e),
        };
        _own[e] = why;
        return why;
    }

    private static string? FromStyle(IElement e)
    {
        ICssStyleDeclaration style;
        try
        {
            style = e.ComputeCurrentStyle();
        }
        catch (Exception ex) when (ex is InvalidOperationException or NullReferenceException or ArgumentException)
        {
            return FromInline(e.GetAttribute("style"));
        }
        return Judge(p => style.GetPropertyValue(p)) ?? FromInline(e.GetAttribute("style"));
    }

    /// <summary>The inline style read by hand as well: computed styles drop values AngleSharp does not understand.</summary>
    private static string? FromInline(string? style)
    {
        if (string.IsNullOrWhiteSpace(style))
        {
            return null;
        }
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in style.Split(';'))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                values[part[..colon].Trim()] = part[(colon + 1)..].Replace("!important", "", StringComparison.OrdinalIgnoreCase).Trim();
            }
        }
        return Judge(p => values.GetValueOrDefault(p, ""));
    }

    private static string? Judge(Func<string, string> get)
    {
        var display = get("display").Trim().ToLowerInvariant();
        if (display == "none")
        {
            return "display:none";
        }
        if (get("visibility").Trim().ToLowerInvariant() is "hidden" or "collapse")
        {
            return "visibility:hidden";
        }
        if (Number(get("opacity")) is { } opacity && opacity <= 0.05)
        {
            return "opacity:0";
        }
        if (Pixels(get("font-size")) is { } size && size <= 2)
        {
            return "ukuran huruf " + get("font-size").Trim();
        }
        var position = get("position").Trim().ToLowerInvariant();
        if (position is "absolute" or "fixed" && Offsets.Any(p => Pixels(get(p)) is { } v && (v <= -500 || v >= 5000)))
        {
            return "diletakkan di luar layar";
        }
        if (Pixels(get("text-indent")) is { } indent && indent <= -500)
        {
            return "text-indent di luar layar";
        }
        var overflow = get("overflow").Trim().ToLowerInvariant();
        if (overflow is "hidden" or "clip" && (Pixels(get("height")) is { } h && h <= 1 || Pixels(get("width")) is { } w && w <= 1))
        {
            return "ukuran nol";
        }
        return null;
    }

    private static readonly string[] Offsets = ["left", "top", "right", "bottom"];

    private static readonly Regex Length = new(@"^\s*(-?[0-9]*\.?[0-9]+)\s*(px|pt|em|rem|%|vw|vh)?\s*$", RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    /// <summary>A CSS length in (approximate) pixels; em and rem taken at 16 px.</summary>
    private static double? Pixels(string value)
    {
        var m = Length.Match(value);
        if (!m.Success)
        {
            return null;
        }
        var n = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch
        {
            "pt" => n * 4 / 3,
            "em" or "rem" => n * 16,
            "%" or "vw" or "vh" => n == 0 ? 0 : null,
            "" => n == 0 ? 0 : null,
            _ => n,
        };
    }

    private static double? Number(string value) =>
        double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
}
