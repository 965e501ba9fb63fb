using SatuPintu.Directory;

namespace SatuPintu.Content;

/// <summary>A downloadable file (regulation, report, form) published by an OPD.</summary>
public sealed class Document
{
    public int Id { get; set; }
    public int OpdId { get; set; }
    public Opd? Opd { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    /// <summary>A key of <see cref="DocumentCategories"/>; documents from before the list carry "lainnya" or their mapped key.</summary>
    public string? Category { get; set; }
    /// <summary>Regulations only: the number as written on it ("5", "188.45/12/KPTS/2025").</summary>
    public string? RegulationNumber { get; set; }
    /// <summary>Regulations only: the year it was enacted; the year filter uses it over the publication year.</summary>
    public int? RegulationYear { get; set; }
    /// <summary>Regulations only.</summary>
    public RegulationStatus? RegulationStatus { get; set; }
    /// <summary>The name the visitor's browser saves it as.</summary>
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    /// <summary>Path relative to the uploads folder in the data folder; never under the web root.</summary>
    public required string StoragePath { get; set; }
    public PublicationStatus Status { get; set; }
    public DateTime? PublishAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Attached to this article from its form: published with it, listed under it.</summary>
    public int? ArticleId { get; set; }
    public Article? Article { get; set; }
}
