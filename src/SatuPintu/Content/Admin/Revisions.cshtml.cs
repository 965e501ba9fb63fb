using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Data;
using SatuPintu.Shared;

namespace SatuPintu.Content.Admin;

/// <summary>/admin/artikel/{id}/revisi: every saved version, a line diff against the current text, and restore.</summary>
public sealed class RevisionsModel(SatuPintuDb db, ArticlePublishing publishing) : PageModel
{
    public Article Article { get; private set; } = null!;
    public IReadOnlyList<ArticleRevision> Revisions { get; private set; } = [];
    public ArticleRevision? Compared { get; private set; }
    public IReadOnlyList<DiffPiece> Diff { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? banding, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }
        Compared = banding is { } n ? Revisions.FirstOrDefault(r => r.Number == n) : Revisions.Skip(1).FirstOrDefault();
        if (banding is not null && Compared is null)
        {
            return NotFound();
        }
        if (Compared is not null)
        {
            Diff = Compare(Text(Compared.Title, Compared.Summary, Compared.BodyMarkdown), Text(Article.Title, Article.Summary, Article.BodyMarkdown ?? ""));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int revision, CancellationToken ct)
    {
        var outcome = await publishing.RestoreAsync(User, id, revision, ct);
        return outcome.Status switch
        {
            OutcomeStatus.Ok => Redirect($"/admin/artikel/{id}/revisi?dipulihkan={revision}"),
            OutcomeStatus.NotFound => NotFound(),
            OutcomeStatus.Forbidden => Forbid(),
            _ => StatusCode(StatusCodes.Status409Conflict),
        };
    }

    private static string Text(string title, string? summary, string body) => $"# {title}\n\n{summary}\n\n{body}";

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().Include(a => a.Opd).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return NotFound();
        }
        if (!User.Can(OpdRight.Edit, article.OpdId))
        {
            return Forbid();
        }
        Article = article;
        Revisions = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderByDescending(r => r.Number).ToListAsync(ct);
        if (Request.Query.TryGetValue("dipulihkan", out var restored))
        {
            Message = $"Revisi {restored} dipulihkan sebagai revisi baru.";
        }
        return null;
    }

    /// <summary>Line diff by DiffPlex (Myers); whitespace counts, since indentation is meaningful in Markdown.</summary>
    internal static IReadOnlyList<DiffPiece> Compare(string before, string after) =>
        InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false).Lines;
}
