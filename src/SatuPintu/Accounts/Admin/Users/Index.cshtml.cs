using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Shared;

namespace SatuPintu.Accounts.Admin.Users;

/// <summary>
/// /admin/pengguna (admins): everyone who can sign in, searchable and paged, and the invitation form.
/// An invited person gets an account without a password and a single-use link to choose one; the link
/// goes by e-mail when SMTP is set, else it is shown once here for the admin to pass on.
/// </summary>
public sealed class IndexModel(SatuPintuDb db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, AccountLinks links, AccountMail mail,
    Feeds.PublicUrls urls, TimeProvider time) : PageModel
{
    public const string Here = "/admin/pengguna";
    private const int PerPage = 25;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty, Required(ErrorMessage = "Surel wajib diisi."), EmailAddress(ErrorMessage = "Surel tidak valid."), StringLength(256, ErrorMessage = "Surel paling banyak 256 karakter.")]
    public string Email { get; set; } = "";

    [BindProperty, StringLength(200, ErrorMessage = "Nama paling banyak 200 karakter.")]
    public string? DisplayName { get; set; }

    [BindProperty, Required(ErrorMessage = "Pilih peran.")]
    public string Role { get; set; } = "editor";

    [BindProperty]
    public string? Opd { get; set; }

    public PagedList<UserRow> People { get; private set; } = null!;
    public IReadOnlyList<(string Slug, string Name)> Opds { get; private set; } = [];
    public string? PageError { get; private set; }
    public bool MailConfigured => mail.Configured;

    [TempData]
    public string? NewLink { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var email = Email.Trim();
        var (choice, problem) = ModelState.IsValid ? await RoleGrants.ChooseAsync(db, Role, Opd, ct) : (null, null);
        if (problem is not null)
        {
            ModelState.AddModelError(string.IsNullOrWhiteSpace(Opd) || Role is "admin" or "pimpinan" ? nameof(Role) : nameof(Opd), char.ToUpperInvariant(problem[0]) + problem[1..] + ".");
        }
        if (ModelState.IsValid && await users.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError(nameof(Email), "Surel ini sudah punya akun: beri perannya di halaman orang itu.");
        }
        if (!ModelState.IsValid || choice is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
        var user = new AppUser
        {
            UserName = email, Email = email, DisplayName = SatuPintu.Content.HtmlCleaner.PlainText(DisplayName) is { Length: > 0 } n ? n : null,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors)
            {
                ModelState.AddModelError(nameof(Email), e.Description);
            }
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
        await RoleGrants.GrantAsync(db, users, roles, user, choice, ct);
        var secret = await links.IssueAsync(user, AccountLinkPurpose.Invitation, ct);
        await AccountAudit.WriteAsync(db, AccountAudit.Actor(HttpContext), AccountAudit.UserInvited, user.Id, $"{email} diundang sebagai {choice.Label}", ct);
        var link = urls.Absolute(Request, $"{AccountLinks.InvitationPath}?token={secret}");
        if (await mail.SendAsync(email, AccountLinkPurpose.Invitation, link, links.Lifetime(AccountLinkPurpose.Invitation), ct))
        {
            return this.Done(DetailModel.Path(user.Id), $"Undangan dikirim ke {email}.");
        }
        NewLink = link;
        return this.Done(DetailModel.Path(user.Id), $"{email} diundang sebagai {choice.Label}. Salin tautan undangan di bawah dan kirim sendiri kepadanya.");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Opds = (await db.Opds.AsNoTracking().OrderBy(o => o.SortOrder).Select(o => new { o.Slug, o.Name }).ToListAsync(ct)).Select(o => (o.Slug, o.Name)).ToList();
        var request = PageRequest.Parse(Request.Query, PerPage, out var error) ?? new PageRequest(1, PerPage);
        PageError = error;
        var q = db.Users.AsNoTracking();
        if (Query?.Trim() is { Length: > 0 } text)
        {
            var plain = text.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
            var pattern = "%" + plain.ToUpperInvariant() + "%";
            q = q.Where(u => EF.Functions.Like(u.NormalizedEmail!, pattern) || (u.DisplayName != null && EF.Functions.Like(u.DisplayName, "%" + plain + "%")));
        }
        var total = await q.CountAsync(ct);
        var page = await q.OrderBy(u => u.NormalizedEmail).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        People = new PagedList<UserRow>(await UserRow.ForAsync(db, page, ct), request, total);
        return error is null;
    }
}
