using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Shared;

namespace SatuPintu.Accounts.Admin.Users;

/// <summary>
/// /admin/pengguna/{id} (admins): one person's roles (grant, remove), disable and re-enable, a new
/// invitation or reset link. Disabling ends every session and token at once (<see cref="AccountRevocation"/>).
/// An admin cannot disable themself or take their own admin role: the last admin would lock everyone out.
/// </summary>
public sealed class DetailModel(SatuPintuDb db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, AccountLinks links, AccountMail mail,
    AccountRevocation revocation, Feeds.PublicUrls urls, TimeProvider time) : PageModel
{
    public static string Path(string id) => $"/admin/pengguna/orang/{Uri.EscapeDataString(id)}";

    [BindProperty]
    public string Role { get; set; } = "editor";

    [BindProperty]
    public string? Opd { get; set; }

    public AppUser Person { get; private set; } = null!;
    public IReadOnlyList<string> GlobalRoles { get; private set; } = [];
    public IReadOnlyList<OpdMembership> Memberships { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Name)> Opds { get; private set; } = [];
    public bool IsSelf => users.GetUserId(User) == Person.Id;
    public string State => new UserRow(Person, []).State;

    [TempData]
    public string? NewLink { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostGrantAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var (choice, problem) = await RoleGrants.ChooseAsync(db, Role, Opd, ct);
        if (choice is null)
        {
            ModelState.AddModelError(nameof(Role), char.ToUpperInvariant(problem![0]) + problem[1..] + ".");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (await RoleGrants.GrantAsync(db, users, roles, Person, choice, ct))
        {
            await AccountAudit.WriteAsync(db, AccountAudit.Actor(HttpContext), AccountAudit.RoleGranted, Person.Id, $"{Person.Email} kini {choice.Label}", ct);
        }
        return this.Done(Path(id), $"{Person.Email} kini {choice.Label}.");
    }

    public async Task<IActionResult> OnPostRemoveRoleAsync(string id, string? role, int? membership, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        string label;
        if (membership is { } mid && Memberships.FirstOrDefault(m => m.Id == mid) is { } m)
        {
            db.OpdMemberships.Remove(await db.OpdMemberships.SingleAsync(x => x.Id == m.Id, ct));
            await db.SaveChangesAsync(ct);
            label = $"{RoleGrants.OpdRoleLabel(m.Role)} {m.Opd!.Name}";
        }
        else if (role is not null && GlobalRoles.Contains(role) && !(IsSelf && role == Access.AdminRole))
        {
            var removed = await users.RemoveFromRoleAsync(Person, role);
            if (!removed.Succeeded)
            {
                return BadRequest();
            }
            label = RoleGrants.GlobalLabel(role);
        }
        else
        {
            return NotFound();
        }
        // Open sessions lose the role at their next check.
        await users.UpdateSecurityStampAsync(Person);
        await AccountAudit.WriteAsync(db, AccountAudit.Actor(HttpContext), AccountAudit.RoleRemoved, Person.Id, $"{Person.Email} tidak lagi {label}", ct);
        return this.Done(Path(id), $"{Person.Email} tidak lagi {label}.");
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || IsSelf)
        {
            return NotFound();
        }
        if (Person.DisabledAt is null)
        {
            Person.DisabledAt = time.GetUtcNow().UtcDateTime;
            await users.UpdateAsync(Person);
            var ended = await revocation.EndEverythingAsync(Person, AccountAudit.Actor(HttpContext), "akun dinonaktifkan", ct);
            await AccountAudit.WriteAsync(db, AccountAudit.Actor(HttpContext), AccountAudit.UserDisabled, Person.Id,
                $"{Person.Email} dinonaktifkan; {ended.Sessions} sesi diakhiri, {ended.Tokens} token dicabut", ct);
        }
        return this.Done(Path(id), $"{Person.Email} dinonaktifkan: tidak dapat masuk lagi, sesinya berakhir dan tokennya dicabut.");
    }

    public async Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (Person.DisabledAt is not null)
        {
            Person.DisabledAt = null;
            await users.UpdateAsync(Person);
            await AccountAudit.WriteAsync(db, AccountAudit.Actor(HttpContext), AccountAudit.UserEnabled, Person.Id, $"{Person.Email} diaktifkan kembali", ct);
        }
        return this.Done(Path(id), $"{Person.Email} diaktifkan kembali.");
    }

    /// <summary>A new link: an invitation while the person has no password, else a password reset. Older links stop working.</summary>
    public async Task<IActionResult> OnPostLinkAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Person.DisabledAt is not null)
        {
            return NotFound();
        }
        var purpose = Person.PasswordHash is null ? AccountLinkPurpose.Invitation : AccountLinkPurpose.PasswordReset;
        var secret = await links.IssueAsync(Person, purpose, ct);
        var what = purpose == AccountLinkPurpose.Invitation ? "undangan" : "tautan atur ulang kata sandi";
        await AccountAudit.WriteAsync(db, AccountAudit.Actor(HttpContext), purpose == AccountLinkPurpose.Invitation ? AccountAudit.UserInvited : AccountAudit.ResetLinkMade,
            Person.Id, $"{what} baru untuk {Person.Email}", ct);
        var link = urls.Absolute(Request, $"{(purpose == AccountLinkPurpose.Invitation ? AccountLinks.InvitationPath : AccountLinks.ResetPath)}?token={secret}");
        if (await mail.SendAsync(Person.Email!, purpose, link, links.Lifetime(purpose), ct))
        {
            return this.Done(Path(id), $"{char.ToUpperInvariant(what[0])}{what[1..]} dikirim ke {Person.Email}.");
        }
        NewLink = link;
        return this.Done(Path(id), $"Salin {what} di bawah dan kirim sendiri kepada {Person.Email}.");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) is not { } person)
        {
            return false;
        }
        Person = person;
        GlobalRoles = [.. await users.GetRolesAsync(person)];
        Memberships = await db.OpdMemberships.AsNoTracking().Include(m => m.Opd).Where(m => m.UserId == id).OrderBy(m => m.Opd!.SortOrder).ToListAsync(ct);
        Opds = (await db.Opds.AsNoTracking().OrderBy(o => o.SortOrder).Select(o => new { o.Slug, o.Name }).ToListAsync(ct)).Select(o => (o.Slug, o.Name)).ToList();
        return true;
    }
}
