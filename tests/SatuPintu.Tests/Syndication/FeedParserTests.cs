using System.Text;
using SatuPintu.Syndication.Parsing;

namespace SatuPintu.Tests.Syndication;

/// <summary>The parsers on the cases feeds of Indonesian OPD sites really have, and on hostile XML.</summary>
public sealed class FeedParserTests
{
    private static ParsedFeed Parse(string text, string? contentType = "application/rss+xml; charset=utf-8", string url = "http://opd.test/feed/") =>
        FeedParser.Parse(Encoding.UTF8.GetBytes(text), contentType, new Uri(url));

    [Theory]
    [InlineData("Selasa, 10 Juni 2025 14:30:00 WIB", "2025-06-10T07:30:00Z")]
    [InlineData("Rab, 01 Des 2026 08:00 WITA", "2026-12-01T00:00:00Z")]
    [InlineData("Kamis, 17 Agustus 2023 10:00:00 WIT", "2023-08-17T01:00:00Z")]
    [InlineData("Tue, 10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00Z")]
    [InlineData("Tue, 10 Jun 03 04:00:00 +0700", "2003-06-09T21:00:00Z")]
    [InlineData("2024-03-05T08:09:10+07:00", "2024-03-05T01:09:10Z")]
    [InlineData("2024-03-05", "2024-03-05T00:00:00Z")]
    [InlineData("2024-03-05T08:09:10.123Z", "2024-03-05T08:09:10.123Z")]
    public void Dates_as_feeds_write_them(string text, string utc) =>
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), FeedDates.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("kemarin sore")]
    [InlineData("31 Februari 2024")]
    public void A_date_that_is_no_date_is_missing(string text) => Assert.Null(FeedDates.Parse(text));

    [Fact]
    public void External_entities_are_never_read_and_entity_bombs_never_expand()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "RAHASIA-SERVER");
        try
        {
            var xxe = Parse($"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]><rss version="2.0"><channel><title>a&x;b</title></channel></rss>""");
            Assert.DoesNotContain("RAHASIA", xxe.Title ?? "", StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
        var lol = new StringBuilder("""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">""");
        for (var i = 1; i < 10; i++)
        {
            lol.Append(System.Globalization.CultureInfo.InvariantCulture, $"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">");
        }
        lol.Append("""]><rss version="2.0"><channel><title>&l9;</title></channel></rss>""");
        var bomb = Parse(lol.ToString());
        Assert.True((bomb.Title?.Length ?? 0) < 100, "an entity was expanded");
    }

    [Fact]
    public void Deep_nesting_is_refused_with_a_message()
    {
        var deep = "<rss><channel>" + string.Concat(Enumerable.Repeat("<x>", 5000)) + string.Concat(Enumerable.Repeat("</x>", 5000)) + "</channel></rss>";
        var e = Assert.Throws<FeedFormatException>(() => Parse(deep));
        Assert.Contains("bersarang", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Legacy_encodings_html_entities_and_relative_links()
    {
        // The test's own encoder for the bytes; the parser registers the provider for itself.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var body = Encoding.GetEncoding(1252).GetBytes(
            """<rss version="2.0"><channel><title>Dinas Pendidikan &ndash; Berita</title><link>/</link><item><title>Caf"""
            + "\u00e9 \u201cliterasi\u201d" + """</title><link>/berita/1</link><description>&lt;img src="/a.jpg"&gt; Isi&nbsp;singkat</description>"""
            + "<pubDate>Senin, 02 Des 2024 09:00 WIB</pubDate><category>Pendidikan</category></item></channel></rss>");
        var feed = FeedParser.Parse(body, "text/xml; charset=windows-1252", new Uri("http://disdik.test/feed/"));
        Assert.Equal("Dinas Pendidikan \u2013 Berita", feed.Title);
        Assert.Equal("http://disdik.test/", feed.Link);
        var e = Assert.Single(feed.Entries);
        Assert.Equal("Caf\u00e9 \u201cliterasi\u201d", e.Title);
        Assert.Equal("http://disdik.test/berita/1", e.Link);
        Assert.Contains("src=\"http://disdik.test/a.jpg\"", e.Summary, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2024, 12, 2, 2, 0, 0, TimeSpan.Zero), e.Published);
        Assert.Equal("Pendidikan", Assert.Single(e.Categories));
    }

    [Fact]
    public void Atom_with_xml_base_and_xhtml_content()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://dinkes.test/blog/"><title>Dinkes</title>
            <entry xml:base="2024/"><id>tag:dinkes.test,2024:1</id><title type="html">Imunisasi &lt;b&gt;gratis&lt;/b&gt;</title>
            <link rel="alternate" href="imunisasi"/><updated>2024-05-01T10:00:00+07:00</updated><author><name>Humas</name></author>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Datang ke <a href="../../posyandu">posyandu</a>.</p></div></content></entry></feed>
            """, "application/atom+xml");
        var e = Assert.Single(feed.Entries);
        Assert.Equal("atom10", feed.Format);
        Assert.Equal("http://dinkes.test/blog/2024/imunisasi", e.Link);
        Assert.True(e.TitleIsHtml);
        Assert.Equal("Humas", e.Author);
        Assert.Contains("href=\"http://dinkes.test/posyandu\"", e.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_feed_and_wordpress_posts_with_embeds()
    {
        var json = Parse("""{"version":"https://jsonfeed.org/version/1.1","title":"Kecamatan","home_page_url":"http://kec.test/","items":[{"id":"1","url":"http://kec.test/1","title":"Rapat","content_html":"<p>Isi</p>","date_published":"2024-01-02T03:04:05Z","tags":["Rapat"]}]}""", "application/feed+json");
        Assert.Equal("json11", json.Format);
        Assert.Equal("Rapat", json.Entries[0].Categories[0]);
        var wp = Parse("""
            [{"id":7,"date_gmt":"2024-02-03T04:05:06","modified_gmt":"2024-02-04T00:00:00","guid":{"rendered":"http://opd.test/?p=7"},"link":"http://opd.test/berita-7/",
              "title":{"rendered":"Vaksinasi &#8211; tahap 2"},"content":{"rendered":"<p>Isi</p>"},"excerpt":{"rendered":"<p>Ringkas</p>"},
              "_embedded":{"author":[{"name":"Admin OPD"}],"wp:featuredmedia":[{"source_url":"http://opd.test/wp-content/uploads/a.jpg"}],
              "wp:term":[[{"taxonomy":"category","name":"Kesehatan"}],[{"taxonomy":"post_tag","name":"Vaksin"}]]}}]
            """, "application/json");
        var p = Assert.Single(wp.Entries);
        Assert.Equal("wordpress", wp.Format);
        Assert.Equal("http://opd.test/?p=7", p.Id);
        Assert.Equal(new DateTimeOffset(2024, 2, 3, 4, 5, 6, TimeSpan.Zero), p.Published);
        Assert.Equal("Admin OPD", p.Author);
        Assert.Equal("http://opd.test/wp-content/uploads/a.jpg", p.ImageUrl);
        Assert.Equal("Kesehatan|Vaksin", string.Join('|', p.Categories));
    }

    [Fact]
    public void Malformed_input_is_a_format_error_never_a_crash()
    {
        foreach (var bad in new[] { "", "<rss><channel><title>putus", "{\"version\":", "<html><body>bukan umpan</body></html>", "[1,2,3]", "\0\0\0" })
        {
            try
            {
                Parse(bad);
            }
            catch (FeedFormatException)
            {
                // Refused with a message: what the source's health view shows.
            }
        }
    }
}
