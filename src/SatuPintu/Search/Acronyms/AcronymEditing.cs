using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Search.Analysis;
using SatuPintu.Shared;

namespace SatuPintu.Search.Acronyms;

/// <summary>The admins' changes to the acronym list: add or rewrite a group, take one out, give a shipped one back.</summary>
public sealed class AcronymEditing(SatuPintuDb db, AcronymList list, TimeProvider time)
{
    public const int MaxPhraseCount = 8;

    /// <summary>Adds a group, or (with <paramref name="existing"/>) rewrites the long forms of the group of that short form.</summary>
    public async Task<Outcome<AcronymGroup>> SaveAsync(string? shortForm, string? phrases, bool existing, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var key = (shortForm ?? "").Trim().ToLowerInvariant();
        var longForms = AcronymList.Split(phrases ?? "");
        if (key.Length == 0)
        {
            errors["abbreviation"] = ["Isi singkatannya, misalnya \"sktm\"."];
        }
        else if (key.Length > AcronymList.MaxShort || key.Contains(' ', StringComparison.Ordinal) || !TextAnalyzer.Words(key).Any())
        {
            errors["abbreviation"] = [$"Singkatan berupa satu kata (huruf, angka, boleh tanda hubung), paling panjang {AcronymList.MaxShort} karakter."];
        }
        if (longForms.Length == 0)
        {
            errors["phrases"] = ["Isi kepanjangannya, misalnya \"surat keterangan tidak mampu\"."];
        }
        else if (longForms.Length > MaxPhraseCount || string.Join(" | ", longForms).Length > AcronymList.MaxPhrases)
        {
            errors["phrases"] = [$"Paling banyak {MaxPhraseCount} kepanjangan dan {AcronymList.MaxPhrases} karakter."];
        }
        else if (longForms.Contains(key))
        {
            errors["phrases"] = ["Kepanjangan tidak boleh sama dengan singkatannya."];
        }
        else if (longForms.FirstOrDefault(p => !TextAnalyzer.Words(p).Any()) is { } empty)
        {
            errors["phrases"] = [$"\"{empty}\" tidak memuat kata yang dapat dicari."];
        }
        if (errors.Count > 0)
        {
            return Outcome<AcronymGroup>.Invalid(errors);
        }
        var current = (await list.ReadAsync(db, ct)).FirstOrDefault(g => g.Abbreviation == key);
        if (existing && current is null)
        {
            return Outcome<AcronymGroup>.NotFound($"Singkatan \"{key}\" tidak ada dalam daftar.");
        }
        if (!existing && current is not null && current.Origin != AcronymOrigin.Removed)
        {
            return Outcome<AcronymGroup>.Invalid(new Dictionary<string, string[]> { ["abbreviation"] = [$"Singkatan \"{key}\" sudah ada dalam daftar; ubah kepanjangannya di sana."] });
        }
        var row = await db.SearchAcronyms.SingleOrDefaultAsync(a => a.Abbreviation == key, ct);
        var shipped = AcronymList.Shipped.FirstOrDefault(g => g.Abbreviation == key);
        if (shipped is not null && shipped.Phrases.SequenceEqual(longForms))
        {
            // Back to exactly the shipped group: no change of ours is left to keep.
            if (row is not null)
            {
                db.SearchAcronyms.Remove(row);
            }
        }
        else if (row is null)
        {
            db.SearchAcronyms.Add(new SearchAcronym { Abbreviation = key, Phrases = string.Join(" | ", longForms), UpdatedAt = time.GetUtcNow().UtcDateTime });
        }
        else
        {
            row.Phrases = string.Join(" | ", longForms);
            row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another admin saved the same short form a moment earlier (the unique index).
            return Outcome<AcronymGroup>.Conflict($"Singkatan \"{key}\" baru saja disimpan orang lain. Muat ulang halaman, lalu periksa lagi.");
        }
        await list.LoadAsync(ct);
        return Outcome<AcronymGroup>.Ok(new AcronymGroup(key, longForms, shipped is null ? AcronymOrigin.Added : AcronymOrigin.Changed));
    }

    /// <summary>Takes a group out of the list (a shipped one stays listed as removed, to be restored).</summary>
    public async Task<Outcome<AcronymGroup>> RemoveAsync(string? shortForm, CancellationToken ct)
    {
        var key = (shortForm ?? "").Trim().ToLowerInvariant();
        var current = (await list.ReadAsync(db, ct)).FirstOrDefault(g => g.Abbreviation == key);
        if (current is null)
        {
            return Outcome<AcronymGroup>.NotFound($"Singkatan \"{key}\" tidak ada dalam daftar.");
        }
        if (current.Origin == AcronymOrigin.Removed)
        {
            // Already out (a repeated click): nothing left to do.
            return Outcome<AcronymGroup>.Ok(current);
        }
        var row = await db.SearchAcronyms.SingleOrDefaultAsync(a => a.Abbreviation == key, ct);
        if (current.Origin == AcronymOrigin.Added)
        {
            db.SearchAcronyms.Remove(row!);
        }
        else if (row is null)
        {
            db.SearchAcronyms.Add(new SearchAcronym { Abbreviation = key, Phrases = null, UpdatedAt = time.GetUtcNow().UtcDateTime });
        }
        else
        {
            row.Phrases = null;
            row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        }
        await db.SaveChangesAsync(ct);
        await list.LoadAsync(ct);
        return Outcome<AcronymGroup>.Ok(current);
    }

    /// <summary>Gives a changed or removed shipped group its shipped long forms back.</summary>
    public async Task<Outcome<AcronymGroup>> RestoreAsync(string? shortForm, CancellationToken ct)
    {
        var key = (shortForm ?? "").Trim().ToLowerInvariant();
        var shipped = AcronymList.Shipped.FirstOrDefault(g => g.Abbreviation == key);
        var row = await db.SearchAcronyms.SingleOrDefaultAsync(a => a.Abbreviation == key, ct);
        if (shipped is null)
        {
            return Outcome<AcronymGroup>.NotFound($"Singkatan \"{key}\" tidak ada dalam daftar bawaan.");
        }
        if (row is null)
        {
            return Outcome<AcronymGroup>.Ok(shipped);
        }
        db.SearchAcronyms.Remove(row);
        await db.SaveChangesAsync(ct);
        await list.LoadAsync(ct);
        return Outcome<AcronymGroup>.Ok(shipped);
    }
}
