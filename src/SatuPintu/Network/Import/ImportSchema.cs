namespace SatuPintu.Network.Import;

/// <summary>The record kinds a file may hold, in the order they are committed (a row may name records of earlier kinds).</summary>
public enum ImportKind
{
    Phases,
    Sites,
    Links,
    Uplinks,
    Subnets,
    Budget,
}

/// <summary>
/// The columns of each kind: the same for the template, the import and the CSV/XLSX export, so an
/// export can be edited and imported again. Required columns are listed first. A row names a stored
/// record by its key (site: id or name; link: site; subnet: id, or site and CIDR; phase: name;
/// uplink: provider and contract start; budget line: year, source, item and phase) and updates it.
/// </summary>
public static class ImportSchema
{
    public sealed record KindInfo(ImportKind Kind, string Sheet, string Label, string[] Required, string[] Optional)
    {
        public IEnumerable<string> Columns => Required.Concat(Optional);
    }

    public static readonly IReadOnlyList<KindInfo> Kinds =
    [
        new(ImportKind.Phases, "phases", "tahap", ["name", "target_year"], ["description"]),
        new(ImportKind.Sites, "sites", "lokasi", ["name", "kind", "state"],
            ["parent", "opds", "address", "latitude", "longitude", "approximate", "phase", "reason", "notes", "id"]),
        new(ImportKind.Links, "links", "tautan", ["site", "medium", "down_mbps", "up_mbps"],
            ["provider", "device_model", "management_address", "installed_on", "monthly_cost"]),
        new(ImportKind.Uplinks, "uplinks", "uplink", ["provider", "mbps", "contract_start"], ["monthly_cost", "contract_end", "notes"]),
        new(ImportKind.Subnets, "subnets", "subnet", ["site", "cidr"], ["vlan", "gateway", "description", "id"]),
        new(ImportKind.Budget, "budget", "anggaran", ["year", "source", "item", "planned"], ["realised", "phase", "description"]),
    ];

    public static KindInfo Of(ImportKind kind) => Kinds[(int)kind];

    public static KindInfo? BySheet(string? name) =>
        Kinds.FirstOrDefault(k => string.Equals(k.Sheet, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>A CSV file's kind, known by its header row: every required column of one kind and nothing unknown to it.</summary>
    public static KindInfo? ByHeader(IReadOnlyCollection<string> header) =>
        Kinds.FirstOrDefault(k => k.Required.All(c => header.Contains(c, StringComparer.OrdinalIgnoreCase))
            && header.All(h => h.Length == 0 || k.Columns.Contains(h, StringComparer.OrdinalIgnoreCase)));

    public static string Describe(KindInfo k) => $"{k.Sheet}: {string.Join(",", k.Columns)}";

    /// <summary>The help text for a header that is not one of ours.</summary>
    public static string UnknownHeader =>
        "Baris pertama bukan kepala kolom yang dikenal. Kepala kolom tiap jenis (kolom wajib lebih dulu): " +
        string.Join("; ", Kinds.Select(Describe)) + ".";
}
