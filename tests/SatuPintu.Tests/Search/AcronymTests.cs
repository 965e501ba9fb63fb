using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Content;
using SatuPintu.Search;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Search;

/// <summary>
/// The admins' acronym list at /admin/pencarian: a pair added works in queries at once on text indexed
/// before it (both ways), bad input changes nothing and keeps what was typed, a removal and a restore
/// take effect, the trail says it in words, and a rebuild started there runs while the site serves.
/// </summary>
public abstract class AcronymTests(SatuPintuApp app) : WithPersonas(app)
{
    private const string Page = "/admin/pencarian";
    private readonly HttpClient _public = app.Browser();

    [Fact]
    public async Task An_added_pair_works_both_ways_at_once_and_bad_input_changes_nothing()
    {
        var tag = new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(5).ToArray()).PadRight(5, 'q');
        var abbreviation = "xq" + tag;
        var longForm = $"surat keterangan zulkarnaen{tag}";
        await TestArticles.CreateAsync(app, Personas.OpdA, PublicationStatus.Published, $"Cara mengurus {longForm} di desa");
        await TestArticles.CreateAsync(app, Personas.OpdA, PublicationStatus.Published, $"Layanan {abbreviation.ToUpperInvariant()} dibuka");
        var shortTitle = $"Layanan {abbreviation.ToUpperInvariant()} dibuka";
        await IndexWait.UntilAsync(async () => (await TotalAsync(abbreviation)) == 1 && (await TitlesAsync(longForm)).FirstOrDefault() == $"Cara mengurus {longForm} di desa");
        Assert.DoesNotContain(shortTitle, await TitlesAsync(longForm));

        var admin = await Personas.SignInAsync(app, People.Admin.Email);
        var empty = await Personas.PostFormAsync(admin, Page + "/Save", new() { ["Input.Abbreviation"] = "", ["Input.Phrases"] = longForm, ["Existing"] = "false" }, Page);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var refusedPage = await empty.Content.ReadAsStringAsync();
        Assert.Contains("Isi singkatannya", refusedPage, StringComparison.Ordinal);
        Assert.Contains($"value=\"{longForm}\"", refusedPage, StringComparison.Ordinal);
        var taken = await Personas.PostFormAsync(admin, Page + "/Save", new() { ["Input.Abbreviation"] = "KTP", ["Input.Phrases"] = "kartu tipuan", ["Existing"] = "false" }, Page);
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("Singkatan &quot;ktp&quot; sudah ada", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.SearchAcronyms.AnyAsync(a => a.Abbreviation == "ktp" || a.Phrases!.Contains(tag))));

        var saved = await Personas.PostFormAsync(admin, Page + "/Save", new() { ["Input.Abbreviation"] = abbreviation.ToUpperInvariant(), ["Input.Phrases"] = longForm, ["Existing"] = "false" }, Page);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // Query side, so the texts indexed before the pair existed are found by either form.
        await IndexWait.UntilAsync(async () => (await TotalAsync(abbreviation)) == 2 && (await TitlesAsync(longForm)).Take(2).Contains(shortTitle));
        var listed = await admin.GetOkAsync(Page);
        Assert.Contains($"<td>{abbreviation}</td>", listed, StringComparison.Ordinal);
        Assert.Contains("Daftar singkatan berubah sejak pembangunan ulang terakhir", listed, StringComparison.Ordinal);
        var trail = await admin.GetOkAsync("/admin/audit");
        Assert.Contains("Singkatan pencarian dibuat", trail, StringComparison.Ordinal);

        var removed = await Personas.PostFormAsync(admin, $"{Page}/Remove?singkatan={abbreviation}", [], Page);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        await IndexWait.UntilAsync(async () => (await TotalAsync(abbreviation)) == 1);
        Assert.False(await app.WithDbAsync(db => db.SearchAcronyms.AnyAsync(a => a.Abbreviation == abbreviation)));
    }

    [Fact]
    public async Task A_shipped_pair_can_be_changed_removed_and_restored_and_a_rebuild_runs_while_serving()
    {
        var admin = await Personas.SignInAsync(app, People.Admin.Email);
        var edit = await admin.GetOkAsync(Page + "?ubah=skck");
        Assert.Contains("Ubah singkatan &quot;skck&quot;", edit, StringComparison.Ordinal);
        var changed = await Personas.PostFormAsync(admin, Page + "/Save", new() { ["Input.Abbreviation"] = "skck", ["Input.Phrases"] = "surat keterangan catatan kepolisian | surat kelakuan baik", ["Existing"] = "true" }, Page);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("surat keterangan catatan kepolisian | surat kelakuan baik", await app.WithDbAsync(db => db.SearchAcronyms.Where(a => a.Abbreviation == "skck").Select(a => a.Phrases).SingleAsync()));

        var rebuild = await Personas.PostFormAsync(admin, Page + "/Reindex", [], Page);
        Assert.Equal(HttpStatusCode.Redirect, rebuild.StatusCode);
        var job = app.Services.GetRequiredService<ReindexJob>();
        // Served meanwhile: the old index answers until the new one is swapped in.
        Assert.True(await TotalAsync("kartu keluarga") > 0);
        await job.Completion;
        Assert.Null(job.State.Error);
        var done = await admin.GetOkAsync(Page);
        Assert.Contains("Terakhir dibangun ulang dari halaman ini", done, StringComparison.Ordinal);
        Assert.DoesNotContain("Daftar singkatan berubah sejak", done, StringComparison.Ordinal);
        Assert.True(job.State.Written > 0 && job.State.Percent == 100, $"{job.State}");
        Assert.True(await TotalAsync("kartu keluarga") > 0);

        var restored = await Personas.PostFormAsync(admin, Page + "/Restore?singkatan=skck", [], Page);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.SearchAcronyms.AnyAsync(a => a.Abbreviation == "skck")));
        var missing = await Personas.PostFormAsync(admin, Page + "/Remove?singkatan=tidakada", [], Page);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private async Task<int> TotalAsync(string q) => (await SearchAsync(q)).GetProperty("total").GetInt32();

    private async Task<List<string>> TitlesAsync(string q) =>
        (await SearchAsync(q)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();

    private async Task<JsonElement> SearchAsync(string q)
    {
        var (status, body) = await _public.FetchAsync("/api/v1/search?q=" + Uri.EscapeDataString(q));
        Assert.Equal(HttpStatusCode.OK, status);
        return JsonDocument.Parse(body).RootElement;
    }
}

[Collection(Hosts.SqlitePortal)]
public sealed class SqliteAcronymTests(SqliteApp app) : AcronymTests(app);

[Collection(Hosts.PostgresPortal)]
public sealed class PostgresAcronymTests(PostgresApp app) : AcronymTests(app);
