namespace SatuPintu.Directory;

/// <summary>An Organisasi Perangkat Daerah: one agency of the regency (dinas, badan, kecamatan …).</summary>
public sealed class Opd
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    /// <summary>Common abbreviation, e.g. "BKD", "Bappeda".</summary>
    public string? ShortName { get; set; }
    public OpdKind Kind { get; set; }
    public int SortOrder { get; set; }

    public string? HeadName { get; set; }
    public string? HeadTitle { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    /// <summary>Opening hours of the office in the <see cref="OpeningHours"/> notation.</summary>
    public string? Hours { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>True when the coordinates are a guess (demo data), shown as such to visitors.</summary>
    public bool CoordinatesApproximate { get; set; }

    public string? Summary { get; set; }
    public string? Vision { get; set; }
    public string? Mission { get; set; }
    /// <summary>Tugas pokok dan fungsi.</summary>
    public string? Duties { get; set; }
    public string? Structure { get; set; }

    public DateTime UpdatedAt { get; set; }
    public DateTime? ArchivedAt { get; set; }
    /// <summary>
    /// Kept off every public page, list, search, sitemap, feed and the API until an admin shows it
    /// (<see cref="OpdVisibility"/>): a new OPD starts hidden; existing and demo OPDs are shown.
    /// </summary>
    public bool Hidden { get; set; }

    public List<OpdUnit> Units { get; set; } = [];
    public List<PublicService> Services { get; set; } = [];

    public string DisplayShortName => ShortName ?? Name;
}
