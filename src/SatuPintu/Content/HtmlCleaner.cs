using System.Runtime.CompilerServices;
using Ganss.Xss;
using AngleSharp.Css.Dom;
using Markdig;

namespace SatuPintu.Content;

/// <summary>
/// Turns what an editor writes (Markdown, possibly with HTML pasted from Word or Google Docs) into
/// the HTML the portal shows: Markdig renders, HtmlSanitizer keeps only a small allowlist of
/// structural tags and safe URLs. Styles, classes, scripts, event handlers and unknown elements go.
/// Rendering happens once, when a body is saved; the public pages serve the stored HTML.
/// </summary>
public sealed class HtmlCleaner
{
    /// <summary>A save whose body takes longer than this to render is refused instead of holding the request.</summary>
    public static readonly TimeSpan RenderBudget = TimeSpan.FromSeconds(5);

    public sealed record Rendered(string? Html, string? Error);

    // Renders that outlive their budget keep running (Markdig and AngleSharp cannot be cancelled); the gate
    // keeps them from taking every core of the process, so readers of the portal are still served while editors wait.
    private static readonly SemaphoreSlim Gate = new(Math.Max(1, Environment.ProcessorCount / 2));

    // What RenderAsync produced during validation, for the FromMarkdown call that stores it: keyed by the
    // very string instance, so the body is rendered once per save and nothing outlives the request's input.
    private readonly ConditionalWeakTable<string, string> _rendered = [];

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

    public string FromMarkdown(string markdown) =>
        _rendered.TryGetValue(markdown, out var html) ? html : Sanitize(Markdig.Markdown.ToHtml(markdown, Markdown));

    /// <summary>
    /// Checks and renders a body an editor saves: refused with an Indonesian message when its shape would make
    /// rendering explode (<see cref="MarkdownShape"/>), when it nests deeper than Markdig allows, or when it
    /// does not render within <see cref="RenderBudget"/>.
    /// </summary>
    public async Task<Rendered> RenderAsync(string? markdown, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return new("", null);
        }
        if (MarkdownShape.Problem(markdown) is { } problem)
        {
            return new(null, problem);
        }
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(RenderBudget);
        try
        {
            await Gate.WaitAsync(budget.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new(null, "Server sedang sibuk mengolah isi lain; simpan lagi sebentar lagi. Tidak ada yang berubah.");
        }
        var work = Task.Run(() =>
        {
            try
            {
                return Render(markdown);
            }
            finally
            {
                Gate.Release();
            }
        }, CancellationToken.None);
        try
        {
            var rendered = await work.WaitAsync(budget.Token);
            if (rendered.Html is { } html)
            {
                _rendered.AddOrUpdate(markdown, html);
            }
            return rendered;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new(null, $"Isi terlalu rumit untuk diolah dalam {RenderBudget.TotalSeconds:0} detik; sederhanakan format (tautan, tag HTML, susunan bertingkat).");
        }
    }

    private Rendered Render(string markdown)
    {
        try
        {
            return new(Sanitize(Markdig.Markdown.ToHtml(markdown, Markdown)), null);
        }
        catch (ArgumentException e) when (e.Message.Contains("depth limit", StringComparison.Ordinal))
        {
            return new(null, "Isi terlalu dalam bersarang (kutipan, daftar atau tanda kurung di dalam satu sama lain); sederhanakan susunannya.");
        }
    }

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
