using System.Net;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Portal;

/// <summary>The services directory, service pages, the regency profile and the home page's most requested services, on both providers.</summary>
public abstract class ServicesDirectoryTests(SatuPintuApp app)
{
    private readonly HttpClient _client = app.Browser();
    private const string Ktp = "/layanan/disdukcapil/perekaman-ktp-elektronik";

    [Fact]
    public async Task Directory_lists_every_service_a_to_z_and_by_topic()
    {
        var html = await _client.GetOkAsync("/layanan");
        var services = Html.Links(html, "/layanan/").Distinct().ToList();
        Assert.Contains(Ktp, services);
        Assert.Contains("/layanan/dpmptsp/nomor-induk-berusaha-nib-melalui-oss", services);
        Assert.Contains("/layanan/kec-merigi/surat-keterangan-domisili", services);
        Assert.Contains("/layanan?topik=kependudukan", Html.Links(html, "/layanan"));
        Assert.True(html.IndexOf("id=\"huruf-A\"", StringComparison.Ordinal) < html.IndexOf("id=\"huruf-P\"", StringComparison.Ordinal));

        var topic = await _client.GetOkAsync("/layanan?topik=kependudukan");
        Assert.Contains(Ktp, Html.Links(topic, "/layanan/"));
        Assert.DoesNotContain("/layanan/dpmptsp/nomor-induk-berusaha-nib-melalui-oss", Html.Links(topic, "/layanan/"));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.FetchAsync("/layanan?topik=tidak-ada")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.FetchAsync("/layanan/disdukcapil/tidak-ada")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.FetchAsync("/layanan/Bukan_Slug/x")).Status);
    }

    [Fact]
    public async Task Service_page_has_its_standard_where_and_when_to_apply_and_how_to_complain()
    {
        var html = await _client.GetOkAsync(Ktp);
        Assert.Contains("<h1>Perekaman KTP Elektronik</h1>", html, StringComparison.Ordinal);
        foreach (var heading in new[] { "Persyaratan", "Langkah", "Waktu, biaya dan hasil", "Tempat dan jam layanan", "Dasar hukum", "Formulir", "Pengaduan" })
        {
            Assert.Contains($">{heading}</h2>", html, StringComparison.Ordinal);
        }
        Assert.Contains("<li>Fotokopi Kartu Keluarga</li>", html, StringComparison.Ordinal);
        Assert.Contains("Undang-Undang Nomor 24 Tahun 2013", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.lapor.go.id\"", html, StringComparison.Ordinal);
        Assert.Contains("Senin-Kamis 08.00-12.00, 13.00-16.00", html, StringComparison.Ordinal);
        Assert.Matches("<strong class=\"(open|closed)\">(Buka|Tutup)", html);
        Assert.Contains("https://www.openstreetmap.org/", html, StringComparison.Ordinal);
        Assert.Contains("ditinjau ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_offers_the_most_requested_services_first_in_their_order()
    {
        var html = await _client.GetOkAsync("/");
        var popular = Html.Links(html, "/layanan/").Distinct().ToList();
        Assert.Equal(
            [Ktp, "/layanan/disdukcapil/penerbitan-kartu-keluarga", "/layanan/disdukcapil/penerbitan-akta-kelahiran",
             "/layanan/disdukcapil/penerbitan-kartu-identitas-anak-kia", "/layanan/dinkes/pelayanan-kesehatan-di-puskesmas",
             "/layanan/dpmptsp/nomor-induk-berusaha-nib-melalui-oss", "/layanan/bkpsdm/informasi-seleksi-cpns-dan-pppk"], popular);
        Assert.True(html.IndexOf("Layanan paling dicari", StringComparison.Ordinal) < html.IndexOf("Berita terbaru", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Opd_page_shows_services_before_its_profile_and_units_with_their_own_office()
    {
        var html = await _client.GetOkAsync("/opd/dinkes");
        Assert.True(html.IndexOf("id=\"layanan\"", StringComparison.Ordinal) < html.IndexOf("id=\"profil\"", StringComparison.Ordinal));
        Assert.Contains("href=\"/layanan/dinkes/pelayanan-kesehatan-di-puskesmas\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"layanan-imunisasi-dasar-lengkap\"", html, StringComparison.Ordinal);
        // The puskesmas keeps clinic hours at its own address; the office its own hours.
        Assert.Contains("Sabtu 08.00-12.30", html, StringComparison.Ordinal);
        Assert.Contains("Jumat 08.00-11.30, 13.30-16.30", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regency_profile_shows_overview_districts_leaders_emergency_numbers_and_links()
    {
        var html = await _client.GetOkAsync("/profil");
        Assert.Contains("<h1>Profil Kabupaten Kepahiang</h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/opd/kec-merigi\">Merigi</a>", html, StringComparison.Ordinal);
        Assert.Contains(">Kecamatan <span class=\"meta\">(8)</span>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Bupati</dt>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:112\"", html, StringComparison.Ordinal);
        foreach (var label in new[] { "PPID", "SP4N-LAPOR!", "JDIH", "LPSE" })
        {
            Assert.Contains($">{label}</a>", html, StringComparison.Ordinal);
        }
    }
}

[Collection(Hosts.SqlitePortal)]
public sealed class SqliteServicesDirectoryTests(SqliteApp app) : ServicesDirectoryTests(app);

[Collection(Hosts.PostgresPortal)]
public sealed class PostgresServicesDirectoryTests(PostgresApp app) : ServicesDirectoryTests(app);
