using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using DiffPlex.DiffBuilder.Model;
using SatuPintu.Content.Admin;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Content;

/// <summary>Every save is a revision; the editor sees a readable diff and can restore an earlier one.</summary>
[Collection(Hosts.ManyLoginsAdmin)]
public sealed class RevisionTests(ManyLoginsApp app) : WithPersonas(app)
{
    [Fact]
    public async Task Edits_make_revisions_with_a_diff_and_restoring_brings_the_old_text_back()
    {
        var api = Personas.Api(app, People.EditorA);
        var created = await (await api.PostAsJsonAsync("/api/v1/articles", new { opd = Personas.OpdA, kind = "berita", title = "Versi satu", body = "Baris sama\nBaris lama" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/articles/{id}", new { opd = Personas.OpdA, kind = "berita", title = "Versi dua", body = "Baris sama\nBaris baru" })).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));

        var editor = await Personas.SignInAsync(app, People.EditorA.Email);
        var page = await editor.GetOkAsync($"/admin/artikel/{id}/revisi?banding=1");
        Assert.Contains("<del>− Baris lama</del>", page, StringComparison.Ordinal);
        Assert.Contains("<ins>+ Baris baru</ins>", page, StringComparison.Ordinal);
        Assert.Contains("<span>&nbsp; Baris sama</span>", page, StringComparison.Ordinal);

        var restored = await Personas.PostFormAsync(editor, $"/admin/artikel/{id}/revisi/Restore?revision=1", [], $"/admin/artikel/{id}/revisi");
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var article = await app.WithDbAsync(db => db.Articles.SingleAsync(a => a.Id == id));
        Assert.Equal("Versi satu", article.Title);
        Assert.Contains("Baris lama", article.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(3, await app.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(new Uri($"/admin/artikel/{id}/revisi?banding=99", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public void Line_diff_keeps_order_and_marks_changes()
    {
        var diff = RevisionsModel.Compare("a\nb\nc\n  d", "a\nx\nc\nd\ne");
        Assert.Equal(
            [(ChangeType.Unchanged, "a"), (ChangeType.Deleted, "b"), (ChangeType.Inserted, "x"), (ChangeType.Unchanged, "c"),
             (ChangeType.Deleted, "  d"), (ChangeType.Inserted, "d"), (ChangeType.Inserted, "e")],
            diff.Select(l => (l.Type, l.Text)));
    }
}
