using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Portal;

/// <summary>The regency and portal names come from settings: another regency runs the same build.</summary>
public sealed class SiteSettingsTests(SiteSettingsTests.App app) : IClassFixture<SiteSettingsTests.App>
{
    public sealed class App() : SatuPintuApp(postgres: false, new()
    {
        ["SatuPintu:Site:Regency"] = "Kabupaten Rejang Lebong",
        ["SatuPintu:Site:PortalName"] = "Portal Terpadu Rejang Lebong",
        ["SatuPintu:Site:Operator"] = "Dinas Kominfo Rejang Lebong",
        ["SatuPintu:Site:Address"] = "Jalan Basuki Rahmat, Curup",
    });

    [Theory]
    [InlineData("/")]
    [InlineData("/opd")]
    [InlineData("/berita")]
    [InlineData("/cari")]
    public async Task Pages_show_the_configured_regency_in_title_header_and_footer(string path)
    {
        var html = await app.Browser().GetOkAsync(path);
        Assert.Matches("<title>[^<]*Portal Terpadu Rejang Lebong</title>", html);
        Assert.Contains("<strong>Kabupaten Rejang Lebong</strong><small>Portal Terpadu Rejang Lebong</small>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Pemerintah Kabupaten Rejang Lebong</strong><br>Dikelola oleh Dinas Kominfo Rejang Lebong.", html, StringComparison.Ordinal);
        Assert.Contains("Jalan Basuki Rahmat, Curup", html, StringComparison.Ordinal);
        // The demo data is Kepahiang's; the frame around it is not.
        var frame = html[..html.IndexOf("<main", StringComparison.Ordinal)] + html[html.LastIndexOf("</main>", StringComparison.Ordinal)..];
        Assert.DoesNotContain("Kepahiang", frame, StringComparison.Ordinal);
    }
}
