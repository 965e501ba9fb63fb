using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Shared;
using SatuPintu.Accounts;

namespace SatuPintu.Content;

/// <summary>
/// A correction to a published article: an editor (who may not change what is public) proposes it as a
/// revision; the published version stays live until a reviewer accepts it, which applies it like an edit
/// (the public page then says "Diperbarui"), or declines it. A correction covers title, summary and body.
/// </summary>
public sealed partial class ArticlePublishing
{
    public Task<ArticleRevision?> ProposalAsync(Article article, CancellationToken ct) =>
        article.ProposedRevision is { } number
            ? db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.ArticleId == article.Id && r.Number == number, ct)
            : Task.FromResult<ArticleRevision?>(null);

    public async Task<Outcome<Article>> ProposeCorrectionAsync(ClaimsPrincipal user, int id, ArticleInput input, CancellationToken ct)
    {
        var article = await FindAsync(id, ct);
        if (article is null || Hidden(user, article))
        {
            return ArticleRefusals.NotFound;
        }
        if (!user.Can(OpdRight.Edit, article.OpdId))
        {
            return ArticleRefusals.Forbidden;
        }
        if (article.Status != PublicationStatus.Published)
        {
            return Outcome<Article>.Conflict("Koreksi hanya untuk artikel yang sudah terbit; artikel ini dapat diubah langsung.");
        }
        if (Review.StaleVersion(article, input.Version, "artikel") is { } stale)
        {
            return Outcome<Article>.Conflict(stale);
        }
        // Checked as an edit would be; only title, summary and body go into the proposal.
        var (errors, _, _, _) = await ValidateAsync(ArticleInput.From(article) with { Title = input.Title, Summary = input.Summary, Body = input.Body }, ct);
        if (errors.Count > 0)
        {
            return Outcome<Article>.Invalid(errors);
        }
        var last = await db.ArticleRevisions.Where(r => r.ArticleId == id).MaxAsync(r => (int?)r.Number, ct) ?? 0;
        db.ArticleRevisions.Add(new ArticleRevision
        {
            Article = article, Number = last + 1, OpdId = article.OpdId, Kind = article.Kind, Title = HtmlCleaner.PlainText(input.Title),
            Summary = HtmlCleaner.PlainText(input.Summary) is { Length: > 0 } s ? s : null, BodyMarkdown = input.Body ?? "",
            CreatedAt = Now, CreatedBy = Actor(user),
        });
        article.ProposedRevision = last + 1;
        article.Version++;
        article.UpdatedBy = Actor(user);
        return await SaveAsync(article, ct);
    }

    /// <summary>Applies the proposal as an edit by the reviewer; <paramref name="version"/> is the version the reviewer saw.</summary>
    public async Task<Outcome<Article>> AcceptCorrectionAsync(ClaimsPrincipal user, int id, int? version, CancellationToken ct)
    {
        var (refusal, article, proposal) = await CorrectionAsync(user, id, version, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var input = ArticleInput.From(article!) with { Title = proposal!.Title, Summary = proposal.Summary, Body = proposal.BodyMarkdown, Version = version };
        return await UpdateAsync(user, id, input, ct, a => a.ProposedRevision = null);
    }

    public async Task<Outcome<Article>> DeclineCorrectionAsync(ClaimsPrincipal user, int id, int? version, CancellationToken ct)
    {
        var (refusal, article, _) = await CorrectionAsync(user, id, version, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        // The proposal stays in the history as the revision it is.
        article!.ProposedRevision = null;
        article.Version++;
        article.UpdatedBy = Actor(user);
        return await SaveAsync(article, ct);
    }

    /// <summary>The article and its proposal when the user may decide on it; otherwise why not.</summary>
    private async Task<(Outcome<Article>? Refusal, Article? Article, ArticleRevision? Proposal)> CorrectionAsync(ClaimsPrincipal user, int id, int? version, CancellationToken ct)
    {
        var article = await FindAsync(id, ct);
        if (article is null || Hidden(user, article))
        {
            return (ArticleRefusals.NotFound, null, null);
        }
        if (!user.Can(OpdRight.Publish, article.OpdId))
        {
            return (ArticleRefusals.Forbidden, null, null);
        }
        if (Review.StaleVersion(article, version, "artikel") is { } stale)
        {
            return (Outcome<Article>.Conflict(stale), null, null);
        }
        return await ProposalAsync(article, ct) is { } proposal
            ? (null, article, proposal)
            : (Outcome<Article>.Conflict("Tidak ada koreksi yang menunggu untuk artikel ini."), null, null);
    }
}
