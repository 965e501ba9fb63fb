namespace SatuPintu.Network;

/// <summary>
/// A place with government offices on the network: the core NOC, a distribution point, an office
/// (several OPDs may share one in the office complex) or a kecamatan office. Sites form a tree
/// through <see cref="ParentSiteId"/>; the <see cref="Link"/> describes the hop to the parent.
/// </summary>
public sealed class Site
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>True when the coordinates are a guess, shown as such to visitors.</summary>
    public bool CoordinatesApproximate { get; set; }
    public SiteKind Kind { get; set; }

    public int? ParentSiteId { get; set; }
    public Site? ParentSite { get; set; }
    public List<Site> Children { get; set; } = [];

    /// <summary>Current lifecycle state; changed only through <see cref="Lifecycle"/> so history is kept.</summary>
    public ConnectionState State { get; set; }
    /// <summary>Why the site is in its state (e.g. "anggaran belum tersedia" when postponed).</summary>
    public string? StateReason { get; set; }
    public DateTime StateSince { get; set; }

    public int? PhaseId { get; set; }
    public Phase? Phase { get; set; }

    public string? Notes { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<SiteOpd> Opds { get; set; } = [];
    public Link? Link { get; set; }
    public List<Subnet> Subnets { get; set; } = [];
    public List<SiteStateChange> History { get; set; } = [];
}

/// <summary>
/// An OPD housed at a site; with <see cref="OpdUnitId"/> a unit of it (UPBJ and Bagian
/// Pembangunan are units of the Sekretariat Daerah with their own connection).
/// </summary>
public sealed class SiteOpd
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public int OpdId { get; set; }
    public Directory.Opd? Opd { get; set; }
    public int? OpdUnitId { get; set; }
    public Directory.OpdUnit? OpdUnit { get; set; }
}

/// <summary>One lifecycle move of a site: kept forever, shown as the site's history.</summary>
public sealed class SiteStateChange
{
    public long Id { get; set; }
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    /// <summary>Null for the first state a site is registered with.</summary>
    public ConnectionState? From { get; set; }
    public ConnectionState To { get; set; }
    public string? Reason { get; set; }
    public required string ChangedBy { get; set; }
    public DateTime ChangedAt { get; set; }
}
