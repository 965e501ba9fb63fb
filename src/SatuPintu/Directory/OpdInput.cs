using SatuPintu.Content;
using SatuPintu.Shared;

namespace SatuPintu.Directory;

/// <summary>A new OPD, from the admin form or as JSON to <c>POST /api/v1/opds</c>.</summary>
public sealed class NewOpdInput
{
    public string? Name { get; set; }
    public string? ShortName { get; set; }
    /// <summary>Address slug; empty means derived from the short name (or the name).</summary>
    public string? Slug { get; set; }
    /// <summary>An <see cref="OpdKind"/> name, any case: "dinas", "badan", "kecamatan" …</summary>
    public string? Kind { get; set; }
}

/// <summary>
/// An OPD's profile, from the edit form or as JSON to <c>PUT /api/v1/opds/{slug}</c>. It replaces the
/// whole profile: an absent, null or blank field clears that field. Name and short name are taken
/// from admins only; for anyone else they are ignored.
/// </summary>
public sealed class OpdProfileInput
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
    /// <summary>Opening hours in the <see cref="OpeningHours"/> notation, one rule per line.</summary>
    public string? Hours { get; set; }
    public string? Vision { get; set; }
    public string? Mission { get; set; }
    /// <summary>Tugas pokok dan fungsi.</summary>
    public string? Duties { get; set; }
    public string? Structure { get; set; }

    /// <summary>The profile as it stands, to fill the form.</summary>
    public static OpdProfileInput From(Opd o) => new()
    {
        Name = o.Name, ShortName = o.ShortName, Summary = o.Summary, HeadName = o.HeadName, HeadTitle = o.HeadTitle, Address = o.Address,
        Phone = o.Phone, Email = o.Email, Website = o.Website, Hours = o.Hours, Vision = o.Vision, Mission = o.Mission, Duties = o.Duties, Structure = o.Structure,
    };
}

/// <summary>The refusals every opd change shares, with their messages; the outcome itself is <see cref="Outcome{T}"/>.</summary>
public static class OpdRefusals
{
    public static readonly Outcome<Opd> NotFound = Outcome<Opd>.NotFound("Perangkat daerah tidak ditemukan.");
    public static readonly Outcome<Opd> Forbidden = Outcome<Opd>.Forbidden("Anda tidak berhak melakukan tindakan ini pada perangkat daerah tersebut.");
}
