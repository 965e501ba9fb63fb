using System.Net;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Portal;

/// <summary>Another regency deploys by configuration: without the demo and with its own name, no public page names Kepahiang.</summary>
public sealed class OtherRegencyTests(OtherRegencyTests.App app) : IClassFixture<OtherRegencyTests.App>
{
    public sealed class App() : SatuPintuApp(postgres: false, new()
    {
        ["SatuPintu:SeedDemo"] = "false",
        ["SatuPintu:Regency:Name"] = "Kabupaten Lembah Contoh",
        ["SatuPintu:Regency:Districts:0"] = "Lembah Hulu",
        ["SatuPintu:Regency:Ppid"] = "https://ppid.lembahcontoh.go.id",
    });

    [Fact]
    public async Task No_public_page_names_the_demo_regency()
    {
        var client = app.Browser();
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var queue = new Queue<string>(["/", "/profil", "/layanan", "/cari?q=layanan", "/jaringan", "/status", "/feed.xml", "/sitemap.xml", "/robots.txt"]);
        while (queue.TryDequeue(out var path) && seen.Count < 80)
        {
            var (status, body) = await client.FetchAsync(path);
            Assert.True(status == HttpStatusCode.OK, $"{path}: {status}");
            Assert.DoesNotContain("Kepahiang", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Bengkulu", body, StringComparison.OrdinalIgnoreCase);
            foreach (var link in Html.Links(body).Where(l => !l.StartsWith("/admin", StringComparison.Ordinal) && !l.StartsWith("//", StringComparison.Ordinal)))
            {
                if (seen.Add(link))
                {
                    queue.Enqueue(link);
                }
            }
        }
        Assert.True(seen.Count > 10, $"only {seen.Count} pages reached");
        var profile = await client.GetOkAsync("/profil");
        Assert.Contains("<h1>Profil Kabupaten Lembah Contoh</h1>", profile, StringComparison.Ordinal);
        Assert.Contains("Lembah Hulu", profile, StringComparison.Ordinal);
        Assert.Contains("href=\"https://ppid.lembahcontoh.go.id\"", profile, StringComparison.Ordinal);
    }
}
