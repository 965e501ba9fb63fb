namespace SatuPintu.Network;

/// <summary>The hop from a site to its parent site (one per site; the parent is <see cref="Site.ParentSiteId"/>).</summary>
public sealed class Link
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public LinkMedium Medium { get; set; }
    /// <summary>Committed bandwidth towards the site, in Mbps.</summary>
    public int CommittedDownMbps { get; set; }
    public int CommittedUpMbps { get; set; }
    public string? Provider { get; set; }
    public string? DeviceModel { get; set; }
    /// <summary>The device's management address, only ever stored and shown to admins; never contacted.</summary>
    public string? ManagementAddress { get; set; }
    public DateOnly? InstalledOn { get; set; }
    public long MonthlyCostRupiah { get; set; }
}

/// <summary>An internet uplink at the core, shared by every site.</summary>
public sealed class Uplink
{
    public int Id { get; set; }
    public required string Provider { get; set; }
    public int Mbps { get; set; }
    public long MonthlyCostRupiah { get; set; }
    public DateOnly ContractStart { get; set; }
    public DateOnly? ContractEnd { get; set; }
    public string? Notes { get; set; }
}

/// <summary>An address block at a site, IPv4 or IPv6, kept normalised (network address/prefix).</summary>
public sealed class Subnet
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public int? Vlan { get; set; }
    /// <summary>Normalised CIDR as IPNetwork2 prints it, e.g. "10.10.1.0/24".</summary>
    public required string Cidr { get; set; }
    /// <summary>4 or 6, so overlap checks only load blocks of the same family.</summary>
    public int Family { get; set; }
    public string? Gateway { get; set; }
    public string? Description { get; set; }
}

/// <summary>A rollout phase: the sites in it are its targets.</summary>
public sealed class Phase
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int TargetYear { get; set; }
    public string? Description { get; set; }
    public List<Site> Sites { get; set; } = [];
}

/// <summary>One budget line of the programme: pagu (planned) and realisasi (realised), in rupiah.</summary>
public sealed class BudgetLine
{
    public int Id { get; set; }
    public int FiscalYear { get; set; }
    public BudgetSource Source { get; set; }
    public BudgetItem Item { get; set; }
    public string? Description { get; set; }
    public long PlannedRupiah { get; set; }
    public long RealisedRupiah { get; set; }
    public int? PhaseId { get; set; }
    public Phase? Phase { get; set; }
}
