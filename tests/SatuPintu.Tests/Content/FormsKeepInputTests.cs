using System.Net;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Content;
using SatuPintu.Tests.Infrastructure;
using SkiaSharp;

namespace SatuPintu.Tests.Content;

/// <summary>
/// A form never loses what a person typed: a refused action shows the typed values again, a refused side
/// action (grant a role, add a unit, reject, upload an image) never blanks the main form, and every change
/// that went through redirects (POST/redirect/GET) with its notice.
/// </summary>
public sealed class FormsKeepInputTests(ManyLoginsApp app) : WithPersonas(app), IClassFixture<ManyLoginsApp>
{
    private static string Unique(string prefix) => prefix + " " + Guid.NewGuid().ToString("N")[..6];

    private static async Task<string> FollowAsync(HttpClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetOkAsync(response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_refused_role_or_unit_keeps_the_stored_profile_on_the_form_and_saving_it_wipes_nothing()
    {
        var vision = Unique("Visi tersimpan");
        await app.WithDbAsync(async db =>
        {
            var opd = await db.Opds.SingleAsync(o => o.Slug == Personas.OpdB);
            opd.Vision = vision;
            opd.Phone = "0732-391111";
            return await db.SaveChangesAsync();
        });
        var admin = await Personas.SignInAsync(app, People.Admin.Email);
        var url = $"/admin/opd/{Personas.OpdB}";

        var role = await Personas.PostFormAsync(admin, url + "/AddMember", new() { ["MemberEmail"] = "tidak-ada@uji.kepahiangkab.go.id", ["MemberRole"] = "Reviewer" }, url);
        Assert.Equal(HttpStatusCode.BadRequest, role.StatusCode);
        var html = await role.Content.ReadAsStringAsync();
        Assert.Contains("Akun dengan surel itu tidak ada", html, StringComparison.Ordinal);
        Assert.Contains(vision, html, StringComparison.Ordinal);
        Assert.Contains("0732-391111", html, StringComparison.Ordinal);
        Assert.Contains("value=\"tidak-ada@uji.kepahiangkab.go.id\"", html, StringComparison.Ordinal);

        var unit = await Personas.PostFormAsync(admin, url + "/AddUnit", new() { ["UnitName"] = "", ["UnitKind"] = "UPT" }, url);
        Assert.Equal(HttpStatusCode.BadRequest, unit.StatusCode);
        html = await unit.Content.ReadAsStringAsync();
        Assert.Contains(vision, html, StringComparison.Ordinal);
        Assert.Contains("value=\"UPT\"", html, StringComparison.Ordinal);

        // Saving the form as the refused page showed it keeps the profile.
        var fields = new Dictionary<string, string>();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "name=\"(Input\\.[A-Za-z]+)\"[^>]*?value=\"([^\"]*)\""))
        {
            fields[m.Groups[1].Value] = System.Net.WebUtility.HtmlDecode(m.Groups[2].Value);
        }
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "<textarea[^>]*name=\"(Input\\.[A-Za-z]+)\"[^>]*>\\s*([^<]*)</textarea>"))
        {
            fields[m.Groups[1].Value] = System.Net.WebUtility.HtmlDecode(m.Groups[2].Value);
        }
        var saved = await Personas.PostFormAsync(admin, url + "/Save", fields, url);
        Assert.Contains("Profil disimpan.", await FollowAsync(admin, saved), StringComparison.Ordinal);
        Assert.Equal((vision, "0732-391111"), await app.WithDbAsync(db => db.Opds.Where(o => o.Slug == Personas.OpdB).Select(o => new ValueTuple<string?, string?>(o.Vision, o.Phone)).SingleAsync()));

        var added = await Personas.PostFormAsync(admin, url + "/AddUnit", new() { ["UnitName"] = Unique("UPT Uji"), ["UnitKind"] = "UPT" }, url);
        Assert.Contains("ditambahkan", await FollowAsync(admin, added), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_reject_reason_keeps_the_article_on_the_form()
    {
        var id = await TestArticles.CreateAsync(app, Personas.OpdA, PublicationStatus.Review, Unique("Menunggu tinjauan"));
        var title = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Title).SingleAsync());
        var reviewer = await Personas.SignInAsync(app, People.ReviewerA.Email);
        var url = $"/admin/artikel/{id}";

        var refused = await Personas.PostFormAsync(reviewer, url + "/Reject", new() { ["Input.Reason"] = " " }, url);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Tulis alasan penolakan", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{title}\"", html, StringComparison.Ordinal);
        Assert.Contains("Isi uji.</textarea>", html, StringComparison.Ordinal);
        Assert.Equal(PublicationStatus.Review, await TestArticles.StatusAsync(app, id));

        var rejected = await Personas.PostFormAsync(reviewer, url + "/Reject", new() { ["Input.Reason"] = "Sumber belum jelas." }, url);
        Assert.Contains("Artikel dikembalikan ke editor.", await FollowAsync(reviewer, rejected), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_save_shows_what_was_typed_and_a_good_one_redirects()
    {
        var id = await TestArticles.CreateAsync(app, Personas.OpdA, PublicationStatus.Draft);
        var editor = await Personas.SignInAsync(app, People.EditorA.Email);
        var url = $"/admin/artikel/{id}";
        var body = Unique("Isi yang baru diketik");
        var refused = await Personas.PostFormAsync(editor, url + "/Save", new()
        {
            ["Input.Opd"] = Personas.OpdA, ["Input.Kind"] = "berita", ["Input.Title"] = "", ["Input.Body"] = body, ["Input.Tags"] = "kesehatan",
        }, url);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains(body, html, StringComparison.Ordinal);
        Assert.Contains("Judul wajib diisi", html, StringComparison.Ordinal);

        var good = await Personas.PostFormAsync(editor, url + "/Save", new()
        {
            ["Input.Opd"] = Personas.OpdA, ["Input.Kind"] = "berita", ["Input.Title"] = Unique("Judul"), ["Input.Body"] = body,
        }, url);
        Assert.Equal(url, good.Headers.Location?.ToString());
        var after = await FollowAsync(editor, good);
        Assert.Contains("Perubahan disimpan.", after, StringComparison.Ordinal);
        // The notice is shown once, not on every later visit.
        Assert.DoesNotContain("Perubahan disimpan.", await editor.GetOkAsync(url), StringComparison.Ordinal);
    }

    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(40, 30);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SeaGreen);
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    private static async Task<HttpResponseMessage> UploadWithFormAsync(HttpClient client, int id, string title, string body, byte[] image, string fileName)
    {
        var page = await client.GetStringAsync(new Uri($"/admin/artikel/{id}", UriKind.Relative));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Personas.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(Personas.OpdA), "Input.Opd" },
            { new StringContent("berita"), "Input.Kind" },
            { new StringContent(title), "Input.Title" },
            { new StringContent(body), "Input.Body" },
            { new StringContent("Foto kegiatan"), "ImageAlt" },
            { new ByteArrayContent(image), "Image", fileName },
        };
        return await client.PostAsync(new Uri($"/admin/artikel/{id}/Image", UriKind.Relative), form);
    }

    [Fact]
    public async Task Uploading_an_image_keeps_the_unsaved_edits_and_a_refused_image_keeps_them_on_the_form()
    {
        var id = await TestArticles.CreateAsync(app, Personas.OpdA, PublicationStatus.Draft);
        var editor = await Personas.SignInAsync(app, People.EditorA.Email);
        var title = Unique("Judul belum disimpan");
        var body = Unique("Isi belum disimpan");

        var refused = await UploadWithFormAsync(editor, id, title, body, "<svg onload=\"alert(1)\"/>"u8.ToArray(), "gambar.svg");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains(body, html, StringComparison.Ordinal);
        Assert.Equal("Isi uji.", await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.BodyMarkdown).SingleAsync()));

        var uploaded = await UploadWithFormAsync(editor, id, title, body, Png(), "foto.png");
        Assert.Contains("Gambar diunggah", await FollowAsync(editor, uploaded), StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => new { a.Title, a.BodyMarkdown }).SingleAsync());
        Assert.Equal(title, stored.Title);
        Assert.StartsWith(body + "\n\n![Foto kegiatan](/media/", stored.BodyMarkdown, StringComparison.Ordinal);
    }
}
