using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json;

namespace FeedFarm;

public sealed record FarmSettings(int Port, int Sources, int Addresses, int SlowSeconds, int ChangePercent, int Items)
{
    public static FarmSettings From(IConfiguration c) => new(
        c.GetValue("FARM_PORT", 0) is > 0 and var p ? p : throw new InvalidOperationException("FARM_PORT is required"),
        c.GetValue("FARM_SOURCES", 1000), Math.Clamp(c.GetValue("FARM_ADDRESSES", 50), 1, 254),
        c.GetValue("FARM_SLOW_SECONDS", 30), c.GetValue("FARM_CHANGE_PERCENT", 10), c.GetValue("FARM_ITEMS", 20));
}

public enum Kind { Rss, Atom, Json, RssLatin1 }

public enum Trouble { None, Slow, Gone, Broken5xx, BrokenXml, Huge }

/// <summary>What each source serves: deterministic by source number, round and version.</summary>
public sealed class Farm(FarmSettings settings)
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 5, 1, 0, 0, TimeSpan.Zero);
    private static readonly string[] Words = ("pemerintah kabupaten pelayanan masyarakat anggaran jaringan internet pembangunan " +
        "kesehatan pendidikan desa kecamatan daerah program kegiatan pertanian kopi pariwisata bencana jalan jembatan " +
        "sekolah puskesmas posyandu bantuan sosial perizinan investasi pasar koperasi warga camat bupati").Split(' ');
    private readonly int[] _versions = new int[settings.Sources];
    private readonly Lock _lock = new();

    public int Round { get; private set; }
    public FarmStats Stats { get; } = new();

    public int NextRound()
    {
        lock (_lock)
        {
            Round++;
            for (var i = 0; i < _versions.Length; i++)
            {
                if ((uint)HashCode.Combine(i, Round) % 100 < settings.ChangePercent)
                {
                    _versions[i]++;
                }
            }
            return Round;
        }
    }

    public static Kind KindOf(int i) => (i % 100) switch { < 40 => Kind.Rss, < 65 => Kind.Atom, < 80 => Kind.Json, _ => Kind.RssLatin1 };

    /// <summary>Every source answers well while it is being added (round 0); the bad ones go bad later.</summary>
    public Trouble TroubleOf(int i) => (i % 100) switch
    {
        96 or 97 => Trouble.Huge,
        _ when Round == 0 => Trouble.None,
        90 or 91 or 92 => Trouble.Slow,
        93 or 94 or 95 => Trouble.Gone,
        98 => Trouble.Broken5xx,
        99 => Trouble.BrokenXml,
        _ => Trouble.None,
    };

    public string HomeUrl(int i) => $"http://127.0.10.{1 + (i % settings.Addresses)}:{settings.Port}/s/{i}/";

    public string HomePage(int i)
    {
        var type = KindOf(i) switch { Kind.Atom => "application/atom+xml", Kind.Json => "application/feed+json", _ => "application/rss+xml" };
        return $"<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>{SiteName(i)}</title>" +
               $"<link rel=\"alternate\" type=\"{type}\" title=\"Berita\" href=\"/s/{i}/feed\"></head>" +
               $"<body><h1>{SiteName(i)}</h1><p>Situs OPD uji.</p></body></html>";
    }

    public (string ETag, DateTimeOffset Modified) Validators(int i)
    {
        var v = _versions[i];
        return ($"\"s{i}v{v}\"", Epoch.AddHours(v));
    }

    public (byte[] Body, string Type) Feed(int i, bool huge)
    {
        var v = _versions[i];
        // two huge sizes: ~11 MB (over any sane response cap) and ~3 MB (a big but legitimate archive feed)
        var count = !huge ? settings.Items : i % 100 == 96 ? 4000 : 1000;
        var items = Enumerable.Range(0, count).Select(k => v + count - 1 - k).ToList();
        var kind = KindOf(i);
        return kind switch
        {
            Kind.Atom => (Encoding.UTF8.GetBytes(Atom(i, items, huge)), "application/atom+xml; charset=utf-8"),
            Kind.Json => (Encoding.UTF8.GetBytes(Json(i, items, huge)), "application/feed+json; charset=utf-8"),
            Kind.RssLatin1 => (Encoding.Latin1.GetBytes(Rss(i, items, huge, "ISO-8859-1").Replace("</title><link>/s", " (suhu 18°C)</title><link>/s", StringComparison.Ordinal)), "application/rss+xml"),
            _ => (Encoding.UTF8.GetBytes(Rss(i, items, huge, "UTF-8")), "application/rss+xml; charset=utf-8"),
        };
    }

    private static string SiteName(int i) => $"Situs OPD {i:D4}";

    private static string Title(int i, int k) => $"{Cap(Pick(i, k, 0))} {Pick(i, k, 1)} {Pick(i, k, 2)} di Desa {Cap(Pick(i, k, 3))} ke-{k}";

    private static string Text(int i, int k, bool huge)
    {
        var sb = new StringBuilder();
        for (var w = 0; w < (huge ? 300 : 80); w++)
        {
            sb.Append(Pick(i, k, w + 4)).Append(w % 12 == 11 ? ". " : " ");
        }
        return sb.ToString().Trim();
    }

    private static string Pick(int i, int k, int w) => Words[(uint)HashCode.Combine(i, k, w) % Words.Length];

    private static string Cap(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private static string Date(int k, string format) => Epoch.AddHours(k).ToString(format, CultureInfo.InvariantCulture);

    private static string Rss(int i, List<int> items, bool huge, string encoding)
    {
        var sb = new StringBuilder($"<?xml version=\"1.0\" encoding=\"{encoding}\"?>\n<rss version=\"2.0\"><channel><title>{SiteName(i)}</title><link>/s/{i}/</link><description>Berita</description>\n");
        foreach (var k in items)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<item><title>{SecurityElement.Escape(Title(i, k))}</title><link>/s/{i}/berita/{k}</link><guid isPermaLink=\"false\">src{i}-item{k}</guid>")
              .Append(CultureInfo.InvariantCulture, $"<pubDate>{Date(k, "ddd, dd MMM yyyy HH:mm:ss '+0700'")}</pubDate><description>{SecurityElement.Escape("<p>" + Text(i, k, huge) + "</p>")}</description></item>\n");
        }
        return sb.Append("</channel></rss>\n").ToString();
    }

    private static string Atom(int i, List<int> items, bool huge)
    {
        var sb = new StringBuilder($"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>{SiteName(i)}</title><id>urn:farm:{i}</id><updated>{Date(items[0], "yyyy-MM-dd'T'HH:mm:ss'Z'")}</updated><link href=\"/s/{i}/\"/>\n");
        foreach (var k in items)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<entry><title>{SecurityElement.Escape(Title(i, k))}</title><id>urn:farm:{i}:{k}</id><link href=\"/s/{i}/berita/{k}\"/>")
              .Append(CultureInfo.InvariantCulture, $"<updated>{Date(k, "yyyy-MM-dd'T'HH:mm:ss'Z'")}</updated><author><name>Humas</name></author><content type=\"html\">{SecurityElement.Escape("<p>" + Text(i, k, huge) + "</p>")}</content></entry>\n");
        }
        return sb.Append("</feed>\n").ToString();
    }

    private static string Json(int i, List<int> items, bool huge) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["version"] = "https://jsonfeed.org/version/1.1",
        ["title"] = SiteName(i),
        ["home_page_url"] = $"/s/{i}/",
        ["items"] = items.Select(k => new Dictionary<string, string>
        {
            ["id"] = $"src{i}-item{k}",
            ["url"] = $"/s/{i}/berita/{k}",
            ["title"] = Title(i, k),
            ["content_html"] = "<p>" + Text(i, k, huge) + "</p>",
            ["date_published"] = Date(k, "yyyy-MM-dd'T'HH:mm:ss'+07:00'"),
        }).ToList(),
    });
}

/// <summary>Requests served by status, bytes, and the most requests in flight at once (the poller's concurrency).</summary>
public sealed class FarmStats
{
    private long _requests, _ok, _notModified, _errors, _bytes;
    private int _inFlight, _inFlightMax;

    public void Enter()
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _inFlightMax)) && Interlocked.CompareExchange(ref _inFlightMax, now, seen) != seen) { }
    }

    public void Leave(int status, long bytes)
    {
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _bytes, bytes);
        Interlocked.Increment(ref status == 304 ? ref _notModified : ref status < 400 ? ref _ok : ref _errors);
    }

    public void Reset()
    {
        _requests = _ok = _notModified = _errors = _bytes = 0;
        _inFlightMax = 0;
    }

    public object Snapshot(int round) => new { round, requests = _requests, ok = _ok, notModified = _notModified, errors = _errors, bytes = _bytes, inFlightMax = _inFlightMax };
}
