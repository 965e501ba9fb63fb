using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Search.Acronyms;
using SatuPintu.Shared;

namespace SatuPintu.Search.Admin;

/// <summary>/admin/pencarian: the acronym list search matches both ways, and a rebuild of the index while the site serves.</summary>
public sealed class AcronymsModel(SatuPintuDb db, AcronymList list, AcronymEditing editing, ReindexJob reindex) : PageModel
{
    private const string Self = "/admin/pencarian";

    public sealed class AcronymInput
    {
        public string? Abbreviation { get; set; }
        public string? Phrases { get; set; }
    }

    [BindProperty]
    public AcronymInput Input { get; set; } = new();

    /// <summary>True when the form rewrites the group of <see cref="AcronymInput.Abbreviation"/>, false when it adds one.</summary>
    [BindProperty]
    public bool Existing { get; set; }

    [TempData]
    public string? Message { get; set; }

    public string? Problem { get; private set; }
    public IReadOnlyList<AcronymGroup> Groups { get; private set; } = [];
    public ReindexState Reindex => reindex.State;

    /// <summary>When the admins last changed the list, to tell whether text indexed before needs a rebuild.</summary>
    public DateTime? LastChange { get; private set; }

    public bool RebuildAdvised => LastChange is { } changed && !(Reindex.FinishedAt > changed && Reindex.Error is null) && !Reindex.Running;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "ubah")] string? edit, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (edit is not null && Groups.FirstOrDefault(g => g.Abbreviation == edit && g.Origin != AcronymOrigin.Removed) is { } group)
        {
            Input = new AcronymInput { Abbreviation = group.Abbreviation, Phrases = string.Join(" | ", group.Phrases) };
            Existing = true;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var o = await editing.SaveAsync(Input.Abbreviation, Input.Phrases, Existing, ct);
        if (this.Refusal(o) is { } refusal)
        {
            return refusal;
        }
        if (this.ShowErrors(o) is { } status)
        {
            Problem = "Singkatan belum disimpan. " + (o.Status == OutcomeStatus.Conflict ? o.Message : ModelState.AllMessages());
            Response.StatusCode = status;
            await LoadAsync(ct);
            return Page();
        }
        return this.Done(Self, $"Singkatan \"{o.Value!.Abbreviation}\" disimpan: {string.Join(", ", o.Value.Phrases)}. Kata yang dicari langsung memakainya.");
    }

    public async Task<IActionResult> OnPostRemoveAsync([FromQuery(Name = "singkatan")] string? shortForm, CancellationToken ct)
    {
        var o = await editing.RemoveAsync(shortForm, ct);
        return this.Refusal(o) ?? this.Done(Self, $"Singkatan \"{o.Value!.Abbreviation}\" dihapus dari daftar.");
    }

    public async Task<IActionResult> OnPostRestoreAsync([FromQuery(Name = "singkatan")] string? shortForm, CancellationToken ct)
    {
        var o = await editing.RestoreAsync(shortForm, ct);
        return this.Refusal(o) ?? this.Done(Self, $"Singkatan \"{o.Value!.Abbreviation}\" kembali seperti bawaan: {string.Join(", ", o.Value.Phrases)}.");
    }

    public IActionResult OnPostReindex() =>
        this.Done(Self, reindex.Start()
            ? "Pembangunan ulang indeks dimulai. Situs tetap melayani pencarian dengan indeks lama sampai indeks baru siap."
            : "Pembangunan ulang indeks sedang berjalan.");

    /// <summary>"12.345": the Indonesian thousands separator.</summary>
    public static string Count(int n) => n.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture).Replace(',', '.');

    private async Task LoadAsync(CancellationToken ct)
    {
        Groups = await list.ReadAsync(db, ct);
        LastChange = await db.SearchAcronyms.MaxAsync(a => (DateTime?)a.UpdatedAt, ct);
    }
}
