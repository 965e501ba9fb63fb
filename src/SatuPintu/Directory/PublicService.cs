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
}
