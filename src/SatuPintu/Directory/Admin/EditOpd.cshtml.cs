using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Content;
using SatuPintu.Data;
using SatuPintu.Shared;

namespace SatuPintu.Directory.Admin;

/// <summary>
/// /admin/opd/{slug}: an OPD's profile and contacts (its editors, reviewers and admins), and for admins
/// the name, kind, archiving, units and the people who may edit it.
/// </summary>
public sealed class EditOpdModel(SatuPintuDb db, OpdEditing editing, UserManager<AppUser> users) : PageModel
{
    [BindProperty]
    public OpdProfileInput Input { get; set; } = new();

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
    [TempData]
    public string? Message { get; set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refusal)
        {
            return refusal;
        }
        Input = OpdProfileInput.From(Opd);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string slug, CancellationToken ct)
    {
        var outcome = await editing.UpdateAsync(User, slug, Input, ct);
        if (await ShowAsync(outcome, slug, ct) is { } answer)
        {
            return answer;
        }
        return this.Done(Here(slug), "Profil disimpan.");
    }

    public async Task<IActionResult> OnPostArchiveAsync(string slug, CancellationToken ct)
    {
        var outcome = await editing.SetArchivedAsync(User, slug, archived: null, ct);
        if (await ShowAsync(outcome, slug, ct) is { } answer)
        {
            return answer;
        }
        return this.Done(Here(slug), Opd.ArchivedAt is null ? "OPD diaktifkan kembali." : "OPD diarsipkan: tidak tampil lagi di portal.");
    }

    /// <summary>"Tampilkan ke publik" (<paramref name="show"/> true) or "Sembunyikan"; showing is refused, with the reason, while the profile lacks the minimum.</summary>
    public async Task<IActionResult> OnPostVisibilityAsync(string slug, bool show, CancellationToken ct)
    {
        var outcome = await editing.SetHiddenAsync(User, slug, hidden: !show, ct);
        if (this.Refusal(outcome) is { } refusal)
        {
            return refusal;
        }
        await LoadAsync(slug, ct);
        if (outcome.Status == OutcomeStatus.Invalid)
        {
            ModelState.AddFieldErrors(outcome.Errors);
            return SideInvalid();
        }
        return this.Done(Here(slug), show ? "OPD kini tampil di portal." : "OPD disembunyikan dari portal.");
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
            return SideInvalid();
        }
        if (Opd.Units.Any(u => u.Slug == unitSlug))
        {
            ModelState.AddModelError(nameof(UnitName), "Unit dengan nama itu sudah ada.");
            return SideInvalid();
        }
        db.OpdUnits.Add(new OpdUnit { OpdId = Opd.Id, Slug = unitSlug, Name = name, KindLabel = kind, SortOrder = Opd.Units.Count });
        await db.SaveChangesAsync(ct);
        return this.Done(Here(slug), $"Unit \"{name}\" ditambahkan.");
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
            return SideInvalid();
        }
        if (!await db.OpdMemberships.AnyAsync(m => m.UserId == user.Id && m.OpdId == Opd.Id && m.Role == MemberRole, ct))
        {
            db.OpdMemberships.Add(new OpdMembership { UserId = user.Id, OpdId = Opd.Id, Role = MemberRole });
            await db.SaveChangesAsync(ct);
            await users.UpdateSecurityStampAsync(user);
        }
        return this.Done(Here(slug), $"{user.Email} kini {(MemberRole == OpdRole.Reviewer ? "peninjau" : "editor")} {Opd.Name}.");
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
        return this.Done(Here(slug), $"{m.User!.Email} tidak lagi memegang peran di {Opd.Name}.");
    }

    private static string Here(string slug) => $"/admin/opd/{slug}";

    /// <summary>A refused side action (unit, role): the profile form shows the stored profile, not the blanks it did not post.</summary>
    private PageResult SideInvalid()
    {
        Input = OpdProfileInput.From(Opd);
        return Invalid();
    }

    private PageResult Invalid()
    {
        Problem = "Belum tersimpan: " + ModelState.AllMessages();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>After a change through <see cref="OpdEditing"/>: the refusal or the invalid form to answer with, or null to show the page.</summary>
    private async Task<IActionResult?> ShowAsync(Outcome<Opd> outcome, string slug, CancellationToken ct)
    {
        if (this.Refusal(outcome) is { } refusal)
        {
            return refusal;
        }
        await LoadAsync(slug, ct);
        if (outcome.Status != OutcomeStatus.Invalid)
        {
            return null;
        }
        ModelState.AddFieldErrors(outcome.Errors);
        return Invalid();
    }

    /// <summary>Loads the OPD; null when the user may act on it, otherwise the refusal to return.</summary>
    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct, bool adminOnly = false)
    {
        var opd = await editing.FindAsync(slug, ct);
        if (opd is null)
        {
            return NotFound();
        }
        if (adminOnly ? !OpdEditing.MayManage(User) : !OpdEditing.MayEdit(User, opd))
        {
            return Forbid();
        }
        Opd = opd;
        if (OpdEditing.MayManage(User))
        {
            Members = (await db.OpdMemberships.AsNoTracking().Where(m => m.OpdId == opd.Id).Select(m => new { m.Id, m.User!.Email, m.Role }).ToListAsync(ct))
                .Select(m => (m.Id, m.Email ?? "", m.Role)).ToList();
        }
        return null;
    }
}
