using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Content;
using SatuPintu.Data;

namespace SatuPintu.Directory.Admin;

/// <summary>
/// /admin/opd/{slug}: an OPD's profile and contacts (its editors, reviewers and admins), and for admins
/// the name, kind, archiving, units and the people who may edit it.
/// </summary>
public sealed class EditOpdModel(SatuPintuDb db, UserManager<AppUser> users, TimeProvider time) : PageModel
{
    public sealed class Form
    {
        public string? Name { get; set; }
        public string? ShortName { get; set; }
        public string? Summary { get; set; }
        public string? HeadName { get; set; }
        public string? HeadTitle { get; set; }
        public string? Address { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? Website { get; set; }
        public string? Vision { get; set; }
        public string? Mission { get; set; }
        public string? Duties { get; set; }
        public string? Structure { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    [BindProperty]
    public string? UnitName { get; set; }

    [BindProperty]
    public string? UnitKind { get; set; }

    [BindProperty]
    public string? MemberEmail { get; set; }

    [BindProperty]
    public OpdRole MemberRole { get; set; }

    public Opd Opd { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Email, OpdRole Role)> Members { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refusal)
        {
            return refusal;
        }
        Input = new Form
        {
            Name = Opd.Name, ShortName = Opd.ShortName, Summary = Opd.Summary, HeadName = Opd.HeadName, HeadTitle = Opd.HeadTitle, Address = Opd.Address,
            Phone = Opd.Phone, Email = Opd.Email, Website = Opd.Website, Vision = Opd.Vision, Mission = Opd.Mission, Duties = Opd.Duties, Structure = Opd.Structure,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refusal)
        {
            return refusal;
        }
        string? Text(string? value, int max, string field, string label)
        {
            var clean = value?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
            if (clean is { Length: > 0 } && clean.Length > max)
            {
                ModelState.AddModelError(field, $"{label} paling banyak {max} karakter.");
            }
            return string.IsNullOrEmpty(clean) ? null : clean;
        }
        var o = Opd;
        if (User.IsAdmin())
        {
            var name = HtmlCleaner.PlainText(Input.Name);
            if (name.Length is 0 or > 200)
            {
                ModelState.AddModelError("Input.Name", "Nama wajib diisi (paling banyak 200 karakter).");
            }
            o.Name = name;
            o.ShortName = Text(HtmlCleaner.PlainText(Input.ShortName), 40, "Input.ShortName", "Singkatan");
        }
        o.Summary = Text(Input.Summary, 1000, "Input.Summary", "Ringkasan");
        o.HeadName = Text(HtmlCleaner.PlainText(Input.HeadName), 200, "Input.HeadName", "Nama pimpinan");
        o.HeadTitle = Text(HtmlCleaner.PlainText(Input.HeadTitle), 100, "Input.HeadTitle", "Jabatan");
        o.Address = Text(Input.Address, 500, "Input.Address", "Alamat");
        o.Phone = Text(HtmlCleaner.PlainText(Input.Phone), 40, "Input.Phone", "Telepon");
        o.Email = Text(Input.Email, 200, "Input.Email", "Surel");
        o.Website = Text(Input.Website, 300, "Input.Website", "Situs");
        o.Vision = Text(Input.Vision, 2000, "Input.Vision", "Visi");
        o.Mission = Text(Input.Mission, 5000, "Input.Mission", "Misi");
        o.Duties = Text(Input.Duties, 10000, "Input.Duties", "Tupoksi");
        o.Structure = Text(Input.Structure, 5000, "Input.Structure", "Struktur");
        if (o.Email is not null && !System.Net.Mail.MailAddress.TryCreate(o.Email, out _))
        {
            ModelState.AddModelError("Input.Email", "Surel tidak valid.");
        }
        if (o.Website is not null && (!Uri.TryCreate(o.Website, UriKind.Absolute, out var site) || site.Scheme is not ("https" or "http")))
        {
            ModelState.AddModelError("Input.Website", "Situs harus alamat http(s) lengkap.");
        }
        if (ModelState.ErrorCount > 0)
        {
            return Invalid();
        }
        o.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        Message = "Profil disimpan.";
        return Page();
    }

    public async Task<IActionResult> OnPostArchiveAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct, adminOnly: true) is { } refusal)
        {
            return refusal;
        }
        Opd.ArchivedAt = Opd.ArchivedAt is null ? time.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(ct);
        Message = Opd.ArchivedAt is null ? "OPD diaktifkan kembali." : "OPD diarsipkan: tidak tampil lagi di portal.";
        return Page();
    }

    public async Task<IActionResult> OnPostAddUnitAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct, adminOnly: true) is { } refusal)
        {
            return refusal;
        }
        var name = HtmlCleaner.PlainText(UnitName);
        var kind = HtmlCleaner.PlainText(UnitKind);
        var unitSlug = Shared.Slug.From(name, 80);
        if (name.Length is 0 or > 200 || kind.Length is 0 or > 40 || unitSlug.Length == 0)
        {
            ModelState.AddModelError(nameof(UnitName), "Nama unit dan jenisnya (mis. Bagian, UPT) wajib diisi.");
            return Invalid();
        }
        if (Opd.Units.Any(u => u.Slug == unitSlug))
        {
            ModelState.AddModelError(nameof(UnitName), "Unit dengan nama itu sudah ada.");
            return Invalid();
        }
        db.OpdUnits.Add(new OpdUnit { OpdId = Opd.Id, Slug = unitSlug, Name = name, KindLabel = kind, SortOrder = Opd.Units.Count });
        await db.SaveChangesAsync(ct);
        await LoadAsync(slug, ct);
        Message = $"Unit \"{name}\" ditambahkan.";
        return Page();
    }

    public async Task<IActionResult> OnPostAddMemberAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct, adminOnly: true) is { } refusal)
        {
            return refusal;
        }
        var user = string.IsNullOrWhiteSpace(MemberEmail) ? null : await users.FindByEmailAsync(MemberEmail.Trim());
        if (user is null || !Enum.IsDefined(MemberRole))
        {
            ModelState.AddModelError(nameof(MemberEmail), "Akun dengan surel itu tidak ada (buat dulu dengan `SatuPintu user add`).");
            return Invalid();
        }
        if (!await db.OpdMemberships.AnyAsync(m => m.UserId == user.Id && m.OpdId == Opd.Id && m.Role == MemberRole, ct))
        {
            db.OpdMemberships.Add(new OpdMembership { UserId = user.Id, OpdId = Opd.Id, Role = MemberRole });
            await db.SaveChangesAsync(ct);
            await users.UpdateSecurityStampAsync(user);
        }
        await LoadAsync(slug, ct);
        Message = $"{user.Email} kini {(MemberRole == OpdRole.Reviewer ? "peninjau" : "editor")} {Opd.Name}.";
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(string slug, int membership, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct, adminOnly: true) is { } refusal)
        {
            return refusal;
        }
        var m = await db.OpdMemberships.Include(x => x.User).FirstOrDefaultAsync(x => x.Id == membership && x.OpdId == Opd.Id, ct);
        if (m is null)
        {
            return NotFound();
        }
        db.OpdMemberships.Remove(m);
        await db.SaveChangesAsync(ct);
        // Their open sessions lose the role at the next check.
        await users.UpdateSecurityStampAsync(m.User!);
        await LoadAsync(slug, ct);
        Message = $"{m.User!.Email} tidak lagi memegang peran di {Opd.Name}.";
        return Page();
    }

    private PageResult Invalid()
    {
        Problem = "Belum tersimpan: " + string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Loads the OPD; null when the user may act on it, otherwise the refusal to return.</summary>
    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct, bool adminOnly = false)
    {
        var opd = Shared.Slug.IsWellFormed(slug) ? await db.Opds.Include(o => o.Units.OrderBy(u => u.SortOrder)).FirstOrDefaultAsync(o => o.Slug == slug, ct) : null;
        if (opd is null)
        {
            return NotFound();
        }
        if (adminOnly ? !User.IsAdmin() : !User.Can(OpdRight.Edit, opd.Id))
        {
            return Forbid();
        }
        Opd = opd;
        if (User.IsAdmin())
        {
            Members = (await db.OpdMemberships.AsNoTracking().Where(m => m.OpdId == opd.Id).Select(m => new { m.Id, m.User!.Email, m.Role }).ToListAsync(ct))
                .Select(m => (m.Id, m.Email ?? "", m.Role)).ToList();
        }
        return null;
    }
}
