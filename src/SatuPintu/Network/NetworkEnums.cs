namespace SatuPintu.Network;

/// <summary>Where a site sits in the tree: the core NOC, a distribution point, an office, a kecamatan office.</summary>
public enum SiteKind
{
    Core = 0,
    Distribution = 1,
    Office = 2,
    Kecamatan = 3,
}

/// <summary>
/// The connection lifecycle of a site. The allowed moves between states live in
/// <see cref="Lifecycle"/>, nowhere else.
/// </summary>
public enum ConnectionState
{
    Planned = 0,
    Funded = 1,
    Installed = 2,
    Connected = 3,
    Postponed = 4,
    Decommissioned = 5,
}

/// <summary>How a site reaches its parent site.</summary>
public enum LinkMedium
{
    Fiber = 0,
    WirelessPtp = 1,
    WirelessPtmp = 2,
    Vsat = 3,
    IspBroadband = 4,
}

public enum BudgetSource
{
    Apbd = 0,
    ApbdPerubahan = 1,
    Dak = 2,
    Other = 3,
}

public enum BudgetItem
{
    Installation = 0,
    Equipment = 1,
    Bandwidth = 2,
    Maintenance = 3,
}
