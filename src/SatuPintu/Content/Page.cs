using SatuPintu.Directory;

namespace SatuPintu.Content;

/// <summary>A static page: the regency's own (OpdId null) or one of an OPD's profile pages.</summary>
public sealed class Page
{
    public int Id { get; set; }
    public int? OpdId { get; set; }
    public Opd? Opd { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string BodyHtml { get; set; } = "";
    public PublicationStatus Status { get; set; }
    public DateTime UpdatedAt { get; set; }
}
