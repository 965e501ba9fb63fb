using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Data;
using SatuPintu.Directory;
using SatuPintu.Shared;

namespace SatuPintu.Content;

/// <summary>
/// Every change to an article — create, edit, submit, publish (now or scheduled), reject, unpublish,
/// delete — goes through here, from the admin pages and from the API alike, so validation and the
/// authorization rule (<see cref="Access"/>) exist once.
/// Workflow: Draft → Review → Published (or Scheduled → Published), Review → Rejected → Review …
/// </summary>
public sealed partial class ArticlePublishing(SatuPintuDb db, HtmlCleaner cleaner, TimeProvider time, Uploads.UploadStore uploads)
{
    public const int MaxTitle = 300;
    public const int MaxSummary = 1000;
    public const int MaxBody = 200_000;
    public const int MaxPlace = 300;

    public Task<Article?> FindAsync(int id, CancellationToken ct) =>
        db.Articles.Include(a => a.Opd).Include(a => a.Tags).Include(a => a.LeadImage).FirstOrDefaultAsync(a => a.Id == id, ct);

    public async Task<Outcome<Article>> CreateAsync(ClaimsPrincipal user, ArticleInput input, CancellationToken ct)
    {
        var (errors, opd, kind, tags) = await ValidateAsync(input, ct);
        if (opd is not null && !user.Can(OpdRight.Edit, opd.Id))
        {
            return ArticleRefusals.Forbidden;
        }
        var lead = await ValidateLeadImageAsync(null, opd, input, errors, ct);
        if (errors.Count > 0)
        {
            return Outcome<Article>.Invalid(errors);
        }
        var now = Now;
        var article = new Article
        {
            OpdId = opd!.Id, Opd = opd, Kind = kind, Slug = await UniqueSlugAsync(input.Title!, ct), Title = "",
            Status = PublicationStatus.Draft, CreatedAt = now, CreatedBy = Actor(user),
        };
        Apply(article, input, kind, tags, user);
        ApplyLeadImage(article, input, lead);
        db.Articles.Add(article);
        AddRevision(article, 1, user);
        await SaveWithUniqueSlugAsync(article, input.Title!, ct);
        return Outcome<Article>.Ok(article);
    }

    /// <param name="also">A further change saved with this one (accepting a correction clears the proposal).</param>
    public async Task<Outcome<Article>> UpdateAsync(ClaimsPrincipal user, int id, ArticleInput input, CancellationToken ct, Action<Article>? also = null)
    {
        var article = await FindAsync(id, ct);
        if (article is null || Hidden(user, article))
        {
            return ArticleRefusals.NotFound;
        }
        if (!MayEdit(user, article))
        {
            return ArticleRefusals.Forbidden;
        }
        if (Review.StaleVersion(article, input.Version, "artikel") is { } stale)
        {
            return Outcome<Article>.Conflict(stale);
        }
        var (errors, opd, kind, tags) = await ValidateAsync(input, ct);
        // Moving to another OPD needs there the same right as editing it here (a published article: Publish).
        if (opd is not null && opd.Id != article.OpdId && !user.Can(RightToEdit(article), opd.Id))
        {
            return ArticleRefusals.Forbidden;
        }
        var lead = await ValidateLeadImageAsync(article, opd, input, errors, ct);
        await ValidateAddressAsync(article, input.Slug, errors, ct);
        if (errors.Count > 0)
        {
            return Outcome<Article>.Invalid(errors);
        }
        article.OpdId = opd!.Id;
        article.Opd = opd;
        article.Kind = kind;
        Apply(article, input, kind, tags, user);
        ApplyLeadImage(article, input, lead);
        ChangeAddress(article, input.Slug);
        also?.Invoke(article);
        var last = await db.ArticleRevisions.Where(r => r.ArticleId == id).MaxAsync(r => (int?)r.Number, ct) ?? 0;
        AddRevision(article, last + 1, user);
        return await SaveAsync(article, ct);
    }

    /// <summary>Saves a change to an existing article; a change saved by someone else in between is a 409, not an overwrite.</summary>
    private async Task<Outcome<Article>> SaveAsync(Article article, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome<Article>.Ok(article);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Article>.Conflict(Review.StaleMessage("artikel"));
        }
    }

    public Task<Outcome<Article>> SubmitAsync(ClaimsPrincipal user, int id, CancellationToken ct) =>
        TransitionAsync(user, id, OpdRight.Edit, a => Review.Submit(a, "artikel"), ct);

    /// <summary>
    /// Publishes now, or schedules when <paramref name="at"/> is in the future. With <paramref name="version"/>
    /// (the version the reviewer opened), a newer version is refused, so exactly what was reviewed goes out.
    /// </summary>
    public Task<Outcome<Article>> PublishAsync(ClaimsPrincipal user, int id, DateTime? at, CancellationToken ct, int? version = null) =>
        TransitionAsync(user, id, OpdRight.Publish, a =>
        {
            if (a.Status == PublicationStatus.Published)
            {
                return "Artikel ini sudah terbit.";
            }
            if (Review.StaleVersion(a, version, "artikel") is { } stale)
            {
                return stale;
            }
            var now = Now;
            if (Utc(at) is { } when && when > now)
            {
                a.Status = PublicationStatus.Scheduled;
                a.PublishAt = when;
            }
            else
            {
                a.Status = PublicationStatus.Published;
                a.PublishAt = now;
                a.FirstPublishedAt ??= now;
            }
            a.RejectionReason = null;
            return null;
        }, ct);

    public async Task<Outcome<Article>> RejectAsync(ClaimsPrincipal user, int id, string? reason, CancellationToken ct)
    {
        // Rights before the reason: whoever may not reject learns nothing, whatever they send.
        if (await FindAsync(id, ct) is not { } found || Hidden(user, found))
        {
            return ArticleRefusals.NotFound;
        }
        if (!user.Can(OpdRight.Publish, found.OpdId))
        {
            return ArticleRefusals.Forbidden;
        }
        if (Review.ReasonError(reason, out var clean) is { } error)
        {
            return Outcome<Article>.Invalid(error);
        }
        return await TransitionAsync(user, id, OpdRight.Publish, a => Review.Reject(a, clean, "artikel"), ct);
    }

    public Task<Outcome<Article>> UnpublishAsync(ClaimsPrincipal user, int id, CancellationToken ct) =>
        TransitionAsync(user, id, OpdRight.Publish, a =>
        {
            if (a.Status is not (PublicationStatus.Published or PublicationStatus.Scheduled))
            {
                return "Artikel ini belum terbit.";
            }
            if (a.Status == PublicationStatus.Published)
            {
                a.FirstPublishedAt ??= a.PublishAt ?? Now;
            }
            a.Status = PublicationStatus.Draft;
            return null;
        }, ct);

    /// <summary>Restores an earlier revision's title, summary, body and kind; the restore is itself a new revision.</summary>
    public async Task<Outcome<Article>> RestoreAsync(ClaimsPrincipal user, int id, int number, CancellationToken ct)
    {
        var article = await FindAsync(id, ct);
        var revision = await db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.ArticleId == id && r.Number == number, ct);
        if (article is null || revision is null)
        {
            return ArticleRefusals.NotFound;
        }
        var input = ArticleInput.From(article) with { Title = revision.Title, Summary = revision.Summary, Body = revision.BodyMarkdown, Kind = revision.Kind.UrlWord() };
        return await UpdateAsync(user, id, input, ct);
    }

    private void AddRevision(Article a, int number, ClaimsPrincipal user) => db.ArticleRevisions.Add(ArticleRevision.Of(a, number, Actor(user), Now));

    /// <summary>
    /// Unpublished work of an OPD the user may not edit: answered as absent (404), as reading it is, so a
    /// change cannot tell whether it exists (a 403 would).
    /// </summary>
    private static bool Hidden(ClaimsPrincipal user, Article a) => a.Status != PublicationStatus.Published && !user.Can(OpdRight.Edit, a.OpdId);

    /// <summary>Editors edit until publication; after that only reviewers and admins do.</summary>
    public static bool MayEdit(ClaimsPrincipal user, Article a) => user.Can(RightToEdit(a), a.OpdId);

    private static OpdRight RightToEdit(Article a) => a.Status is PublicationStatus.Published or PublicationStatus.Scheduled ? OpdRight.Publish : OpdRight.Edit;

    private async Task<Outcome<Article>> TransitionAsync(ClaimsPrincipal user, int id, OpdRight permission, Func<Article, string?> change, CancellationToken ct)
    {
        var article = await FindAsync(id, ct);
        if (article is null || Hidden(user, article))
        {
            return ArticleRefusals.NotFound;
        }
        if (!user.Can(permission, article.OpdId))
        {
            return ArticleRefusals.Forbidden;
        }
        if (change(article) is { } refusal)
        {
            return Outcome<Article>.Conflict(refusal);
        }
        article.UpdatedAt = Now;
        article.UpdatedBy = Actor(user);
        await PublishAttachmentsAsync(article, ct);
        return await SaveAsync(article, ct);
    }

    private void Apply(Article article, ArticleInput input, ArticleKind kind, List<Tag> tags, ClaimsPrincipal user)
    {
        article.Title = HtmlCleaner.PlainText(input.Title);
        article.Summary = HtmlCleaner.PlainText(input.Summary) is { Length: > 0 } s ? s : null;
        article.BodyMarkdown = input.Body ?? "";
        article.BodyHtml = cleaner.FromMarkdown(article.BodyMarkdown);
        article.EventStart = kind == ArticleKind.Agenda ? Utc(input.EventStart) : null;
        article.EventEnd = kind == ArticleKind.Agenda ? Utc(input.EventEnd) : null;
        article.EventPlace = kind == ArticleKind.Agenda && HtmlCleaner.PlainText(input.EventPlace) is { Length: > 0 } p ? p : null;
        article.Category = AnnouncementCategories.Validate(kind, input.Category, out _);
        article.Tags.Clear();
        article.Tags.AddRange(tags);
        article.UpdatedAt = Now;
        article.UpdatedBy = Actor(user);
        if (article.EverPublished)
        {
            article.RevisedAt = Now;
        }
        Review.Changed(article);
    }

    private async Task<(Dictionary<string, string[]> Errors, Opd? Opd, ArticleKind Kind, List<Tag> Tags)> ValidateAsync(ArticleInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];

        Opd? opd = null;
        if (string.IsNullOrWhiteSpace(input.Opd))
        {
            Error("opd", "Pilih perangkat daerah.");
        }
        else
        {
            opd = Shared.Slug.IsWellFormed(input.Opd) ? await db.Opds.FirstOrDefaultAsync(o => o.Slug == input.Opd && o.ArchivedAt == null, ct) : null;
            if (opd is null)
            {
                Error("opd", $"Perangkat daerah \"{Shorten(input.Opd)}\" tidak ada.");
            }
        }
        var kind = ArticleKinds.FromUrlWord(input.Kind);
        if (kind is null)
        {
            Error("kind", "Jenis harus berita, pengumuman atau agenda.");
        }
        if (AnnouncementCategories.Validate(kind, input.Category, out var categoryError) is null && categoryError is not null) { Error("category", categoryError); }
        var title = HtmlCleaner.PlainText(input.Title);
        if (title.Length == 0)
        {
            Error("title", "Judul wajib diisi.");
        }
        else if (title.Length > MaxTitle)
        {
            Error("title", $"Judul paling banyak {MaxTitle} karakter.");
        }
        if ((input.Summary?.Length ?? 0) > MaxSummary)
        {
            Error("summary", $"Ringkasan paling banyak {MaxSummary} karakter.");
        }
        if ((input.Body?.Length ?? 0) > MaxBody)
        {
            Error("body", $"Isi paling banyak {MaxBody / 1000} ribu karakter.");
        }
        else if (await cleaner.RenderAsync(input.Body, ct) is { Error: { } bodyError })
        {
            Error("body", bodyError);
        }
        if (kind == ArticleKind.Agenda)
        {
            if (input.EventStart is null)
            {
                Error("eventStart", "Agenda wajib punya waktu mulai.");
            }
            else if (input.EventEnd is { } end && end < input.EventStart)
            {
                Error("eventEnd", "Waktu selesai tidak boleh sebelum waktu mulai.");
            }
            if ((input.EventPlace?.Length ?? 0) > MaxPlace)
            {
                Error("eventPlace", $"Tempat paling banyak {MaxPlace} karakter.");
            }
        }
        var tags = new List<Tag>();
        var wanted = (input.Tags ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct().ToList();
        if (wanted.Count > 10)
        {
            Error("tags", "Paling banyak 10 topik.");
        }
        else if (wanted.Count > 0)
        {
            tags = await db.Tags.Where(t => wanted.Contains(t.Slug)).ToListAsync(ct);
            var unknown = wanted.Except(tags.Select(t => t.Slug)).ToList();
            if (unknown.Count > 0)
            {
                Error("tags", "Topik tidak dikenal: " + string.Join(", ", unknown.Select(Shorten)));
            }
        }
        return (errors, opd, kind ?? ArticleKind.Berita, tags);
    }

    private async Task<string> UniqueSlugAsync(string title, CancellationToken ct)
    {
        var baseSlug = Shared.Slug.From(title, 90) is { Length: > 0 } s ? s : "artikel";
        var slug = baseSlug;
        for (var n = 2; await AddressTakenAsync(slug, null, ct); n++)
        {
            slug = $"{baseSlug}-{n}";
        }
        return slug;
    }

    /// <summary>
    /// The free slug is looked up before the insert, so two people saving the same title at once can pick the
    /// same one; the unique index refuses the loser, who takes the next free variant and saves again.
    /// </summary>
    private async Task SaveWithUniqueSlugAsync(Article article, string title, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException e) when (attempt < 50 && Shared.UniqueViolation.On(e, "Slug"))
            {
                article.Slug = await UniqueSlugAsync(title, ct);
            }
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Times without a zone are taken as UTC (the admin form converts from WIB before calling).</summary>
    private static DateTime? Utc(DateTime? d) => d is { } v ? DateTime.SpecifyKind(v.Kind == DateTimeKind.Unspecified ? v : v.ToUniversalTime(), DateTimeKind.Utc) : null;

    private static string? Actor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name;

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
