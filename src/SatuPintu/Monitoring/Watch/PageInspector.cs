using System.Security.Cryptography;
using System.Text;
using AngleSharp;
using AngleSharp.Dom;

namespace SatuPintu.Monitoring.Watch;

/// <summary>One finding of an inspection: its kind, the link/domain/phrase concerned, what, where and a snippet.</summary>
public sealed record Finding(string Kind, string Subject, string What, string Where, string Snippet);

/// <summary>An outbound link: its host, where it sits and its text.</summary>
public sealed record OutboundLink(string Host, string Where, string Snippet);

/// <summary>What one look at one page gave.</summary>
public sealed record PageInspection(string Text, string TextHash, IReadOnlyList<OutboundLink> Outbound, IReadOnlyList<Finding> Findings);

/// <summary>
/// The pure judol/defacement inspector: HTML in, findings out, nothing fetched (not even linked style
/// sheets). <paramref name="allowed"/> holds the domains, links and phrases admins marked harmless.
/// </summary>
public sealed class PageInspector(JudolTerms terms, IReadOnlySet<string> allowed)
{
    private const int SnippetLength = 240;

    public async Task<PageInspection> InspectAsync(string html, Uri page, CancellationToken ct)
    {
        using var context = BrowsingContext.New(Configuration.Default.WithCss());
        using var doc = await context.OpenAsync(r => r.Content(html).Address(page), ct);
        var ownSite = Domains.Site(Domains.Host(page));
        var hidden = new HiddenStyle();
        var findings = new List<Finding>();
        var outbound = new List<OutboundLink>();

        InspectLinks(doc, page, ownSite, hidden, findings, outbound);
        InspectText(doc, hidden, findings);
        InspectHead(doc, findings);
        InspectScripts(doc, html, page, ownSite, findings);

        var text = VisibleText(doc);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var unique = findings.Where(f => !IsAllowed(f.Subject)).GroupBy(f => (f.Kind, f.Subject)).Select(g => g.First()).ToList();
        return new PageInspection(text, hash, outbound, unique);
    }

    /// <summary>True when admins marked <paramref name="subject"/> (or its domain) harmless.</summary>
    public bool Allows(string subject) => IsAllowed(subject);

    private bool IsAllowed(string subject) =>
        allowed.Contains(subject) || allowed.Any(a => a.Contains('.', StringComparison.Ordinal) && Domains.Covers(a, subject));

    private void InspectLinks(IDocument doc, Uri page, string ownSite, HiddenStyle hidden, List<Finding> findings, List<OutboundLink> outbound)
    {
        foreach (var a in doc.QuerySelectorAll("a[href], area[href], iframe[src]"))
        {
            var raw = a.GetAttribute(a.LocalName == "iframe" ? "src" : "href") ?? "";
            if (!Uri.TryCreate(page, raw.Trim(), out var url) || url.Scheme is not ("http" or "https"))
            {
                continue;
            }
            var host = Domains.Host(url);
            var external = Domains.Site(host) != ownSite;
            var text = JudolTerms.Normalise($"{a.TextContent} {a.GetAttribute("title")}");
            var where = CssPath(a);
            var snippet = Snip(a.OuterHtml);
            var why = hidden.Hidden(a);
            if (external)
            {
                outbound.Add(new OutboundLink(host, where, snippet));
            }
            var strong = terms.Strong(text + " " + JudolTerms.Normalise(Uri.UnescapeDataString(url.AbsoluteUri))).Select(h => h.Phrase).FirstOrDefault()
                ?? terms.Obfuscated(text).FirstOrDefault();
            // A weak word in a visible link's text may be honest news ("polisi tangkap bandar togel"); in a hidden one it is not.
            var weak = external ? JudolTerms.DomainWord(host) ?? (why is not null ? WeakInText(text) : null) : null;
            if (strong is not null || weak is not null)
            {
                var kind = why is null ? FindingKinds.Keyword : FindingKinds.HiddenLink;
                var what = why is null ? $"Tautan judol (\"{strong ?? weak}\") ke {host}" : $"Tautan judol tersembunyi ({why.Value.Why}) ke {host}";
                findings.Add(new Finding(kind, external ? host : url.AbsoluteUri, what, where, snippet));
            }
            else if (why is not null && external && !Domains.IsTrusted(host))
            {
                findings.Add(new Finding(FindingKinds.HiddenLink, host, $"Tautan tersembunyi ({why.Value.Why}) ke domain luar {host}", where, snippet));
            }
        }
    }

    /// <summary>A weak word in a hidden link's text, unless it is itself on the allow list.</summary>
    private string? WeakInText(string text) => terms.AnyWeakOrStrong(text) is { } w && !allowed.Contains(w) ? w : null;

    private void InspectText(IDocument doc, HiddenStyle hidden, List<Finding> findings)
    {
        var visibleHits = new List<(string Phrase, string Where, string Snippet)>();
        var hiddenChunks = new Dictionary<IElement, (string Why, StringBuilder Text)>();
        foreach (var node in TextNodes(doc.Body))
        {
            var parent = node.ParentElement!;
            var text = JudolTerms.Normalise(node.TextContent);
            if (text.Length == 0)
            {
                continue;
            }
            if (hidden.Hidden(parent) is { } why)
            {
                if (!hiddenChunks.TryGetValue(why.By, out var chunk))
                {
                    hiddenChunks[why.By] = chunk = (why.Why, new StringBuilder());
                }
                chunk.Text.Append(text).Append(' ');
                continue;
            }
            foreach (var (phrase, index) in terms.Strong(text))
            {
                visibleHits.Add((phrase, CssPath(parent), Around(text, index)));
            }
            foreach (var phrase in terms.Obfuscated(text))
            {
                findings.Add(new Finding(FindingKinds.Keyword, "teks:" + phrase, $"Kata judol disamarkan (\"{phrase}\")", CssPath(parent), Snip(text)));
            }
        }
        foreach (var (element, (why, sb)) in hiddenChunks)
        {
            var text = sb.ToString();
            var phrase = terms.AnyWeakOrStrong(text) ?? terms.Obfuscated(text).FirstOrDefault();
            if (phrase is not null)
            {
                findings.Add(new Finding(FindingKinds.HiddenText, "teks:" + phrase, $"Teks judol tersembunyi ({why}): \"{phrase}\"", CssPath(element), Snip(element.OuterHtml)));
            }
        }
        // One slang phrase in honest text may be a quote; several, or one repeated, is spam.
        var distinct = visibleHits.Select(h => h.Phrase).Distinct().Count();
        if (distinct >= 2 || visibleHits.Count >= 3)
        {
            var first = visibleHits[0];
            findings.Add(new Finding(FindingKinds.Keyword, "teks:" + first.Phrase,
                $"Kata judol di teks halaman: {string.Join(", ", visibleHits.Select(h => h.Phrase).Distinct().Take(6).Select(p => $"\"{p}\""))}", first.Where, first.Snippet));
        }
    }

    private void InspectHead(IDocument doc, List<Finding> findings)
    {
        var head = new List<(string Where, string Text)> { ("title", doc.Title ?? "") };
        head.AddRange(doc.QuerySelectorAll("meta[name=description], meta[name=keywords], meta[property='og:title'], meta[property='og:description']")
            .Select(m => (CssPath(m), m.GetAttribute("content") ?? "")));
        foreach (var (where, text) in head)
        {
            var normal = JudolTerms.Normalise(text);
            if ((terms.Strong(normal).Select(h => h.Phrase).FirstOrDefault() ?? terms.Obfuscated(normal).FirstOrDefault()) is { } phrase)
            {
                findings.Add(new Finding(FindingKinds.Meta, "meta:" + phrase, $"Kata judol di judul atau metadata halaman (\"{phrase}\")", where, Snip(text)));
            }
        }
    }

    private void InspectScripts(IDocument doc, string html, Uri page, string ownSite, List<Finding> findings)
    {
        var sources = doc.QuerySelectorAll("script:not([src])").Select(s => (Code: s.TextContent, Where: CssPath(s))).ToList();
        foreach (var e in doc.All)
        {
            foreach (var attr in e.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.Ordinal) || a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)))
            {
                sources.Add((attr.Value, CssPath(e) + $"[{attr.Name}]"));
            }
        }
        foreach (var (code, where) in sources)
        {
            foreach (var (text, how) in ScriptLinks.Decoded(code))
            {
                Judge(text, how, where);
            }
        }
        foreach (var href in ScriptLinks.EntityEncodedHrefs(html))
        {
            Judge(href, "ditulis dengan entitas HTML", "a[href]");
        }

        void Judge(string decoded, string how, string where)
        {
            var normal = JudolTerms.Normalise(decoded);
            var phrase = terms.Strong(normal).Select(h => h.Phrase).FirstOrDefault();
            foreach (var link in ScriptLinks.Urls(decoded))
            {
                if (Uri.TryCreate(page, link.StartsWith("//", StringComparison.Ordinal) ? "https:" + link : link, out var url) && url.Scheme is "http" or "https")
                {
                    var host = Domains.Host(url);
                    if (Domains.Site(host) != ownSite && !Domains.IsTrusted(host) && (phrase is not null || JudolTerms.DomainWord(host) is not null || how != "disusun dari potongan teks"))
                    {
                        findings.Add(new Finding(FindingKinds.ObfuscatedLink, host, $"Tautan tersamar ({how}) ke {host}", where, Snip(decoded)));
                        return;
                    }
                }
            }
            if (phrase is not null)
            {
                findings.Add(new Finding(FindingKinds.ObfuscatedLink, "teks:" + phrase, $"Teks judol tersamar ({how}): \"{phrase}\"", where, Snip(decoded)));
            }
        }
    }

    /// <summary>The text a reader sees, normalised: what drift and cloaking compare.</summary>
    private static string VisibleText(IDocument doc)
    {
        var sb = new StringBuilder();
        foreach (var node in TextNodes(doc.Body))
        {
            sb.Append(node.TextContent).Append(' ');
        }
        return JudolTerms.Normalise(sb.ToString());
    }

    private static IEnumerable<IText> TextNodes(INode? root)
    {
        if (root is null)
        {
            yield break;
        }
        var stack = new Stack<INode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n is IText t)
            {
                yield return t;
                continue;
            }
            if (n is IElement { LocalName: "script" or "style" })
            {
                continue;
            }
            for (var i = n.ChildNodes.Length - 1; i >= 0; i--)
            {
                stack.Push(n.ChildNodes[i]);
            }
        }
    }

    /// <summary>A CSS path people can paste into the browser's inspector: <c>body &gt; div#footer &gt; a:nth-of-type(3)</c>.</summary>
    internal static string CssPath(IElement element)
    {
        var parts = new List<string>();
        for (var e = element; e is not null && e.LocalName != "html"; e = e.ParentElement)
        {
            if (!string.IsNullOrEmpty(e.Id))
            {
                parts.Add($"{e.LocalName}#{e.Id}");
                break;
            }
            var same = e.ParentElement?.Children.Where(c => c.LocalName == e.LocalName).ToList();
            parts.Add(same is { Count: > 1 } ? $"{e.LocalName}:nth-of-type({same.IndexOf(e) + 1})" : e.LocalName);
        }
        parts.Reverse();
        var path = string.Join(" > ", parts);
        return path.Length > 900 ? "…" + path[^899..] : path;
    }

    private static string Around(string text, int index)
    {
        var start = Math.Max(0, index - 80);
        return Snip(text[start..]);
    }

    private static string Snip(string s)
    {
        var one = string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return one.Length > SnippetLength ? one[..SnippetLength] + "…" : one;
    }
}
