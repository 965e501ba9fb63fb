using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Content;
using SatuPintu.Data;
using SatuPintu.Shared;

namespace SatuPintu.Directory;

/// <summary>
/// Creating an OPD, editing its profile, archiving and restoring it — one code path for
/// <c>/admin/opd</c> and <c>/api/v1/opds</c>, so validation and the authorization rule exist once:
/// admins create, archive and restore OPDs and rename them; an OPD's own editors and reviewers
/// (<see cref="Access.Can"/> with <see cref="OpdRight.Edit"/>) edit the rest of its profile.
/// </summary>
public sealed partial class OpdEditing(SatuPintuDb db, TimeProvider time)
{
    public const int MaxName = 200;
    public const int MaxShortName = 40;
    public const int MaxSlug = 80;

    /// <summary>A profile field: its API name (the key of its errors), label, length limit, whether it is one line of plain text, and where it lives.</summary>
    private sealed record ProfileField(string Key, string Label, int Max, bool PlainText, Func<OpdProfileInput, string?> Read, Action<Opd, string?> Write);

    /// <summary>The profile fields everyone who may edit the OPD may change (name and short name are the admins').</summary>
    private static readonly ProfileField[] ProfileFields =
    [
        new("summary", "Ringkasan", 1000, false, i => i.Summary, (o, v) => o.Summary = v),
        new("headName", "Nama pimpinan", 200, true, i => i.HeadName, (o, v) => o.HeadName = v),
        new("headTitle", "Jabatan", 100, true, i => i.HeadTitle, (o, v) => o.HeadTitle = v),
        new("address", "Alamat", 500, false, i => i.Address, (o, v) => o.Address = v),
        new("phone", "Telepon", 40, true, i => i.Phone, (o, v) => o.Phone = v),
        new("email", "Surel", 200, false, i => i.Email, (o, v) => o.Email = v),
        new("website", "Situs", 300, false, i => i.Website, (o, v) => o.Website = v),
        new("hours", "Jam layanan", OpeningHours.MaxLength, false, i => i.Hours, (o, v) => o.Hours = v),
        new("vision", "Visi", 2000, false, i => i.Vision, (o, v) => o.Vision = v),
        new("mission", "Misi", 5000, false, i => i.Mission, (o, v) => o.Mission = v),
        new("duties", "Tupoksi", 10000, false, i => i.Duties, (o, v) => o.Duties = v),
        new("structure", "Struktur", 5000, false, i => i.Structure, (o, v) => o.Structure = v),
    ];

    /// <summary>Who may create, rename, archive and restore OPDs, and manage their units and people: admins.</summary>
    public static bool MayManage(ClaimsPrincipal user) => user.IsAdmin();

    /// <summary>Who may edit an OPD's profile: its editors and reviewers, and admins.</summary>
    public static bool MayEdit(ClaimsPrincipal user, Opd opd) => user.Can(OpdRight.Edit, opd.Id);

    /// <summary>An OPD by slug, archived or not, with its units in order; null for a malformed or unknown slug.</summary>
    public Task<Opd?> FindAsync(string? slug, CancellationToken ct) =>
        Shared.Slug.IsWellFormed(slug)
            ? db.Opds.Include(o => o.Units.OrderBy(u => u.SortOrder)).FirstOrDefaultAsync(o => o.Slug == slug, ct)
            : Task.FromResult<Opd?>(null);

    public async Task<Outcome<Opd>> CreateAsync(ClaimsPrincipal user, NewOpdInput input, CancellationToken ct)
    {
        if (!MayManage(user))
        {
            return OpdRefusals.Forbidden;
        }
        var errors = new FieldErrors();
        var name = Name(input.Name, errors);
        var shortName = errors.Text(HtmlCleaner.PlainText(input.ShortName), MaxShortName, "shortName", "Singkatan");
        var slug = string.IsNullOrWhiteSpace(input.Slug) ? Shared.Slug.From(shortName ?? name, 60) : input.Slug.Trim();
        if (!Shared.Slug.IsWellFormed(slug) || slug.Length > MaxSlug)
        {
            errors.Add("slug", $"Slug hanya huruf kecil, angka dan tanda hubung (paling banyak {MaxSlug}).");
        }
        else if (slug == Content.PageInput.Regency)
        {
            // Where an OPD is named, this word names the regency itself (pages API and lists).
            errors.Add("slug", $"Slug \"{slug}\" dipakai untuk pemerintah kabupaten; pilih yang lain.");
        }
        else if (await db.Opds.AnyAsync(o => o.Slug == slug, ct))
        {
            errors.Add("slug", $"Slug \"{slug}\" sudah dipakai.");
        }
        var kind = Enum.GetValues<OpdKind>().Cast<OpdKind?>().FirstOrDefault(k => string.Equals(k.ToString(), input.Kind?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (kind is null)
        {
            errors.Add("kind", "Jenis OPD tidak dikenal.");
        }
        if (errors.Count > 0)
        {
            return Outcome<Opd>.Invalid(errors.ToDictionary());
        }
        var opd = new Opd
        {
            Slug = slug, Name = name, ShortName = shortName, Kind = kind!.Value,
            SortOrder = await db.Opds.MaxAsync(o => (int?)o.SortOrder, ct) + 1 ?? 0, UpdatedAt = Now,
            // Shown by an admin once its profile has the minimum (OpdVisibility).
            Hidden = true,
        };
        db.Opds.Add(opd);
        await db.SaveChangesAsync(ct);
        return Outcome<Opd>.Ok(opd);
    }

    /// <summary>Replaces the profile with <paramref name="input"/> (blank fields are cleared); the name and short name only for admins.</summary>
    public async Task<Outcome<Opd>> UpdateAsync(ClaimsPrincipal user, string? slug, OpdProfileInput input, CancellationToken ct)
    {
        var opd = await FindAsync(slug, ct);
        if (opd is null)
        {
            return OpdRefusals.NotFound;
        }
        if (!MayEdit(user, opd))
        {
            return OpdRefusals.Forbidden;
        }
        var errors = new FieldErrors();
        var (name, shortName) = (opd.Name, opd.ShortName);
        if (MayManage(user))
        {
            name = Name(input.Name, errors);
            shortName = errors.Text(HtmlCleaner.PlainText(input.ShortName), MaxShortName, "shortName", "Singkatan");
        }
        var values = ProfileFields.ToDictionary(f => f.Key, f => errors.Text(f.PlainText ? HtmlCleaner.PlainText(f.Read(input)) : f.Read(input), f.Max, f.Key, f.Label));
        if (values["email"] is { } email && !System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            errors.Add("email", "Surel tidak valid.");
        }
        if (values["website"] is { } website && (!Uri.TryCreate(website, UriKind.Absolute, out var site) || site.Scheme is not ("https" or "http")))
        {
            errors.Add("website", "Situs harus alamat http(s) lengkap.");
        }
        if (values["hours"] is { } hours && OpeningHours.TryParse(hours, out var hoursError) is null)
        {
            errors.Add("hours", hoursError ?? "Jam layanan tidak terbaca.");
        }
        if (errors.Count > 0)
        {
            return Outcome<Opd>.Invalid(errors.ToDictionary());
        }
        opd.Name = name;
        opd.ShortName = shortName;
        foreach (var field in ProfileFields)
        {
            field.Write(opd, values[field.Key]);
        }
        opd.UpdatedAt = Now;
        await db.SaveChangesAsync(ct);
        return Outcome<Opd>.Ok(opd);
    }

    /// <summary>
    /// Archives (off the portal, kept with its content) or restores an OPD; <paramref name="archived"/> null
    /// turns the current state around (the admin page's one button). Archiving an archived OPD changes nothing.
    /// </summary>
    public async Task<Outcome<Opd>> SetArchivedAsync(ClaimsPrincipal user, string? slug, bool? archived, CancellationToken ct)
    {
        var opd = await FindAsync(slug, ct);
        if (opd is null)
        {
            return OpdRefusals.NotFound;
        }
        if (!MayManage(user))
        {
            return OpdRefusals.Forbidden;
        }
        if (archived ?? (opd.ArchivedAt is null))
        {
            opd.ArchivedAt ??= Now;
        }
        else
        {
            opd.ArchivedAt = null;
        }
        await db.SaveChangesAsync(ct);
        return Outcome<Opd>.Ok(opd);
    }

    private static string Name(string? value, FieldErrors errors)
    {
        var name = HtmlCleaner.PlainText(value);
        if (name.Length is 0 or > MaxName)
        {
            errors.Add("name", $"Nama wajib diisi (paling banyak {MaxName} karakter).");
        }
        return name;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
