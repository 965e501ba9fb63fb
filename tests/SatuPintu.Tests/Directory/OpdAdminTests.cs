using System.Net;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Directory;

/// <summary>OPD profiles are edited by the OPD's own people; names, units and roles by Diskominfo.</summary>
[Collection(Hosts.ManyLoginsAdmin)]
public sealed class OpdAdminTests(ManyLoginsApp app) : WithPersonas(app)
{
    [Fact]
    public async Task Editor_updates_the_profile_and_the_portal_shows_it_at_once_but_the_name_stays()
    {
        var portal = app.Browser();
        await portal.GetOkAsync($"/opd/{Personas.OpdA}"); // warm the output cache
        var editor = await Personas.SignInAsync(app, People.EditorA.Email);
        var vision = "Kepahiang sehat " + Guid.NewGuid().ToString("N")[..6];
        var response = await Personas.PostFormAsync(editor, $"/admin/opd/{Personas.OpdA}/Save", new()
        {
            ["Input.Name"] = "Dinas Nama Baru", ["Input.Vision"] = vision, ["Input.Website"] = "https://dinkes.kepahiangkab.go.id",
        }, $"/admin/opd/{Personas.OpdA}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await portal.GetOkAsync($"/opd/{Personas.OpdA}");
        Assert.Contains(vision, page, StringComparison.Ordinal);
        Assert.Contains("<h1>Dinas Kesehatan</h1>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_adds_and_edits_a_public_service_that_shows_on_the_opd_page()
    {
        var editor = await Personas.SignInAsync(app, People.EditorA.Email);
        var name = "Layanan Posyandu Lansia " + Guid.NewGuid().ToString("N")[..4];
        var added = await Personas.PostFormAsync(editor, $"/admin/opd/{Personas.OpdA}/layanan/Save", new()
        {
            ["Input.Name"] = name, ["Input.Requirements"] = "KTP elektronik", ["Input.Cost"] = "Gratis",
        }, $"/admin/opd/{Personas.OpdA}/layanan");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = await app.WithDbAsync(db => db.PublicServices.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());
        var edited = await Personas.PostFormAsync(editor, $"/admin/opd/{Personas.OpdA}/layanan/Save", new()
        {
            ["Input.Id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Name"] = name, ["Input.Cost"] = "Tidak dipungut biaya",
        }, $"/admin/opd/{Personas.OpdA}/layanan");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var page = await app.Browser().GetOkAsync($"/opd/{Personas.OpdA}");
        Assert.Contains(name, page, StringComparison.Ordinal);
        Assert.Equal("Tidak dipungut biaya", await app.WithDbAsync(db => db.PublicServices.Where(s => s.Id == id).Select(s => s.Cost).SingleAsync()));

        var empty = await Personas.PostFormAsync(editor, $"/admin/opd/{Personas.OpdA}/layanan/Save", new() { ["Input.Name"] = " " }, $"/admin/opd/{Personas.OpdA}/layanan");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task Bad_contacts_are_refused_with_the_field_and_nothing_changes()
    {
        var before = await app.WithDbAsync(db => db.Opds.Where(o => o.Slug == Personas.OpdA).Select(o => o.Website).SingleAsync());
        var reviewer = await Personas.SignInAsync(app, People.ReviewerA.Email);
        var response = await Personas.PostFormAsync(reviewer, $"/admin/opd/{Personas.OpdA}/Save", new()
        {
            ["Input.Website"] = "javascript:alert(1)", ["Input.Email"] = "bukan surel",
        }, $"/admin/opd/{Personas.OpdA}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Situs harus alamat http(s) lengkap", html, StringComparison.Ordinal);
        Assert.Contains("Surel tidak valid", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Opds.Where(o => o.Slug == Personas.OpdA).Select(o => o.Website).SingleAsync()));
    }

    [Fact]
    public async Task Admin_creates_an_opd_adds_a_unit_and_gives_a_person_a_role()
    {
        var admin = await Personas.SignInAsync(app, People.Admin.Email);
        var name = "Badan Riset dan Inovasi Daerah " + Guid.NewGuid().ToString("N")[..4];
        var created = await Personas.PostFormAsync(admin, "/admin/opd/Create", new() { ["Input.Name"] = name, ["Input.ShortName"] = "BRIDA", ["Input.Kind"] = "Badan", ["Input.Slug"] = "" }, "/admin/opd");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var slug = created.Headers.Location!.ToString().Split('/')[^1];
        Assert.Equal("brida", slug);
        Assert.DoesNotContain(name, await app.Browser().GetOkAsync("/opd"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Personas.PostFormAsync(admin, $"/admin/opd/{slug}/Save", new() { ["Input.Name"] = name, ["Input.ShortName"] = "BRIDA", ["Input.Address"] = "Jl. Santoso, Kepahiang" }, $"/admin/opd/{slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Personas.PostFormAsync(admin, $"/admin/opd/{slug}/Visibility?show=true", [], $"/admin/opd/{slug}")).StatusCode);
        Assert.Contains(name, await app.Browser().GetOkAsync("/opd"), StringComparison.Ordinal);

        var unit = await Personas.PostFormAsync(admin, $"/admin/opd/{slug}/AddUnit", new() { ["UnitName"] = "UPT Laboratorium Inovasi", ["UnitKind"] = "UPT" }, $"/admin/opd/{slug}");
        Assert.Equal(HttpStatusCode.Redirect, unit.StatusCode);
        var member = await Personas.PostFormAsync(admin, $"/admin/opd/{slug}/AddMember", new() { ["MemberEmail"] = People.EditorA.Email, ["MemberRole"] = "Reviewer" }, $"/admin/opd/{slug}");
        Assert.Equal(HttpStatusCode.Redirect, member.StatusCode);

        // The new role holds for the person's next sign-in: they may now edit BRIDA.
        var editor = await Personas.SignInAsync(app, People.EditorA.Email);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(new Uri($"/admin/opd/{slug}", UriKind.Relative))).StatusCode);
        Assert.Contains("UPT Laboratorium Inovasi", await app.Browser().GetOkAsync($"/opd/{slug}"), StringComparison.Ordinal);

        var duplicate = await Personas.PostFormAsync(admin, "/admin/opd/Create", new() { ["Input.Name"] = "Lagi", ["Input.Slug"] = "brida", ["Input.Kind"] = "Badan" }, "/admin/opd");
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("sudah dipakai", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
