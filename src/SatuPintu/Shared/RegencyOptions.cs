using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace SatuPintu.Shared;

/// <summary>
/// The regency itself, under "SatuPintu:Regency" (environment <c>SatuPintu__Regency__Name</c> …): its name,
/// emblem, leaders, profile, the national links every pemda site carries, and the holidays offices close on.
/// Nothing of one regency is written in code: another regency deploys by setting these. The demo instance
/// fills what is left empty (<see cref="Data.Demo.DemoRegency"/>) only while no name is set.
/// </summary>
public sealed class RegencyOptions : IValidatableObject
{
    public const string Section = "SatuPintu:Regency";

    /// <summary>"Kabupaten Kepahiang", "Kota Bengkulu"; shown everywhere the portal names its government.</summary>
    [StringLength(100, MinimumLength = 3)]
    public string? Name { get; set; }

    /// <summary>Path or https address of the emblem (lambang daerah); empty shows the portal's own mark.</summary>
    [StringLength(300)]
    public string? Emblem { get; set; }

    public string? Regent { get; set; }
    public string? ViceRegent { get; set; }
    /// <summary>"Wali Kota" for a city.</summary>
    public string RegentTitle { get; set; } = "Bupati";
    public string ViceRegentTitle { get; set; } = "Wakil Bupati";
    /// <summary>"2025–2030".</summary>
    public string? Term { get; set; }

    /// <summary>Selayang pandang: a few paragraphs, separated by blank lines.</summary>
    [StringLength(5000)]
    public string? Overview { get; set; }
    [StringLength(5000)]
    public string? Geography { get; set; }
    public string[] Districts { get; set; } = [];

    /// <summary>The complaint channel named on every service page: SP4N-LAPOR! is national, so it has a default.</summary>
    [Url]
    public string Lapor { get; set; } = "https://www.lapor.go.id";
    [Url]
    public string? Ppid { get; set; }
    [Url]
    public string? Jdih { get; set; }
    [Url]
    public string? Lpse { get; set; }

    /// <summary>Label to address: "Instagram" → "https://instagram.com/…".</summary>
    public Dictionary<string, string> Social { get; set; } = [];
    /// <summary>Label to number: "Ambulans" → "119".</summary>
    public Dictionary<string, string> Emergency { get; set; } = [];

    /// <summary>
    /// Days offices close, "2026-12-25 Hari Raya Natal": the national list plus the regency's own. The shipped 2026 list is the
    /// SKB of the Ministers of Religious Affairs, Manpower and PANRB (Nomor 1497, 2 and 5 Tahun 2025): 17 libur nasional and
    /// 8 cuti bersama; offices close on cuti bersama too. Each new year's SKB has to be added by hand.
    /// </summary>
    public string[] Holidays { get; set; } = [];

    /// <summary>The holidays by date; valid after start (the validator refuses a malformed line).</summary>
    public IReadOnlyDictionary<DateOnly, string> HolidaysByDate => _holidays ??= Holidays.Select(Read).OfType<(DateOnly, string)>()
        .GroupBy(h => h.Item1).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(h => h.Item2)));

    private Dictionary<DateOnly, string>? _holidays;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (line, i) in Holidays.Select((h, i) => (h, i)))
        {
            if (Read(line) is null)
            {
                yield return new ValidationResult($"Holidays[{i}] must read \"yyyy-MM-dd Name\", e.g. \"2026-08-17 Hari Kemerdekaan\".", [nameof(Holidays)]);
            }
        }
        foreach (var (label, url) in Social)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var u) || u.Scheme != "https")
            {
                yield return new ValidationResult($"Social:{label} must be an https address.", [nameof(Social)]);
            }
        }
    }

    private static (DateOnly, string)? Read(string line)
    {
        var parts = line.Trim().Split(' ', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && parts[1].Length > 0
            ? (d, parts[1])
            : null;
    }
}

[OptionsValidator]
public sealed partial class RegencyOptionsValidator : IValidateOptions<RegencyOptions>;
