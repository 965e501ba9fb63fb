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
    /// <summary>e.g. "Peraturan", "Laporan", "Formulir".</summary>
    public string? Category { get; set; }
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
