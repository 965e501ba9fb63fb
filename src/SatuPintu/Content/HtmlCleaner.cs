using Ganss.Xss;
using AngleSharp.Css.Dom;
using Markdig;

namespace SatuPintu.Content;

/// <summary>
/// Turns what an editor writes (Markdown, possibly with HTML pasted from Word or Google Docs) into
/// the HTML the portal shows: Markdig renders, HtmlSanitizer keeps only a small allowlist of
/// structural tags and safe URLs. Styles, classes, scripts, event handlers and unknown elements go.
/// </summary>
public sealed class HtmlCleaner
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder()
        .UsePipeTables().UseAutoLinks().UseEmphasisExtras().UseSoftlineBreakAsHardlineBreak().Build();

    private readonly HtmlSanitizer _sanitizer;

    public HtmlCleaner()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "b", "em", "i", "u", "s", "del", "sub", "sup",
                "a", "blockquote", "code", "pre", "hr", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
                "img", "figure", "figcaption", "dl", "dt", "dd", "abbr",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "src", "alt", "width", "height", "colspan", "rowspan", "scope" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<CssRuleType>(),
        };
        _sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        // Word's <o:p>, <font>, <span> go but their text stays (KeepChildNodes); <script>/<style> content goes entirely.
        _sanitizer.RemovingTag += (_, e) =>
        {
            var name = e.Tag.NodeName.ToUpperInvariant();
            if (name is "SCRIPT" or "STYLE" or "IFRAME" or "OBJECT" or "EMBED" or "TEMPLATE" or "NOSCRIPT" or "XMP" or "NOEMBED" or "NOFRAMES" or "SVG" or "MATH" or "TITLE" or "TEXTAREA" or "SELECT")
            {
                e.Tag.TextContent = "";
            }
        };
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { NodeName: "A" } a)
            {
                a.SetAttribute("rel", "noopener nofollow");
            }
        };
    }

    public string FromMarkdown(string markdown) => Sanitize(Markdig.Markdown.ToHtml(markdown, Markdown));

    public string Sanitize(string html) => _sanitizer.Sanitize(html).Trim();

    /// <summary>Plain text for titles and names: no tags, no control characters, single spaces.</summary>
    public static string PlainText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var chars = text.Where(c => !char.IsControl(c) || c == ' ').Select(c => char.IsWhiteSpace(c) ? ' ' : c).ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
