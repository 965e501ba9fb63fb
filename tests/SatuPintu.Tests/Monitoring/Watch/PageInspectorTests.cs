using SatuPintu.Monitoring.Watch;

namespace SatuPintu.Tests.Monitoring.Watch;

/// <summary>
/// The pure inspector on pages written to imitate real judol injections into go.id sites, and on clean
/// pemda pages that must not alarm (legitimate hidden menus, "slot waktu", a police report on gambling).
/// No page is fetched: the HTML comes from <c>Pages/</c>, the page address is data only.
/// </summary>
public sealed class PageInspectorTests
{
    private static readonly Uri Page = new("https://dinkes.kepahiangkab.go.id/");

    internal static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Monitoring", "Watch", "Pages", name));

    internal static Task<PageInspection> InspectAsync(string html, params string[] allowed) =>
        new PageInspector(JudolTerms.Shipped, allowed.ToHashSet()).InspectAsync(html, Page, CancellationToken.None);

    [Theory]
    [InlineData("clean-news.html")]
    [InlineData("clean-menus.html")]
    [InlineData("clean-slot-waktu.html")]
    [InlineData("clean-police-raid.html")]
    public async Task Clean_pemda_pages_do_not_alarm(string file)
    {
        var result = await InspectAsync(Fixture(file));
        Assert.True(result.Findings.Count == 0, file + ": " + string.Join(" | ", result.Findings.Select(f => f.What + " @ " + f.Where)));
    }

    [Theory]
    [InlineData("hidden-div-slot.html", FindingKinds.HiddenLink, "gacor-maxwin.example", "display:none")]
    [InlineData("offscreen-footer.html", FindingKinds.HiddenLink, "agen88.example", "luar layar")]
    [InlineData("stylesheet-hidden.html", FindingKinds.HiddenLink, "bandar.example", "display:none")]
    [InlineData("tiny-font.html", FindingKinds.HiddenText, "teks:slot gacor", "ukuran huruf")]
    [InlineData("noscript-link.html", FindingKinds.HiddenLink, "hk-pools.example", "noscript")]
    [InlineData("entity-link.html", FindingKinds.ObfuscatedLink, "linkbaru.example", "entitas HTML")]
    [InlineData("base64-script.html", FindingKinds.ObfuscatedLink, "permainan.example", "base64")]
    [InlineData("base64-script.html", FindingKinds.ObfuscatedLink, "mw388.example", "potongan teks")]
    [InlineData("split-words.html", FindingKinds.Keyword, "teks:slot gacor", "disamarkan")]
    [InlineData("visible-spam.html", FindingKinds.Keyword, "teks:slot gacor", "teks halaman")]
    [InlineData("meta-title.html", FindingKinds.Meta, "meta:slot gacor", "metadata")]
    public async Task Injected_pages_are_found_with_what_where_and_a_snippet(string file, string kind, string subject, string whatContains)
    {
        var result = await InspectAsync(Fixture(file));
        var finding = result.Findings.FirstOrDefault(f => f.Kind == kind && f.Subject == subject);
        Assert.True(finding is not null, $"{file}: no {kind} for {subject}; found: " + string.Join(" | ", result.Findings.Select(f => $"{f.Kind} {f.Subject}: {f.What}")));
        Assert.Contains(whatContains, finding.What, StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrWhiteSpace(finding.Where));
        Assert.False(string.IsNullOrWhiteSpace(finding.Snippet));
    }

    [Fact]
    public async Task Where_is_a_css_path_to_the_hiding_element_and_the_snippet_shows_the_markup()
    {
        var result = await InspectAsync(Fixture("hidden-div-slot.html"));
        var f = result.Findings.First(x => x.Subject == "gacor-maxwin.example");
        Assert.StartsWith("body > ", f.Where, StringComparison.Ordinal);
        Assert.EndsWith("a:nth-of-type(1)", f.Where, StringComparison.Ordinal);
        Assert.Contains("gacor-maxwin.example", f.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_allowed_domain_is_not_a_finding_again()
    {
        var result = await InspectAsync(Fixture("offscreen-footer.html"), "agen88.example");
        Assert.DoesNotContain(result.Findings, f => f.Subject == "agen88.example");
    }

    [Fact]
    public async Task Zero_width_characters_and_look_alike_letters_do_not_hide_a_phrase()
    {
        // "slot gacor" with a zero-width space and a Cyrillic "о", "maxwin" with a soft hyphen.
        var html = "<html><body><p>sl\u200Bot gac\u043Er dan max\u00ADwin</p></body></html>";
        var result = await InspectAsync(html);
        Assert.Contains(result.Findings, f => f.Kind == FindingKinds.Keyword);
    }

    [Fact]
    public async Task One_slang_phrase_quoted_in_a_news_text_is_not_spam()
    {
        var html = "<html><body><p>Polisi menyebut pelaku mempromosikan situs dengan istilah \"slot gacor\" di media sosial.</p></body></html>";
        Assert.Empty((await InspectAsync(html)).Findings);
    }

    [Fact]
    public async Task Cloaking_is_what_only_the_crawler_gets()
    {
        var browser = await InspectAsync(Fixture("clean-news.html"));
        var crawler = await InspectAsync(Fixture("hidden-div-slot.html"));
        var findings = PageComparison.Cloaking(browser, crawler, 0.6);
        Assert.Contains(findings, f => f.Kind == FindingKinds.Cloaking && f.Subject == "gacor-maxwin.example");
        Assert.Empty(PageComparison.Cloaking(browser, await InspectAsync(Fixture("clean-news.html")), 0.6));
    }

    [Fact]
    public async Task Drift_similarity_tolerates_a_small_change_and_not_a_defacement()
    {
        var before = (await InspectAsync(Fixture("clean-news.html"))).Text;
        var small = (await InspectAsync(Fixture("clean-news.html").Replace("8 kecamatan", "delapan kecamatan", StringComparison.Ordinal))).Text;
        var defaced = (await InspectAsync("<html><body><h1>HACKED BY xXx</h1><p>Your security is low</p></body></html>")).Text;
        Assert.True(PageComparison.Similarity(before, small) > 0.9);
        Assert.True(PageComparison.Similarity(before, defaced) < 0.1);
    }
}
