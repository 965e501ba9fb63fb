using System.Net;

namespace SatuPintu.Network.Import;

/// <summary>The rules of each kind's row: what makes it valid, and the record it becomes.</summary>
internal sealed class ImportRules(ImportContext context, string actor, DateTime now)
{
    public List<Phase> NewPhases { get; } = [];
    public List<Site> NewSites { get; } = [];
    public List<Link> NewLinks { get; } = [];
    public List<Uplink> NewUplinks { get; } = [];
    public List<Subnet> NewSubnets { get; } = [];
    public List<BudgetLine> NewBudget { get; } = [];

    public string Apply(ImportKind kind, CellReader r) => kind switch
    {
        ImportKind.Phases => Phase(r),
        ImportKind.Sites => Site(r),
        ImportKind.Links => Link(r),
        ImportKind.Uplinks => Uplink(r),
        ImportKind.Subnets => Subnet(r),
        _ => Budget(r),
    };

    private string Phase(CellReader r)
    {
        var name = r.Text("name", 200, required: true);
        var year = r.Whole("target_year", 2000, 2100, required: true);
        var description = r.Text("description", 2000);
        if (name is not null && context.Phases.ContainsKey(name))
        {
            r.Fail("name", $"Tahap \"{name}\" sudah ada.");
        }
        if (!r.Bad)
        {
            var phase = new Phase { Name = name!, TargetYear = year!.Value, Description = description };
            context.Phases[phase.Name] = phase;
            NewPhases.Add(phase);
        }
        return $"{name} ({year})";
    }

    private string Site(CellReader r)
    {
        var name = r.Text("name", 200, required: true);
        var kind = r.Choice<SiteKind>("kind", true, ("inti", SiteKind.Core), ("distribusi", SiteKind.Distribution), ("kantor", SiteKind.Office));
        var stateText = r.Text("state", 40, required: true);
        ConnectionState state = default;
        if (stateText is not null && !Lifecycle.TryParse(stateText, out state))
        {
            r.Fail("state", $"Status \"{stateText}\" tidak dikenal; pilih salah satu: {string.Join(", ", Enum.GetValues<ConnectionState>().Select(s => s.ApiName()))}.");
        }
        var reason = r.Text("reason", Lifecycle.ReasonMaxLength);
        if (state is ConnectionState.Postponed or ConnectionState.Decommissioned && reason is null)
        {
            r.Fail("reason", "Status ditunda atau tidak dipakai lagi perlu alasan, misalnya \"anggaran belum tersedia\".");
        }
        var site = new Site
        {
            Name = name ?? "",
            Kind = kind ?? SiteKind.Office,
            State = state,
            StateReason = reason,
            StateSince = now,
            UpdatedAt = now,
            Address = r.Text("address", 300),
            Latitude = r.Coordinate("latitude", 90),
            Longitude = r.Coordinate("longitude", 180),
            CoordinatesApproximate = r.Bool("approximate"),
            Notes = r.Text("notes", 2000),
        };
        if (name is not null && context.Sites.ContainsKey(name))
        {
            r.Fail("name", $"Lokasi \"{name}\" sudah terdaftar.");
        }
        if (r.Text("parent", 200) is { } parent)
        {
            if (context.FindSite(parent) is { } p)
            {
                site.ParentSite = p.Id == 0 ? p : null;
                site.ParentSiteId = p.Id == 0 ? null : p.Id;
            }
            else
            {
                r.Fail("parent", $"Lokasi induk \"{parent}\" tidak dikenal; tulis id atau nama lokasi terdaftar, atau lokasi di baris sebelumnya.");
            }
        }
        if (r.Text("phase", 200) is { } phaseName)
        {
            if (context.Phases.GetValueOrDefault(phaseName) is { } phase)
            {
                site.Phase = phase.Id == 0 ? phase : null;
                site.PhaseId = phase.Id == 0 ? null : phase.Id;
            }
            else
            {
                r.Fail("phase", $"Tahap \"{phaseName}\" tidak dikenal.");
            }
        }
        foreach (var entry in (r.Text("opds", 2000) ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split('/', 2, StringSplitOptions.TrimEntries);
            if (!context.Opds.TryGetValue(parts[0], out var opd))
            {
                r.Fail("opds", $"OPD \"{parts[0]}\" tidak dikenal; tulis slug OPD (mis. bkd), dipisah titik koma.");
            }
            else if (parts.Length == 2 && !opd.Units.ContainsKey(parts[1]))
            {
                r.Fail("opds", $"Unit \"{parts[1]}\" tidak ada di OPD {parts[0]}.");
            }
            else if (!site.Opds.Any(o => o.OpdId == opd.OpdId && o.OpdUnitId == (parts.Length == 2 ? opd.Units[parts[1]] : null)))
            {
                site.Opds.Add(new SiteOpd { OpdId = opd.OpdId, OpdUnitId = parts.Length == 2 ? opd.Units[parts[1]] : null });
            }
        }
        if (!r.Bad)
        {
            site.History.Add(new SiteStateChange { To = state, Reason = reason ?? "Diimpor dari berkas", ChangedBy = actor, ChangedAt = now });
            context.Sites[site.Name] = site;
            NewSites.Add(site);
        }
        return $"{name} — {stateText}";
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

    private string Link(CellReader r)
    {
        var site = SiteOf(r);
        var link = new Link
        {
            Medium = r.Choice<LinkMedium>("medium", true, ("fo", LinkMedium.Fiber), ("ptp", LinkMedium.WirelessPtp), ("ptmp", LinkMedium.WirelessPtmp)) ?? default,
            CommittedDownMbps = r.Whole("down_mbps", 0, 1_000_000, required: true) ?? 0,
            CommittedUpMbps = r.Whole("up_mbps", 0, 1_000_000, required: true) ?? 0,
            Provider = r.Text("provider", 200),
            DeviceModel = r.Text("device_model", 200),
            ManagementAddress = r.Text("management_address", 100),
            InstalledOn = r.Date("installed_on"),
            MonthlyCostRupiah = r.Rupiah("monthly_cost") ?? 0,
        };
        if (link.ManagementAddress is { } address && !IPAddress.TryParse(address, out _))
        {
            r.Fail("management_address", $"\"{address}\" bukan alamat IP.");
        }
        if (site is not null && (context.SitesWithLink.Contains(site.Id) || context.NewSitesWithLink.Contains(site)))
        {
            r.Fail("site", $"Lokasi \"{site.Name}\" sudah punya tautan; satu lokasi satu tautan ke induknya.");
        }
        if (!r.Bad && site is not null)
        {
            Attach(link, site, (l, s) => l.Site = s, (l, id) => l.SiteId = id);
            if (site.Id == 0)
            {
                context.NewSitesWithLink.Add(site);
            }
            else
            {
                context.SitesWithLink.Add(site.Id);
            }
            NewLinks.Add(link);
        }
        return $"{site?.Name} — {link.Medium} {link.CommittedDownMbps}/{link.CommittedUpMbps} Mbps";
    }

    private string Uplink(CellReader r)
    {
        var uplink = new Uplink
        {
            Provider = r.Text("provider", 200, required: true) ?? "",
            Mbps = r.Whole("mbps", 1, 1_000_000, required: true) ?? 0,
            MonthlyCostRupiah = r.Rupiah("monthly_cost") ?? 0,
            ContractStart = r.Date("contract_start", required: true) ?? default,
            ContractEnd = r.Date("contract_end"),
            Notes = r.Text("notes", 1000),
        };
        if (uplink.ContractEnd < uplink.ContractStart)
        {
            r.Fail("contract_end", "Akhir kontrak sebelum awalnya.");
        }
        if (!r.Bad)
        {
            NewUplinks.Add(uplink);
        }
        return $"{uplink.Provider} {uplink.Mbps} Mbps";
    }

    private string Subnet(CellReader r)
    {
        var site = SiteOf(r);
        var cidr = r.Text("cidr", 64, required: true);
        var vlan = r.Whole("vlan", 1, 4094);
        var gateway = r.Text("gateway", 64);
        var description = r.Text("description", 300);
        IPNetwork2? network = null;
        if (cidr is not null && !SubnetRules.TryParse(cidr, out network, out var problem))
        {
            r.Fail("cidr", problem!);
        }
        else if (network is not null)
        {
            if (SubnetRules.GatewayProblem(network, gateway) is { } gatewayProblem)
            {
                r.Fail("gateway", gatewayProblem);
            }
            if (context.Subnets.Clash(network) is { } clash)
            {
                r.Fail("cidr", $"{SubnetRules.Normalise(network)} bertumpang tindih dengan {clash}.");
            }
            if (!r.Bad && site is not null)
            {
                var subnet = new Subnet { Cidr = SubnetRules.Normalise(network), Family = SubnetRules.Family(network), Vlan = vlan, Gateway = gateway, Description = description };
                Attach(subnet, site, (n, s) => n.Site = s, (n, id) => n.SiteId = id);
                context.Subnets.Add(network, subnet.Cidr);
                NewSubnets.Add(subnet);
            }
        }
        return $"{site?.Name} — {cidr}";
    }

    private string Budget(CellReader r)
    {
        var line = new BudgetLine
        {
            FiscalYear = r.Whole("year", 2000, 2100, required: true) ?? 0,
            Source = r.Choice<BudgetSource>("source", true, ("apbdp", BudgetSource.ApbdPerubahan), ("lainnya", BudgetSource.Other)) ?? default,
            Item = r.Choice<BudgetItem>("item", true, ("instalasi", BudgetItem.Installation), ("perangkat", BudgetItem.Equipment),
                ("langganan", BudgetItem.Bandwidth), ("pemeliharaan", BudgetItem.Maintenance)) ?? default,
            PlannedRupiah = r.Rupiah("planned", required: true) ?? 0,
            RealisedRupiah = r.Rupiah("realised") ?? 0,
            Description = r.Text("description", 300),
        };
        if (r.Text("phase", 200) is { } phaseName)
        {
            if (context.Phases.GetValueOrDefault(phaseName) is { } phase)
            {
                line.Phase = phase.Id == 0 ? phase : null;
                line.PhaseId = phase.Id == 0 ? null : phase.Id;
            }
            else
            {
                r.Fail("phase", $"Tahap \"{phaseName}\" tidak dikenal.");
            }
        }
        if (!r.Bad)
        {
            NewBudget.Add(line);
        }
        return $"{line.FiscalYear} {line.Source} {line.Item}";
    }
}
