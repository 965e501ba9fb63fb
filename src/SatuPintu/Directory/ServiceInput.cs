using SatuPintu.Content;
using SatuPintu.Shared;

namespace SatuPintu.Directory;

/// <summary>A public service's standard as the admin form posts it, and the one check of it before anything is written.</summary>
public sealed class ServiceInput
{
    public const int MaxText = 5000;

    public int? Id { get; set; }
    public string? Name { get; set; }
    public string? Topic { get; set; }
    public string? Description { get; set; }
    public string? Requirements { get; set; }
    public string? Procedure { get; set; }
    public string? Duration { get; set; }
    public string? Cost { get; set; }
    public string? Output { get; set; }
    public string? LegalBasis { get; set; }
    public string? Office { get; set; }
    public string? OfficeAddress { get; set; }
    public string? MapUrl { get; set; }
    public string? Hours { get; set; }
    public string? Forms { get; set; }
    /// <summary>Admins only: the place among the most requested services on the home page.</summary>
    public int? PopularRank { get; set; }
    /// <summary>The editor confirms the standard still holds: the page shows today as its review date.</summary>
    public bool Reviewed { get; set; } = true;

    public static ServiceInput From(PublicService s) => new()
    {
        Id = s.Id, Name = s.Name, Topic = s.Topic, Description = s.Description, Requirements = s.Requirements, Procedure = s.Procedure,
        Duration = s.Duration, Cost = s.Cost, Output = s.Output, LegalBasis = s.LegalBasis, Office = s.Office, OfficeAddress = s.OfficeAddress,
        MapUrl = s.MapUrl, Hours = s.Hours, Forms = s.Forms, PopularRank = s.PopularRank,
    };

    /// <summary>The problems, field by field (API names), or none; <paramref name="admin"/> may set the home-page rank.</summary>
    public FieldErrors Check(bool admin)
    {
        var errors = new FieldErrors();
        var name = HtmlCleaner.PlainText(Name);
        if (name.Length is 0 or > 200)
        {
            errors.Add("name", "Nama layanan wajib diisi (paling banyak 200 karakter).");
        }
        if (Topic is { Length: > 0 } && !ServiceTopics.IsKnown(Topic))
        {
            errors.Add("topic", "Pilih topik dari daftar.");
        }
        foreach (var (key, text) in new[] { ("description", Description), ("requirements", Requirements), ("procedure", Procedure), ("legalBasis", LegalBasis), ("forms", Forms), ("hours", Hours) })
        {
            if (text?.Length > MaxText)
            {
                errors.Add(key, $"Paling banyak {MaxText} karakter.");
            }
        }
        foreach (var (key, text, max) in new[] { ("duration", Duration, 200), ("cost", Cost, 200), ("output", Output, 200), ("office", Office, 200), ("officeAddress", OfficeAddress, 500) })
        {
            if (text?.Length > max)
            {
                errors.Add(key, $"Paling banyak {max} karakter.");
            }
        }
        if (!string.IsNullOrWhiteSpace(MapUrl) && !IsHttps(MapUrl.Trim()))
        {
            errors.Add("mapUrl", "Tautan peta harus alamat https lengkap.");
        }
        if (!string.IsNullOrWhiteSpace(Hours) && OpeningHours.TryParse(Hours, out var hoursError) is null)
        {
            errors.Add("hours", hoursError ?? "Jam layanan tidak terbaca.");
        }
        foreach (var line in Lines(Forms))
        {
            if (ServiceForm.Read(line) is null)
            {
                errors.Add("forms", $"Formulir tidak terbaca: \"{line}\". Tulis \"Nama formulir | https://…\" atau \"Nama formulir | /dokumen/…\".");
                break;
            }
        }
        if (PopularRank is not null && (!admin || PopularRank is < 1 or > 99))
        {
            errors.Add("popularRank", admin ? "Urutan layanan terpopuler 1 sampai 99." : "Hanya admin yang menentukan layanan terpopuler di beranda.");
        }
        return errors;
    }

    /// <summary>Writes the checked input onto <paramref name="s"/>; the rank stays as it was unless an admin posts it.</summary>
    public void ApplyTo(PublicService s, bool admin, DateTime nowUtc)
    {
        s.Name = HtmlCleaner.PlainText(Name);
        s.Topic = string.IsNullOrWhiteSpace(Topic) ? null : Topic;
        s.Description = Clean(Description);
        s.Requirements = Clean(Requirements);
        s.Procedure = Clean(Procedure);
        s.LegalBasis = Clean(LegalBasis);
        s.Forms = Clean(Forms);
        s.Hours = Clean(Hours);
        s.Duration = Clean(HtmlCleaner.PlainText(Duration));
        s.Cost = Clean(HtmlCleaner.PlainText(Cost));
        s.Output = Clean(HtmlCleaner.PlainText(Output));
        s.Office = Clean(HtmlCleaner.PlainText(Office));
        s.OfficeAddress = Clean(HtmlCleaner.PlainText(OfficeAddress));
        s.MapUrl = Clean(MapUrl);
        if (admin)
        {
            s.PopularRank = PopularRank;
        }
        if (Reviewed)
        {
            s.ReviewedAt = nowUtc;
        }
    }

    public static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsHttps(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme == "https";

    private static string? Clean(string? t) => string.IsNullOrWhiteSpace(t) ? null : t.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>One item per line, without the numbering or bullet the OPD typed: the service page's lists and the API's.</summary>
    public static IEnumerable<string> Items(string? text) =>
        Lines(text).Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"^(\d+[.)]|[-•*])\s*", ""));

    internal static bool IsLink(string url) => IsHttps(url) || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal));
}

/// <summary>A form to download, one line of <see cref="PublicService.Forms"/>: "Formulir F-1.01 | /dokumen/f-1-01".</summary>
public sealed record ServiceForm(string Title, string Url)
{
    public static ServiceForm? Read(string line)
    {
        var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 && parts[0].Length is > 0 and <= 200 && ServiceInput.IsLink(parts[1]) ? new ServiceForm(parts[0], parts[1]) : null;
    }

    public static IReadOnlyList<ServiceForm> All(string? forms) => ServiceInput.Lines(forms).Select(Read).OfType<ServiceForm>().ToList();
}
