using System.Net;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Directory;

/// <summary>The service form edits the structured standard; bad hours, links or a rank an editor may not set change nothing.</summary>
[Collection(Hosts.ManyLoginsAdmin)]
public sealed class ServiceAdminTests(ManyLoginsApp app) : WithPersonas(app)
{
    [Fact]
    public async Task Editor_saves_the_structured_standard_and_the_service_page_shows_it()
    {
        var editor = await Personas.SignInAsync(app, People.EditorA.Email);
        var name = "Layanan Posbindu " + Guid.NewGuid().ToString("N")[..4];
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Topic"] = "kesehatan", ["Input.Requirements"] = "1. KTP elektronik\n2. Kartu JKN",
            ["Input.LegalBasis"] = "Peraturan Bupati Nomor 7 Tahun 2026", ["Input.Office"] = "Aula Puskesmas", ["Input.OfficeAddress"] = "Jalan Contoh 1",
            ["Input.MapUrl"] = "https://www.openstreetmap.org/?mlat=-3.6&mlon=102.5", ["Input.Hours"] = "Senin-Jumat 08.00-12.00",
            ["Input.Forms"] = "Formulir Posbindu | /dokumen", ["Input.Reviewed"] = "true",
        };
        var bad = new Dictionary<string, string>(form) { ["Input.Hours"] = "Senin pagi saja", ["Input.PopularRank"] = "1" };
        var refused = await Personas.PostFormAsync(editor, $"/admin/opd/{Personas.OpdA}/layanan/Save", bad, $"/admin/opd/{Personas.OpdA}/layanan");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Jam layanan tidak terbaca: &quot;Senin pagi saja&quot;", page, StringComparison.Ordinal);
        Assert.Contains("Hanya admin yang menentukan layanan terpopuler", page, StringComparison.Ordinal);
        Assert.Contains("Peraturan Bupati Nomor 7 Tahun 2026", page, StringComparison.Ordinal); // what was typed stays
        Assert.False(await app.WithDbAsync(db => db.PublicServices.AnyAsync(s => s.Name == name)));

        var saved = await Personas.PostFormAsync(editor, $"/admin/opd/{Personas.OpdA}/layanan/Save", form, $"/admin/opd/{Personas.OpdA}/layanan");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var slug = await app.WithDbAsync(db => db.PublicServices.Where(s => s.Name == name).Select(s => s.Slug).SingleAsync());
        var html = await app.Browser().GetOkAsync($"/layanan/{Personas.OpdA}/{slug}");
        Assert.Contains("<li>Kartu JKN</li>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>Aula Puskesmas</dd>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/dokumen\">Formulir Posbindu</a>", html, StringComparison.Ordinal);
        Assert.Contains("Senin-Jumat 08.00-12.00", html, StringComparison.Ordinal);
        Assert.Contains($"/layanan/{Personas.OpdA}/{slug}", Html.Links(await app.Browser().GetOkAsync("/layanan?topik=kesehatan"), "/layanan/"));
    }

    [Fact]
    public async Task Opd_hours_that_cannot_be_read_are_refused_and_nothing_changes()
    {
        var before = await app.WithDbAsync(db => db.Opds.Where(o => o.Slug == Personas.OpdA).Select(o => o.Hours).SingleAsync());
        var editor = await Personas.SignInAsync(app, People.EditorA.Email);
        var response = await Personas.PostFormAsync(editor, $"/admin/opd/{Personas.OpdA}/Save", new() { ["Input.Hours"] = "Senin 12.00-08.00" }, $"/admin/opd/{Personas.OpdA}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.Opds.Where(o => o.Slug == Personas.OpdA).Select(o => o.Hours).SingleAsync()));
    }
}
