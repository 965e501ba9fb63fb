using System.Net;

namespace SatuPintu.Network.Import;

/// <summary>
/// The rules of each kind's row: what makes it valid, which stored record it names (then it updates
/// that record, column by column) or the record it adds. Sites are in <c>ImportRules.Sites.cs</c>.
/// </summary>
internal sealed partial class ImportRules(ImportContext context, string actor, DateTime now)
{
    public List<Phase> NewPhases { get; } = [];
    public List<Site> NewSites { get; } = [];
    public List<Link> NewLinks { get; } = [];
    public List<Uplink> NewUplinks { get; } = [];
    public List<Subnet> NewSubnets { get; } = [];
    public List<BudgetLine> NewBudget { get; } = [];
    /// <summary>Stored records a row takes away (an OPD no longer housed at a site).</summary>
    public List<object> Removed { get; } = [];

    /// <summary>What the last applied row does: new, changed (and which columns) or unchanged.</summary>
    public RowDiff Diff { get; private set; } = new(true);

    public string Apply(ImportKind kind, CellReader r)
    {
        Diff = new RowDiff(true);
        return ApplyRow(kind, r);
    }

    private string ApplyRow(ImportKind kind, CellReader r) => kind switch
    {
        ImportKind.Phases => Phase(r),
        ImportKind.Sites => Site(r),
        ImportKind.Links => Link(r),
        ImportKind.Uplinks => Uplink(r),
        ImportKind.Subnets => Subnet(r),
        _ => Budget(r),
    };

    /// <summary>A second row naming the same stored record is an error, not a second update.</summary>
    private bool Claim(CellReader r, string column, object record, string what)
    {
        if (context.Claimed.Add(record))
        {
            return true;
        }
        r.Fail(column, $"{what} sudah disebut di baris sebelumnya dalam berkas ini.");
        return false;
    }

    private string Phase(CellReader r)
    {
        var name = r.Text("name", 200, required: true);
        var year = r.Whole("target_year", 2000, 2100, required: true);
        var description = r.Text("description", 2000);
        var phase = name is not null ? context.Phases.GetValueOrDefault(name) : null;
        if (phase is { Id: 0 })
        {
            r.Fail("name", $"Tahap \"{name}\" sudah ada di baris sebelumnya.");
        }
        else if (phase is not null)
        {
            Claim(r, "name", phase, $"Tahap \"{name}\"");
        }
        Diff = new RowDiff(phase is null);
        if (!r.Bad)
        {
            phase ??= new Phase { Name = name! };
            Diff.Set(r, "target_year", phase.TargetYear, year!.Value, v => phase.TargetYear = v);
            Diff.Set(r, "description", phase.Description, description, v => phase.Description = v);
            if (Diff.IsNew)
            {
                context.Phases[phase.Name] = phase;
                NewPhases.Add(phase);
            }
        }
        return $"{name} ({year})";
    }

    /// <summary>The site a row names, by id or name, existing or from an earlier row; null (with an error) otherwise.</summary>
    private Site? SiteOf(CellReader r)
    {
        var reference = r.Text("site", 200, required: true);
        if (reference is null)
        {
            return null;
        }
        var site = context.FindSite(reference);
        if (site is null)
        {
            r.Fail("site", $"Lokasi \"{reference}\" tidak dikenal; tulis id atau nama lokasi terdaftar atau dari lembar sites.");
        }
        return site;
    }

    private static void Attach<T>(T item, Site site, Action<T, Site?> setNav, Action<T, int> setId)
    {
        if (site.Id == 0)
        {
            setNav(item, site);
        }
        else
        {
            setId(item, site.Id);
        }
    }

    private Phase? PhaseOf(CellReader r)
    {
        if (r.Text("phase", 200) is not { } phaseName)
        {
            return null;
        }
        if (context.Phases.GetValueOrDefault(phaseName) is { } phase)
        {
            return phase;
        }
        r.Fail("phase", $"Tahap \"{phaseName}\" tidak dikenal.");
        return null;
    }

    private string Link(CellReader r)
    {
        var site = SiteOf(r);
        var medium = r.Choice<LinkMedium>("medium", true, ("fo", LinkMedium.Fiber), ("ptp", LinkMedium.WirelessPtp), ("ptmp", LinkMedium.WirelessPtmp)) ?? default;
        var down = r.Whole("down_mbps", 0, 1_000_000, required: true) ?? 0;
        var up = r.Whole("up_mbps", 0, 1_000_000, required: true) ?? 0;
        var provider = r.Text("provider", 200);
        var device = r.Text("device_model", 200);
        var address = r.Text("management_address", 100);
        var installed = r.Date("installed_on");
        var cost = r.Rupiah("monthly_cost") ?? 0;
        if (address is not null && !IPAddress.TryParse(address, out _))
        {
            r.Fail("management_address", $"\"{address}\" bukan alamat IP.");
        }
        var link = site is not null ? context.Links.GetValueOrDefault(site) : null;
        if (site is not null && link is not null && !Claim(r, "site", link, $"Tautan lokasi \"{site.Name}\""))
        {
            return $"{site.Name} — {medium} {down}/{up} Mbps";
        }
        Diff = new RowDiff(link is null);
        if (!r.Bad && site is not null)
        {
            link ??= new Link();
            Diff.Set(r, "medium", link.Medium, medium, v => link.Medium = v);
            Diff.Set(r, "down_mbps", link.CommittedDownMbps, down, v => link.CommittedDownMbps = v);
            Diff.Set(r, "up_mbps", link.CommittedUpMbps, up, v => link.CommittedUpMbps = v);
            Diff.Set(r, "provider", link.Provider, provider, v => link.Provider = v);
            Diff.Set(r, "device_model", link.DeviceModel, device, v => link.DeviceModel = v);
            Diff.Set(r, "management_address", link.ManagementAddress, address, v => link.ManagementAddress = v);
            Diff.Set(r, "installed_on", link.InstalledOn, installed, v => link.InstalledOn = v);
            Diff.Set(r, "monthly_cost", link.MonthlyCostRupiah, cost, v => link.MonthlyCostRupiah = v);
            if (Diff.IsNew)
            {
                Attach(link, site, (l, s) => l.Site = s, (l, id) => l.SiteId = id);
                context.Links[site] = link;
                context.Claimed.Add(link);
                NewLinks.Add(link);
            }
        }
        return $"{site?.Name} — {medium} {down}/{up} Mbps";
    }

    private string Uplink(CellReader r)
    {
        var provider = r.Text("provider", 200, required: true) ?? "";
        var mbps = r.Whole("mbps", 1, 1_000_000, required: true) ?? 0;
        var cost = r.Rupiah("monthly_cost") ?? 0;
        var start = r.Date("contract_start", required: true) ?? default;
        var end = r.Date("contract_end");
        var notes = r.Text("notes", 1000);
        if (end < start)
        {
            r.Fail("contract_end", "Akhir kontrak sebelum awalnya.");
        }
        // An uplink is known by its provider and contract start; a second one alike is the next stored one.
        var uplink = context.Uplinks.FirstOrDefault(u => !context.Claimed.Contains(u)
            && string.Equals(u.Provider, provider, StringComparison.OrdinalIgnoreCase) && u.ContractStart == start);
        Diff = new RowDiff(uplink is null);
        if (!r.Bad)
        {
            uplink ??= new Uplink { Provider = provider };
            context.Claimed.Add(uplink);
            Diff.Set(r, "mbps", uplink.Mbps, mbps, v => uplink.Mbps = v);
            Diff.Set(r, "monthly_cost", uplink.MonthlyCostRupiah, cost, v => uplink.MonthlyCostRupiah = v);
            Diff.Set(r, "contract_start", uplink.ContractStart, start, v => uplink.ContractStart = v);
            Diff.Set(r, "contract_end", uplink.ContractEnd, end, v => uplink.ContractEnd = v);
            Diff.Set(r, "notes", uplink.Notes, notes, v => uplink.Notes = v);
            if (Diff.IsNew)
            {
                NewUplinks.Add(uplink);
            }
        }
        return $"{provider} {mbps} Mbps";
    }

    private string Budget(CellReader r)
    {
        var year = r.Whole("year", 2000, 2100, required: true) ?? 0;
        var source = r.Choice<BudgetSource>("source", true, ("apbdp", BudgetSource.ApbdPerubahan), ("lainnya", BudgetSource.Other)) ?? default;
        var item = r.Choice<BudgetItem>("item", true, ("instalasi", BudgetItem.Installation), ("perangkat", BudgetItem.Equipment),
            ("langganan", BudgetItem.Bandwidth), ("pemeliharaan", BudgetItem.Maintenance)) ?? default;
        var planned = r.Rupiah("planned", required: true) ?? 0;
        var realised = r.Rupiah("realised") ?? 0;
        var description = r.Text("description", 300);
        var phase = PhaseOf(r);
        // A budget line is known by year, source, item and phase; several alike match stored ones in order.
        var line = phase is { Id: 0 } ? null : context.Budget.FirstOrDefault(b => !context.Claimed.Contains(b)
            && b.FiscalYear == year && b.Source == source && b.Item == item && b.PhaseId == phase?.Id);
        Diff = new RowDiff(line is null);
        if (!r.Bad)
        {
            line ??= new BudgetLine { FiscalYear = year, Source = source, Item = item };
            context.Claimed.Add(line);
            Diff.Set(r, "planned", line.PlannedRupiah, planned, v => line.PlannedRupiah = v);
            Diff.Set(r, "realised", line.RealisedRupiah, realised, v => line.RealisedRupiah = v);
            Diff.Set(r, "description", line.Description, description, v => line.Description = v);
            if (Diff.IsNew)
            {
                line.Phase = phase is { Id: 0 } ? phase : null;
                line.PhaseId = phase is { Id: > 0 } ? phase.Id : null;
                NewBudget.Add(line);
            }
        }
        return $"{year} {source} {item}";
    }
}
