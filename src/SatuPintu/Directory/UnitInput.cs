using SatuPintu.Content;
using SatuPintu.Shared;

namespace SatuPintu.Directory;

/// <summary>A unit (puskesmas, UPT, bagian) as the admin form posts it, and the one check of it before anything is written.</summary>
public sealed class UnitInput
{
    public int? Id { get; set; }
    public string? Name { get; set; }
    public string? ShortName { get; set; }
    public string? KindLabel { get; set; }
    public string? Description { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Hours { get; set; }

    public static UnitInput From(OpdUnit u) => new()
    {
        Id = u.Id, Name = u.Name, ShortName = u.ShortName, KindLabel = u.KindLabel, Description = u.Description,
        Address = u.Address, Phone = u.Phone, Hours = u.Hours,
    };

    /// <summary>The problems field by field, or none.</summary>
    public FieldErrors Check()
    {
        var errors = new FieldErrors();
        if (errors.Text(HtmlCleaner.PlainText(Name), 200, "name", "Nama unit", required: true) is { } name && Slug.From(name, 80).Length == 0)
        {
            errors.Add("name", "Nama unit harus memuat huruf atau angka.");
        }
        errors.Text(HtmlCleaner.PlainText(KindLabel), 40, "kindLabel", "Jenis unit (mis. Puskesmas, UPT, Bagian)", required: true);
        errors.Text(HtmlCleaner.PlainText(ShortName), 40, "shortName", "Singkatan");
        errors.Text(Description, 1000, "description", "Keterangan");
        errors.Text(Address, 500, "address", "Alamat");
        errors.Text(HtmlCleaner.PlainText(Phone), 40, "phone", "Telepon");
        if (errors.Text(Hours, OpeningHours.MaxLength, "hours", "Jam layanan") is { } hours && OpeningHours.TryParse(hours, out var hoursError) is null)
        {
            errors.Add("hours", hoursError ?? "Jam layanan tidak terbaca.");
        }
        return errors;
    }

    /// <summary>Writes the checked input onto <paramref name="u"/>.</summary>
    public void ApplyTo(OpdUnit u)
    {
        u.Name = HtmlCleaner.PlainText(Name);
        u.ShortName = Clean(HtmlCleaner.PlainText(ShortName));
        u.KindLabel = HtmlCleaner.PlainText(KindLabel);
        u.Description = Clean(Description);
        u.Address = Clean(Address);
        u.Phone = Clean(HtmlCleaner.PlainText(Phone));
        u.Hours = Clean(Hours);
    }

    private static string? Clean(string? t) => string.IsNullOrWhiteSpace(t) ? null : t.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
