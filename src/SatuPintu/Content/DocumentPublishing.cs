using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SatuPintu.Accounts;
using SatuPintu.Content.Uploads;
using SatuPintu.Data;
using SatuPintu.Shared;

namespace SatuPintu.Content;

/// <summary>The refusals every document change shares, with their messages; the outcome itself is <see cref="Outcome{T}"/>.</summary>
public static class DocumentRefusals
{
    public static readonly Outcome<Document> NotFound = Outcome<Document>.NotFound("Dokumen tidak ditemukan.");
    public static readonly Outcome<Document> Forbidden = Outcome<Document>.Forbidden("Anda tidak berhak melakukan tindakan ini pada dokumen OPD tersebut.");
}

/// <summary>
/// Upload, publish and delete documents — one code path for <c>/admin/dokumen</c> and <c>/api/v1/documents</c>.
/// Editors' uploads wait for review; reviewers and admins publish as they upload.
/// </summary>
public sealed class DocumentPublishing(SatuPintuDb db, UploadStore uploads, IOptions<UploadOptions> options, TimeProvider time)
{
    public async Task<Outcome<Document>> UploadAsync(ClaimsPrincipal user, string? opdSlug, string? title, string? description, string? category,
        string? fileName, byte[]? data, CancellationToken ct, long? declaredSize = null, Article? article = null, RegulationFacts? regulation = null)
    {
        var errors = new Dictionary<string, string[]>();
        var facts = RegulationFacts.Check(category, regulation, time.GetUtcNow().Year, errors);
        var cleanTitle = HtmlCleaner.PlainText(title);
        var opd = Shared.Slug.IsWellFormed(opdSlug) ? await db.Opds.FirstOrDefaultAsync(o => o.Slug == opdSlug && o.ArchivedAt == null, ct) : null;
        if (opd is null)
        {
            errors["opd"] = ["Pilih perangkat daerah."];
        }
        if (cleanTitle.Length is 0 or > 300)
        {
            errors["title"] = ["Judul wajib diisi (paling banyak 300 karakter)."];
        }
        // An oversize upload is judged on its declared size, without reading it.
        var size = data?.Length ?? declaredSize ?? 0;
        if (size == 0)
        {
            errors["file"] = ["Pilih berkas."];
        }
        else if (size > options.Value.MaxBytes)
        {
            errors["file"] = [$"Berkas terlalu besar ({Shared.Formats.FileSize(size)}); paling besar {Shared.Formats.FileSize(options.Value.MaxBytes)}."];
        }
        if (opd is not null && !user.Can(OpdRight.Edit, opd.Id))
        {
            return DocumentRefusals.Forbidden;
        }
        if (errors.Count > 0)
        {
            return Outcome<Document>.Invalid(errors, "Dokumen tidak disimpan.");
        }
        var saved = await uploads.SaveDocumentAsync(user, opd!.Id, cleanTitle, Clip(HtmlCleaner.PlainText(description), 1000), facts.Category,
            fileName ?? "dokumen", data!, ct, article?.Id,
            article is null ? null : article.Status == PublicationStatus.Published && user.Can(OpdRight.Publish, opd.Id), facts.Fill);
        if (saved.Forbidden)
        {
            return DocumentRefusals.Forbidden;
        }
        return saved.Error is not null
            ? Outcome<Document>.Invalid(new Dictionary<string, string[]> { ["file"] = [saved.Error] }, "Dokumen tidak disimpan.")
            : Outcome<Document>.Ok(saved.Value!);
    }

    public async Task<Outcome<Document>> PublishAsync(ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var doc = await db.Documents.Include(d => d.Opd).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (doc is null || (doc.Status != PublicationStatus.Published && !user.Can(OpdRight.Edit, doc.OpdId)))
        {
            return DocumentRefusals.NotFound;
        }
        if (!user.Can(OpdRight.Publish, doc.OpdId))
        {
            return DocumentRefusals.Forbidden;
        }
        var now = time.GetUtcNow().UtcDateTime;
        doc.Status = PublicationStatus.Published;
        doc.PublishAt ??= now;
        doc.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return Outcome<Document>.Ok(doc!);
    }

    public async Task<Outcome<Document>> DeleteAsync(ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var doc = await db.Documents.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (doc is null || (doc.Status != PublicationStatus.Published && !user.Can(OpdRight.Edit, doc.OpdId)))
        {
            return DocumentRefusals.NotFound;
        }
        // Uploads never published are the editor's to throw away; anything ever public needs a reviewer.
        if (!user.Can(doc.Status == PublicationStatus.Published || doc.PublishAt is not null ? OpdRight.Publish : OpdRight.Edit, doc.OpdId))
        {
            return DocumentRefusals.Forbidden;
        }
        db.Documents.Remove(doc);
        await db.SaveChangesAsync(ct);
        return Outcome<Document>.Ok(doc!);
    }

    private static string? Clip(string s, int max) => s.Length == 0 ? null : s.Length <= max ? s : s[..max];
}

/// <summary>
/// A document's category and, for a regulation, its number, year and status, as the form and the API send them;
/// <see cref="Check"/> turns them into what is stored, or field errors in Indonesian.
/// </summary>
public sealed record RegulationFacts(string? Number, string? Year, string? Status)
{
    public const int MaxNumber = 60;

    /// <summary>The admin form asks a person to choose; the API and the article form's attachments may leave it out ("lainnya").</summary>
    public bool CategoryRequired { get; init; }

    public sealed record Checked(string Category, string? Number, int? Year, RegulationStatus? Status)
    {
        public void Fill(Document d) => (d.RegulationNumber, d.RegulationYear, d.RegulationStatus) = (Number, Year, Status);
    }

    /// <summary>No category means "lainnya" (an attachment from the article form, an older API client); a regulation needs all three facts.</summary>
    public static Checked Check(string? category, RegulationFacts? facts, int thisYear, Dictionary<string, string[]> errors)
    {
        var found = DocumentCategories.Find(category);
        if (found is null && !string.IsNullOrWhiteSpace(category))
        {
            errors["category"] = [$"Kategori \"{Shorten(category)}\" tidak ada; pilih salah satu: {string.Join(", ", DocumentCategories.All.Select(c => c.Label))}."];
        }
        else if (found is null && facts?.CategoryRequired == true)
        {
            errors["category"] = ["Pilih kategori dokumen."];
        }
        var key = found?.Key ?? DocumentCategories.Other;
        if (key != DocumentCategories.Regulation)
        {
            return new(key, null, null, null);
        }
        var number = HtmlCleaner.PlainText(facts?.Number);
        if (number.Length is 0 or > MaxNumber)
        {
            errors["regulationNumber"] = [$"Peraturan wajib punya nomor (paling banyak {MaxNumber} karakter)."];
        }
        int? year = null;
        if (int.TryParse(facts?.Year?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y >= 1945 && y <= thisYear + 1)
        {
            year = y;
        }
        else
        {
            errors["regulationYear"] = [$"Tulis tahun peraturan dengan empat angka, 1945 sampai {thisYear + 1}."];
        }
        var status = DocumentCategories.ParseStatus(facts?.Status);
        if (status is null)
        {
            errors["regulationStatus"] = ["Pilih status peraturan: berlaku, dicabut atau diubah."];
        }
        return new(key, number.Length == 0 ? null : number, year, status);
    }

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
