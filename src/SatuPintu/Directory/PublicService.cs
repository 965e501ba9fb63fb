namespace SatuPintu.Directory;

/// <summary>A public service an OPD offers, with its standar pelayanan.</summary>
public sealed class PublicService
{
    public int Id { get; set; }
    public int OpdId { get; set; }
    public Opd? Opd { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string? Requirements { get; set; }
    public string? Procedure { get; set; }
    public string? Duration { get; set; }
    public string? Cost { get; set; }
    public string? Output { get; set; }
    public int SortOrder { get; set; }

    /// <summary>One of <see cref="ServiceTopics"/>; null files it under "lainnya".</summary>
    public string? Topic { get; set; }
    /// <summary>Dasar hukum: the regulations the service rests on, one per line.</summary>
    public string? LegalBasis { get; set; }
    /// <summary>The office people go to; null means the OPD's own office.</summary>
    public string? Office { get; set; }
    public string? OfficeAddress { get; set; }
    /// <summary>A map link (https) to the office.</summary>
    public string? MapUrl { get; set; }
    /// <summary>Opening hours in the <see cref="OpeningHours"/> notation; null means the OPD's hours.</summary>
    public string? Hours { get; set; }
    /// <summary>Forms to download, one per line: "Formulir F-1.01 | https://…" or a path on this portal.</summary>
    public string? Forms { get; set; }
    /// <summary>Rank among the most requested services on the home page (1 first); null when not featured.</summary>
    public int? PopularRank { get; set; }
    /// <summary>When the OPD last checked the standard was still true.</summary>
    public DateTime? ReviewedAt { get; set; }
}
