using System.Net;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Directory;

/// <summary>
/// Units (puskesmas, UPT, bagian) are kept by the OPD's own people in the admin area: added, edited and
/// archived with their own address, phone and hours, shown on the OPD page with "Buka"/"Tutup".
/// </summary>
public abstract class UnitAdminTests(SatuPintuApp app) : WithPersonas(app)
{
    private static readonly string Units = $"/admin/opd/{Personas.OpdA}/unit";

    [Fact]
    public async Task An_editor_adds_edits_and_archives_a_unit_of_their_own_opd_and_the_opd_page_follows()
    {
        var editor = await Personas.SignInAsync(app, People.EditorA.Email);
        Assert.Contains("Tambah unit", await editor.GetOkAsync(Units), StringComparison.Ordinal);
        var refusedPage = await editor.FetchAsync($"/admin/opd/{Personas.OpdB}/unit");
        Assert.NotEqual(HttpStatusCode.OK, refusedPage.Status);
        Assert.DoesNotContain("Tambah unit", refusedPage.Body, StringComparison.Ordinal);
        // A word of letters only, found by search through the unit and through its OPD's entry, which names its units.
        var word = "Zq" + string.Concat(Guid.NewGuid().ToByteArray().Take(6).Select(b => (char)('a' + (b % 26))));
        var name = "Puskesmas Uji " + word;
        var count = await app.WithDbAsync(db => db.OpdUnits.CountAsync());

        // Refused with the reasons in Indonesian, nothing written, and what was typed is still in the form.
        var refused = await Personas.PostFormAsync(editor, Units + "/Save", new()
        {
            ["Input.Name"] = " ", ["Input.KindLabel"] = "Puskesmas", ["Input.Address"] = "Jl. Uji No. 7, Kelobak", ["Input.Hours"] = "Senin jam delapan",
        }, Units);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Nama unit wajib diisi", html, StringComparison.Ordinal);
        Assert.Contains("Senin jam delapan", html, StringComparison.Ordinal);
        Assert.Contains("Jl. Uji No. 7, Kelobak", html, StringComparison.Ordinal);
        Assert.Equal(count, await app.WithDbAsync(db => db.OpdUnits.CountAsync()));

        var added = await Personas.PostFormAsync(editor, Units + "/Save", new()
        {
            ["Input.Name"] = name, ["Input.KindLabel"] = "Puskesmas", ["Input.Address"] = "Jl. Uji No. 7, Kelobak", ["Input.Phone"] = "(0732) 391 777", ["Input.Hours"] = "Setiap hari 24 jam",
        }, Units);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = await app.WithDbAsync(db => db.OpdUnits.Where(u => u.Name == name).Select(u => u.Id).SingleAsync());
        var portal = app.Browser();
        var page = await portal.GetOkAsync($"/opd/{Personas.OpdA}");
        Assert.Contains(name, page, StringComparison.Ordinal);
        Assert.Contains("Buka 24 jam", page, StringComparison.Ordinal);
        Assert.Contains("tel:0732391777", page, StringComparison.Ordinal);

        await SearchFindsAsync(portal, word, opdEntry: true);

        Assert.Contains("value=\"(0732) 391 777\"", await editor.GetOkAsync($"{Units}?ubah={id}"), StringComparison.Ordinal);
        var edited = await Personas.PostFormAsync(editor, Units + "/Save", new()
        {
            ["Input.Id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Name"] = name, ["Input.KindLabel"] = "Puskesmas",
            ["Input.Address"] = "Jl. Uji No. 8", ["Input.Phone"] = "(0732) 391 778", ["Input.Hours"] = "Senin-Minggu tutup",
        }, Units);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        page = await portal.GetOkAsync($"/opd/{Personas.OpdA}");
        Assert.Contains("Jl. Uji No. 8", page, StringComparison.Ordinal);
        Assert.Contains("class=\"closed\">Tutup", page, StringComparison.Ordinal);

        // Another OPD's unit id is not this OPD's to edit.
        var otherId = await app.WithDbAsync(db => db.OpdUnits.Where(u => u.Opd!.Slug == Personas.OpdB).Select(u => (int?)u.Id).FirstOrDefaultAsync());
        if (otherId is { } other)
        {
            var foreign = await Personas.PostFormAsync(editor, Units + "/Save", new()
            {
                ["Input.Id"] = other.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Name"] = "Diambil alih", ["Input.KindLabel"] = "UPT",
            }, Units);
            Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
            Assert.NotEqual("Diambil alih", await app.WithDbAsync(db => db.OpdUnits.Where(u => u.Id == other).Select(u => u.Name).SingleAsync()));
        }

        var archived = await Personas.PostFormAsync(editor, $"{Units}/Archive?id={id}", [], Units);
        Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
        Assert.DoesNotContain(name, await portal.GetOkAsync($"/opd/{Personas.OpdA}"), StringComparison.Ordinal);
        Assert.Contains("diarsipkan", await editor.GetOkAsync(Units), StringComparison.Ordinal);
        await SearchFindsAsync(portal, word, opdEntry: false);
        Assert.Equal(HttpStatusCode.Redirect, (await Personas.PostFormAsync(editor, $"{Units}/Archive?id={id}", [], Units)).StatusCode);
        Assert.Contains(name, await portal.GetOkAsync($"/opd/{Personas.OpdA}"), StringComparison.Ordinal);
        await SearchFindsAsync(portal, word, opdEntry: true);

        var admin = await Personas.SignInAsync(app, People.Admin.Email);
        var audit = await admin.GetOkAsync("/admin/audit?entity=OpdUnit");
        Assert.Contains("Unit layanan dibuat", audit, StringComparison.Ordinal);
        Assert.Contains("Jam layanan", audit, StringComparison.Ordinal);
    }

    /// <summary>
    /// Waits until search answers <paramref name="word"/> with the OPD's own entry (not only the unit's
    /// <c>#unit</c> hit) exactly when <paramref name="opdEntry"/>: an archived unit leaves its OPD's entry too.
    /// </summary>
    private static async Task SearchFindsAsync(HttpClient portal, string word, bool opdEntry)
    {
        var opdHit = $"\"url\":\"/opd/{Personas.OpdA}\"";
        var unitHit = $"\"url\":\"/opd/{Personas.OpdA}#unit\"";
        await Search.IndexWait.UntilAsync(async () =>
        {
            var json = await portal.GetOkAsync("/api/v1/search?q=" + word);
            return json.Contains(opdHit, StringComparison.Ordinal) == opdEntry && json.Contains(unitHit, StringComparison.Ordinal) == opdEntry;
        }, $"search for {word}: the OPD's entry {(opdEntry ? "missing" : "still names the archived unit")}");
    }
}

[Collection(Hosts.SqlitePortal)]
public sealed class SqliteUnitAdminTests(SqliteApp app) : UnitAdminTests(app);

[Collection(Hosts.PostgresPortal)]
public sealed class PostgresUnitAdminTests(PostgresApp app) : UnitAdminTests(app);
