using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using SatuPintu.Content;
using SatuPintu.Directory;
using SatuPintu.Shared;

namespace SatuPintu.Feeds;

/// <summary>
/// schema.org JSON-LD for the page's &lt;script type="application/ld+json"&gt;: NewsArticle/Article for articles,
/// Event for agenda items, GovernmentOrganization for OPD pages. Built as JSON nodes and serialised by
/// System.Text.Json, whose encoder escapes &lt; &gt; &amp; and quotes, so no text can close the script element.
/// </summary>
public static partial class StructuredData
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string ForArticle(Article a, string origin, SiteOptions site)
    {
        var opd = a.Opd!;
        var url = origin + ArticleKinds.DetailUrl(a.Kind, a.Slug);
        var published = a.FirstPublishedAt ?? a.PublishAt ?? a.CreatedAt;
        JsonObject node;
        if (a.Kind == ArticleKind.Agenda && a.EventStart is { } start)
        {
            node = new JsonObject
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "Event",
                ["name"] = a.Title,
                ["url"] = url,
                ["startDate"] = FeedText.Rfc3339(start),
                ["eventStatus"] = "https://schema.org/EventScheduled",
                ["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode",
                ["organizer"] = Organization(opd, origin, site, brief: true),
            };
            if (a.EventEnd is { } end)
            {
                node["endDate"] = FeedText.Rfc3339(end);
            }
            node["location"] = new JsonObject
            {
                ["@type"] = "Place",
                ["name"] = a.EventPlace ?? opd.Name,
                ["address"] = a.EventPlace ?? opd.Address ?? site.Regency,
            };
        }
        else
        {
            node = new JsonObject
            {
                ["@context"] = "https://schema.org",
                ["@type"] = a.Kind == ArticleKind.Berita ? "NewsArticle" : "Article",
                ["headline"] = a.Title.Length > 110 ? a.Title[..110] : a.Title,
                ["url"] = url,
                ["mainEntityOfPage"] = url,
                ["inLanguage"] = "id",
                ["datePublished"] = FeedText.Rfc3339(published),
                ["dateModified"] = FeedText.Rfc3339(a.UpdatedAt > published ? a.UpdatedAt : published),
                ["author"] = Organization(opd, origin, site, brief: true),
                ["publisher"] = Regency(origin, site),
            };
        }
        if (!string.IsNullOrWhiteSpace(a.Summary))
        {
            node["description"] = a.Summary;
        }
        if (FirstImage(a.BodyHtml, origin) is { } image)
        {
            node["image"] = image;
        }
        return node.ToJsonString(Json);
    }

    public static string ForOpd(Opd o, string origin, SiteOptions site)
    {
        var node = Organization(o, origin, site, brief: false);
        node.Insert(0, "@context", "https://schema.org");
        return node.ToJsonString(Json);
    }

    private static JsonObject Organization(Opd o, string origin, SiteOptions site, bool brief)
    {
        var node = new JsonObject { ["@type"] = "GovernmentOrganization", ["name"] = o.Name, ["url"] = $"{origin}/opd/{o.Slug}" };
        if (brief)
        {
            return node;
        }
        if (o.ShortName is not null)
        {
            node["alternateName"] = o.ShortName;
        }
        if (o.Summary is not null)
        {
            node["description"] = o.Summary;
        }
        if (o.Address is not null)
        {
            node["address"] = new JsonObject { ["@type"] = "PostalAddress", ["streetAddress"] = o.Address, ["addressRegion"] = site.Regency, ["addressCountry"] = "ID" };
        }
        if (o.Phone is not null)
        {
            node["telephone"] = o.Phone;
        }
        if (o.Email is not null)
        {
            node["email"] = o.Email;
        }
        if (o.Website is not null)
        {
            node["sameAs"] = o.Website;
        }
        if (o.HeadName is not null)
        {
            node["employee"] = new JsonObject { ["@type"] = "Person", ["name"] = o.HeadName, ["jobTitle"] = o.HeadTitle ?? "Kepala" };
        }
        node["parentOrganization"] = Regency(origin, site);
        return node;
    }

    private static JsonObject Regency(string origin, SiteOptions site) =>
        new() { ["@type"] = "GovernmentOrganization", ["name"] = $"Pemerintah {site.Regency}", ["url"] = origin + "/" };

    /// <summary>The first image of the sanitized body (the sanitizer writes attributes in double quotes).</summary>
    private static string? FirstImage(string html, string origin) =>
        ImageRegex().Match(html) is { Success: true } m
            ? (m.Groups[1].Value.StartsWith('/') ? origin + System.Net.WebUtility.HtmlDecode(m.Groups[1].Value) : System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))
            : null;

    [GeneratedRegex("<img\\b[^>]*?\\ssrc=\"([^\"]+)\"", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 200)]
    private static partial Regex ImageRegex();
}
