using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Content;

/// <summary>
/// The filters of /pengumuman and /dokumen (OPD, category, year), document categories with a regulation's number, year and
/// status, the agenda's order, and the services in /api/v1/opds, on both providers. Content is written through the API,
/// as a script would, so the public read model sees it at once.
/// </summary>
public abstract class ListFilterTests(SatuPintuApp app) : WithPersonas(app)
{
    private readonly HttpClient _portal = app.Browser();
    private static readonly int ThisYear = TimeProvider.System.GetUtcNow().Year;

    [Fact]
    public async Task Announcements_filter_by_category_opd_and_year_keep_the_choice_and_page_with_the_filter()
    {
        var title = "Lowongan tenaga honorer puskesmas " + Guid.NewGuid().ToString("N")[..6];
        await PublishAsync(new { opd = Personas.OpdA, kind = "pengumuman", category = "lowongan", title, body = "Dibuka pendaftaran." });

        var refused = await Personas.Api(app, People.ReviewerA).PostAsJsonAsync("/api/v1/articles",
            new { opd = Personas.OpdA, kind = "pengumuman", category = "gosip", title = "Tidak tersimpan", body = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Kategori pengumuman", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("category")[0].GetString(), StringComparison.Ordinal);

        var jobs = await _portal.GetOkAsync("/pengumuman?kategori=lowongan");
        Assert.Contains(title, jobs, StringComparison.Ordinal);
        Assert.Matches("<option value=\"lowongan\" selected=\"selected\">Lowongan \\(\\d+\\)</option>", jobs);
        Assert.Contains("<span>Lowongan ·</span>", jobs, StringComparison.Ordinal);
        Assert.DoesNotContain(title, await _portal.GetOkAsync("/pengumuman?kategori=umum"), StringComparison.Ordinal);

        var all = $"/pengumuman?opd={Personas.OpdA}&kategori=lowongan&tahun={ThisYear}";
        var narrowed = await _portal.GetOkAsync(all + "&utm_source=wa");
        Assert.Contains(title, narrowed, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{Personas.OpdA}\" selected=\"selected\">", narrowed, StringComparison.Ordinal);
        Assert.EndsWith(all, WebUtility.HtmlDecode(Html.Canonical(narrowed)), StringComparison.Ordinal);
        Assert.Contains("Hapus saringan", narrowed, StringComparison.Ordinal);

        var empty = await _portal.GetOkAsync("/pengumuman?kategori=lowongan&tahun=1990");
        Assert.Contains("Tidak ada pengumuman yang cocok dengan saringan ini.", empty, StringComparison.Ordinal);

        // One a page: the pager's links keep the filter and the size, and drop what the list does not read.
        var paged = await _portal.GetOkAsync("/pengumuman?kategori=lowongan&per=1&utm_source=wa");
        Assert.Contains("/pengumuman?kategori=lowongan&amp;per=1&amp;halaman=2", paged, StringComparison.Ordinal);
        var pager = paged.IndexOf("class=\"pager\"", StringComparison.Ordinal);
        Assert.True(pager > 0, "no pager");
        Assert.DoesNotContain("utm_source", paged[pager..], StringComparison.Ordinal);

        foreach (var bad in new[] { "/pengumuman?kategori=tidak-ada", "/pengumuman?tahun=dua-ribu", "/pengumuman?opd=tidak-ada", "/berita?kategori=lowongan",
                     "/pengumuman?tahun=2025&tahun=2026", "/berita?waktu=selesai" })
        {
            var (status, body) = await _portal.FetchAsync(bad);
            Assert.True(status == HttpStatusCode.BadRequest, $"{bad} answered {(int)status}");
            Assert.Contains("<h1", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Output_cache_varies_by_the_filter_keys_only()
    {
        var first = await _portal.GetAsync(new Uri("/pengumuman?kategori=seleksi", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        // An address with a key the list does not read is the same page: served from the cache entry just made.
        var tracked = await _portal.GetAsync(new Uri("/pengumuman?kategori=seleksi&fbclid=abc", UriKind.Relative));
        Assert.True(tracked.Headers.Age is not null, "a query key the list does not read made a new cache entry");
        var other = await _portal.GetAsync(new Uri("/pengumuman?kategori=layanan", UriKind.Relative));
        Assert.Null(other.Headers.Age);
    }

    [Fact]
    public async Task Regulations_carry_number_year_and_status_on_the_list_and_the_page_and_filter_by_their_year()
    {
        var reviewer = Personas.Api(app, People.ReviewerA);
        var title = "Peraturan Daerah tentang Retribusi " + Guid.NewGuid().ToString("N")[..6];
        var created = await UploadAsync(reviewer, title, "peraturan", ("regulationNumber", "7"), ("regulationYear", "2019"), ("regulationStatus", "dicabut"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("peraturan", json.GetProperty("category").GetString());
        Assert.Equal("Peraturan", json.GetProperty("categoryLabel").GetString());
        Assert.Equal(2019, json.GetProperty("regulationYear").GetInt32());
        Assert.Equal("dicabut", json.GetProperty("regulationStatus").GetString());

        var missing = await UploadAsync(reviewer, "Peraturan tanpa nomor", "peraturan");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "regulationNumber", "regulationYear", "regulationStatus" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(reviewer, "Kategori asing", "gosip")).StatusCode);

        var list = await _portal.GetOkAsync("/dokumen?kategori=peraturan&tahun=2019");
        Assert.Contains(title, list, StringComparison.Ordinal);
        Assert.Contains("Nomor 7 Tahun 2019", list, StringComparison.Ordinal);
        Assert.Contains("<span class=\"reg-status dicabut\">Dicabut</span>", list, StringComparison.Ordinal);
        Assert.Contains("<h1>Dokumen: Peraturan</h1>", list, StringComparison.Ordinal);
        Assert.DoesNotContain(title, await _portal.GetOkAsync($"/dokumen?kategori=peraturan&tahun={ThisYear}"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await _portal.GetOkAsync("/dokumen?kategori=laporan"), StringComparison.Ordinal);
        Assert.Contains("Laporan Kinerja", await _portal.GetOkAsync("/dokumen?kategori=laporan"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await _portal.FetchAsync("/dokumen?kategori=gosip")).Status);

        var detail = await _portal.GetOkAsync("/dokumen/" + json.GetProperty("slug").GetString());
        Assert.Contains("<dd>Nomor 7 Tahun 2019</dd>", detail, StringComparison.Ordinal);
        Assert.Contains(">Dicabut</span>", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_form_refuses_a_regulation_without_its_facts_in_Indonesian_and_keeps_what_was_typed()
    {
        var client = await Personas.SignInAsync(app, People.ReviewerA.Email);
        var response = await Personas.PostFormAsync(client, "/admin/dokumen/Upload", new()
        {
            ["Input.Opd"] = Personas.OpdA, ["Input.Title"] = "Perbup tentang Jam Kerja", ["Input.Category"] = "peraturan",
            ["Input.RegulationNumber"] = "12", ["Input.RegulationYear"] = "20x5", ["Input.RegulationStatus"] = "diubah",
        }, "/admin/dokumen");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tulis tahun peraturan dengan empat angka", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Perbup tentang Jam Kerja\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"peraturan\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("value=\"12\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"diubah\" selected=\"selected\">", html, StringComparison.Ordinal);

        var noCategory = await Personas.PostFormAsync(client, "/admin/dokumen/Upload", new() { ["Input.Opd"] = Personas.OpdA, ["Input.Title"] = "Tanpa kategori" }, "/admin/dokumen");
        Assert.Contains("Pilih kategori dokumen.", await noCategory.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agenda_lists_coming_events_soonest_first_and_finished_ones_apart_newest_first()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var far = "Agenda jauh " + tag;
        var near = "Agenda dekat " + tag;
        var over = "Agenda selesai " + tag;
        var older = "Agenda selesai lama " + tag;
        // Published in this order, so newest-published-first would put them the other way round.
        await PublishAsync(Agenda(near, now.AddDays(2)));
        await PublishAsync(Agenda(far, now.AddDays(20)));
        await PublishAsync(Agenda(older, now.AddDays(-30)));
        await PublishAsync(Agenda(over, now.AddDays(-3)));

        var html = await _portal.GetOkAsync("/agenda?per=100");
        var finished = html.IndexOf("<h2 id=\"selesai\">", StringComparison.Ordinal);
        Assert.True(finished > 0, "no section for finished events");
        var (iNear, iFar, iOver) = (html.IndexOf(near, StringComparison.Ordinal), html.IndexOf(far, StringComparison.Ordinal), html.IndexOf(over, StringComparison.Ordinal));
        Assert.True(iNear > 0 && iNear < iFar && iFar < finished, "coming events are not soonest first, above the finished ones");
        Assert.True(iOver > finished, "a finished event is listed with the coming ones");
        Assert.Contains("/agenda?waktu=selesai", html, StringComparison.Ordinal);

        var past = await _portal.GetOkAsync("/agenda?waktu=selesai&per=100");
        Assert.DoesNotContain(near, past, StringComparison.Ordinal);
        Assert.True(past.IndexOf(over, StringComparison.Ordinal) is var o and > 0 && o < past.IndexOf(older, StringComparison.Ordinal), "finished events are not newest first");
        Assert.Contains("· Selesai</span>", past, StringComparison.Ordinal);
        Assert.Contains("<h1>Agenda yang sudah selesai</h1>", past, StringComparison.Ordinal);
        Assert.Contains("name=\"waktu\" value=\"selesai\"", past, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await _portal.FetchAsync("/agenda?waktu=kemarin")).Status);
    }

    [Fact]
    public async Task Opd_api_carries_each_service_with_its_standard()
    {
        var api = Personas.Api(app, People.EditorA);
        var opd = await api.GetFromJsonAsync<JsonElement>("/api/v1/opds/disdukcapil");
        var ktp = opd.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("slug").GetString() == "perekaman-ktp-elektronik");
        Assert.Equal("Perekaman KTP Elektronik", ktp.GetProperty("name").GetString());
        Assert.Equal("kependudukan", ktp.GetProperty("topic").GetString());
        Assert.Contains("Fotokopi Kartu Keluarga", ktp.GetProperty("requirements").EnumerateArray().Select(r => r.GetString()));
        Assert.True(ktp.GetProperty("steps").GetArrayLength() > 1);
        Assert.Contains(ktp.GetProperty("legalBasis").EnumerateArray(), l => l.GetString()!.Contains("Undang-Undang Nomor 24 Tahun 2013", StringComparison.Ordinal));
        Assert.Contains("Senin-Kamis 08.00-12.00, 13.00-16.00", ktp.GetProperty("hours").GetString(), StringComparison.Ordinal);
        Assert.Equal("/layanan/disdukcapil/perekaman-ktp-elektronik", ktp.GetProperty("url").GetString());
        foreach (var field in new[] { "time", "cost", "office", "officeAddress", "mapUrl", "forms", "reviewedAt", "description", "output" })
        {
            Assert.True(ktp.TryGetProperty(field, out _), $"no {field}");
        }
        var all = await api.GetFromJsonAsync<JsonElement>("/api/v1/opds");
        Assert.Contains(all.EnumerateArray(), o => o.GetProperty("services").GetArrayLength() > 0);
    }

    private static object Agenda(string title, DateTime start) =>
        new { opd = Personas.OpdA, kind = "agenda", title, body = "Acara uji.", eventStart = start, eventEnd = start.AddHours(2), eventPlace = "Aula" };

    private async Task PublishAsync(object article)
    {
        var reviewer = Personas.Api(app, People.ReviewerA);
        var created = await reviewer.PostAsJsonAsync("/api/v1/articles", article);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync(new Uri($"/api/v1/articles/{id}/publish", UriKind.Relative), null)).StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string title, string category, params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Personas.OpdA), "opd" }, { new StringContent(title), "title" }, { new StringContent(category), "category" },
        };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        form.Add(new ByteArrayContent(SatuPintu.Data.Demo.DemoDocuments.MinimalPdf(title, "uji")), "file", "peraturan.pdf");
        return await client.PostAsync(new Uri("/api/v1/documents", UriKind.Relative), form);
    }
}

[Collection(Hosts.SqliteContent)]
public sealed class SqliteListFilterTests(SqliteApp app) : ListFilterTests(app);

[Collection(Hosts.PostgresContent)]
public sealed class PostgresListFilterTests(PostgresApp app) : ListFilterTests(app);
