namespace SatuPintu.Directory;

/// <summary>A unit under an OPD: a bagian of the Sekretariat Daerah, a UPT of a dinas, a puskesmas …</summary>
public sealed class OpdUnit
{
    public int Id { get; set; }
    public int OpdId { get; set; }
    public Opd? Opd { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? ShortName { get; set; }
    /// <summary>"Bagian", "UPT", "Unit" …, shown as a label.</summary>
    public required string KindLabel { get; set; }
    public string? Description { get; set; }
    public int SortOrder { get; set; }

    /// <summary>A unit with its own office (a puskesmas, a UPT) has its own address, phone and hours.</summary>
    public string? Address { get; set; }
    public string? Phone { get; set; }
    /// <summary>Opening hours in the <see cref="OpeningHours"/> notation.</summary>
    public string? Hours { get; set; }
    /// <summary>An archived unit is off the portal; kept, since network sites may still name it.</summary>
    public DateTime? ArchivedAt { get; set; }
}
