using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Data;
using SatuPintu.Directory;
using SatuPintu.Shared;

namespace SatuPintu.Content;

/// <summary>What an editor sends for a static page, from the admin form or as JSON to <c>/api/v1/pages</c>.</summary>
public sealed record PageInput
{
    /// <summary>
    /// Slug of the owning OPD, or <see cref="Regency"/> for one of the regency's own pages (admins only).
    /// Required when creating; left out when updating, the owner stays.
    /// </summary>
    public string? Opd { get; init; }

    /// <summary>The word that names the regency itself where an OPD slug is expected.</summary>
    public const string Regency = "kabupaten";
    /// <summary>The page's address within its owner; made from the title when empty.</summary>
    public string? Slug { get; init; }
    public string? Title { get; init; }
    /// <summary>Markdown; HTML inside it is allowed and sanitized.</summary>
    public string? Body { get; init; }
    /// <summary>Order among the owner's pages; 0 when absent.</summary>
    public int? SortOrder { get; init; }
    /// <summary>The <c>version</c> the change is based on; when given and the page moved on since, the change is refused (409).</summary>
    public int? Version { get; init; }
}

/// <summary>The refusals every page change shares, with their messages; the outcome itself is <see cref="Outcome{T}"/>.</summary>
public static class PageRefusals
{
    public static readonly Outcome<Page> NotFound = Outcome<Page>.NotFound("Halaman tidak ditemukan.");
    public static readonly Outcome<Page> Forbidden = Outcome<Page>.Forbidden("Anda tidak berhak melakukan tindakan ini pada halaman tersebut.");
}

/// <summary>
/// Every change to a static page goes through here, from <c>/admin/halaman</c> and from the API alike.
/// The rule is the articles' rule (<see cref="Access"/>) for OPD pages; the regency's own pages
/// (no OPD) belong to Diskominfo, so only admins touch them.
/// Workflow: Draft → Review → Published, Review → Rejected → Review …; Published → Draft (unpublish).
/// </summary>
public sealed class PagePublishing(SatuPintuDb db, HtmlCleaner cleaner, TimeProvider time)
{
    public const int MaxTitle = 200;
    public const int MaxSlug = 80;

    public static bool Can(ClaimsPrincipal user, OpdRight right, int? opdId) => opdId is { } id ? user.Can(right, id) : user.IsAdmin();

    /// <summary>An unpublished page the user may not edit: answered as absent (404), as reading it is.</summary>
    private static bool Hidden(ClaimsPrincipal user, Page p) => p.Status != PublicationStatus.Published && !Can(user, OpdRight.Edit, p.OpdId);

    /// <summary>Editors edit until publication; after that only reviewers and admins do.</summary>
    public static bool MayEdit(ClaimsPrincipal user, Page p) => Can(user, RightToEdit(p), p.OpdId);

    private static OpdRight RightToEdit(Page p) => p.Status == PublicationStatus.Published ? OpdRight.Publish : OpdRight.Edit;

    /// <summary>Where the public reads the page.</summary>
    public static string Url(Page p) => p.Opd is { } o ? $"/opd/{o.Slug}/halaman/{p.Slug}" : $"/halaman/{p.Slug}";

    public Task<Page?> FindAsync(int id, CancellationToken ct) => db.Pages.Include(p => p.Opd).FirstOrDefaultAsync(p => p.Id == id, ct);

    public async Task<Outcome<Page>> CreateAsync(ClaimsPrincipal user, PageInput input, CancellationToken ct)
    {
        var (errors, opd, slug) = await ValidateAsync(input, null, ct);
        if (!opd.Unknown && !Can(user, OpdRight.Edit, opd.Value?.Id))
        {
            return PageRefusals.Forbidden;
        }
        if (errors.Count > 0)
        {
            return Outcome<Page>.Invalid(errors);
        }
        var page = new Page { Slug = slug, Title = "", Status = PublicationStatus.Draft, CreatedAt = Now };
        Apply(page, input, opd.Value, slug, user);
        db.Pages.Add(page);
        return await SaveAsync(page, ct);
    }

    public async Task<Outcome<Page>> UpdateAsync(ClaimsPrincipal user, int id, PageInput input, CancellationToken ct)
    {
        var page = await FindAsync(id, ct);
        if (page is null || Hidden(user, page))
        {
            return PageRefusals.NotFound;
        }
        if (!MayEdit(user, page))
        {
            return PageRefusals.Forbidden;
        }
        if (Review.StaleVersion(page, input.Version, "halaman") is { } stale)
        {
            return Outcome<Page>.Conflict(stale);
        }
        var (errors, opd, slug) = await ValidateAsync(input, page, ct);
        // Moving a page to another owner needs there the same right as editing it here (a published page: Publish).
        if (!opd.Unknown && opd.Value?.Id != page.OpdId && !Can(user, RightToEdit(page), opd.Value?.Id))
        {
            return PageRefusals.Forbidden;
        }
        if (errors.Count > 0)
        {
            return Outcome<Page>.Invalid(errors);
        }
        Apply(page, input, opd.Value, slug, user);
        return await SaveAsync(page, ct);
    }

    /// <summary>Saves; two people taking the same address at the same moment meet the unique index, and the later one is told so.</summary>
    private async Task<Outcome<Page>> SaveAsync(Page page, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome<Page>.Ok(page);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Page>.Conflict(Review.StaleMessage("halaman"));
        }
        catch (DbUpdateException)
        {
            if (!await db.Pages.AsNoTracking().AnyAsync(p => p.OpdId == page.OpdId && p.Slug == page.Slug && p.Id != page.Id, ct))
            {
                throw;
            }
            return Outcome<Page>.Invalid(new Dictionary<string, string[]> { ["slug"] = [$"Alamat \"{page.Slug}\" baru saja dipakai halaman lain."] });
        }
    }

    public Task<Outcome<Page>> SubmitAsync(ClaimsPrincipal user, int id, CancellationToken ct) =>
        TransitionAsync(user, id, OpdRight.Edit, a => Review.Submit(a, "halaman"), ct);

    /// <summary>Publishes; with <paramref name="version"/> (the version the reviewer opened), a newer version is refused.</summary>
    public Task<Outcome<Page>> PublishAsync(ClaimsPrincipal user, int id, CancellationToken ct, int? version = null) =>
        TransitionAsync(user, id, OpdRight.Publish, p =>
        {
            if (p.Status == PublicationStatus.Published)
            {
                return "Halaman ini sudah terbit.";
            }
            if (Review.StaleVersion(p, version, "halaman") is { } stale)
            {
                return stale;
            }
            p.Status = PublicationStatus.Published;
            p.PublishedAt = Now;
            p.RejectionReason = null;
            return null;
        }, ct);

    public async Task<Outcome<Page>> RejectAsync(ClaimsPrincipal user, int id, string? reason, CancellationToken ct)
    {
        // Rights before the reason: whoever may not reject learns nothing, whatever they send.
        if (await FindAsync(id, ct) is not { } found || Hidden(user, found))
        {
            return PageRefusals.NotFound;
        }
        if (!Can(user, OpdRight.Publish, found.OpdId))
        {
            return PageRefusals.Forbidden;
        }
        if (Review.ReasonError(reason, out var clean) is { } error)
        {
            return Outcome<Page>.Invalid(error);
        }
        return await TransitionAsync(user, id, OpdRight.Publish, a => Review.Reject(a, clean, "halaman"), ct);
    }

    public Task<Outcome<Page>> UnpublishAsync(ClaimsPrincipal user, int id, CancellationToken ct) =>
        TransitionAsync(user, id, OpdRight.Publish, p =>
        {
            if (p.Status != PublicationStatus.Published)
            {
                return "Halaman ini belum terbit.";
            }
            p.Status = PublicationStatus.Draft;
            return null;
        }, ct);

    public async Task<Outcome<Page>> DeleteAsync(ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var page = await FindAsync(id, ct);
        if (page is null || Hidden(user, page))
        {
            return PageRefusals.NotFound;
        }
        var needed = Review.RightToDelete(page);
        if (!Can(user, needed, page.OpdId))
        {
            return PageRefusals.Forbidden;
        }
        db.Pages.Remove(page);
        await db.SaveChangesAsync(ct);
        return Outcome<Page>.Ok(page);
    }

    private async Task<Outcome<Page>> TransitionAsync(ClaimsPrincipal user, int id, OpdRight right, Func<Page, string?> change, CancellationToken ct)
    {
        var page = await FindAsync(id, ct);
        if (page is null || Hidden(user, page))
        {
            return PageRefusals.NotFound;
        }
        if (!Can(user, right, page.OpdId))
        {
            return PageRefusals.Forbidden;
        }
        if (change(page) is { } refusal)
        {
            return Outcome<Page>.Conflict(refusal);
        }
        page.UpdatedAt = Now;
        page.UpdatedBy = Actor(user);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Page>.Conflict(Review.StaleMessage("halaman"));
        }
        return Outcome<Page>.Ok(page);
    }

    private void Apply(Page page, PageInput input, Opd? opd, string slug, ClaimsPrincipal user)
    {
        page.OpdId = opd?.Id;
        page.Opd = opd;
        page.Slug = slug;
        page.Title = HtmlCleaner.PlainText(input.Title);
        page.BodyMarkdown = input.Body ?? "";
        page.BodyHtml = cleaner.FromMarkdown(page.BodyMarkdown);
        page.SortOrder = input.SortOrder ?? 0;
        page.UpdatedAt = Now;
        page.UpdatedBy = Actor(user);
        Review.Changed(page);
    }

    /// <summary>Errors per field; the owner (Unknown when the slug names no OPD, Value null for the regency); the slug to use.</summary>
    private async Task<(Dictionary<string, string[]> Errors, (bool Unknown, Opd? Value) Opd, string Slug)> ValidateAsync(PageInput input, Page? existing, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        (bool Unknown, Opd? Value) owner = (false, null);
        if (string.IsNullOrWhiteSpace(input.Opd))
        {
            if (existing is null)
            {
                owner = (true, null);
                errors["opd"] = [$"Pilih pemilik halaman: perangkat daerah, atau \"{PageInput.Regency}\" untuk halaman portal."];
            }
            else
            {
                owner = (false, existing.Opd);
            }
        }
        else if (input.Opd != PageInput.Regency)
        {
            var opd = Shared.Slug.IsWellFormed(input.Opd) ? await db.Opds.FirstOrDefaultAsync(o => o.Slug == input.Opd && o.ArchivedAt == null, ct) : null;
            owner = (opd is null, opd);
            if (opd is null)
            {
                errors["opd"] = [$"Perangkat daerah \"{Shorten(input.Opd)}\" tidak ada."];
            }
        }
        var title = HtmlCleaner.PlainText(input.Title);
        if (title.Length is 0 or > MaxTitle)
        {
            errors["title"] = [$"Judul wajib diisi (paling banyak {MaxTitle} karakter)."];
        }
        if ((input.Body?.Length ?? 0) > ArticlePublishing.MaxBody)
        {
            errors["body"] = [$"Isi paling banyak {ArticlePublishing.MaxBody / 1000} ribu karakter."];
        }
        else if (await cleaner.RenderAsync(input.Body, ct) is { Error: { } bodyError })
        {
            errors["body"] = [bodyError];
        }
        if (input.SortOrder is < 0 or > 1000)
        {
            errors["sortOrder"] = ["Urutan 0 sampai 1000."];
        }
        var slug = string.IsNullOrWhiteSpace(input.Slug) ? Shared.Slug.From(title, MaxSlug) : input.Slug.Trim();
        if (!Shared.Slug.IsWellFormed(slug) || slug.Length > MaxSlug)
        {
            errors["slug"] = [$"Alamat halaman hanya huruf kecil, angka dan tanda hubung (paling banyak {MaxSlug})."];
        }
        else if (!owner.Unknown)
        {
            var ownerId = owner.Value?.Id;
            var existingId = existing?.Id ?? 0;
            if (await db.Pages.AnyAsync(p => p.OpdId == ownerId && p.Slug == slug && p.Id != existingId, ct))
            {
                errors["slug"] = [$"Alamat \"{slug}\" sudah dipakai halaman lain{(owner.Value is { } o ? " " + o.DisplayShortName : " kabupaten")}."];
            }
        }
        return (errors, owner, slug);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static string? Actor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name;

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
