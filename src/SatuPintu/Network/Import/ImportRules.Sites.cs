using System.Net;

namespace SatuPintu.Network.Import;

/// <summary>
/// Site and subnet rows. A site row names a stored site by its id (then its name may change) or by
/// its name; a state change goes through <see cref="Lifecycle"/> and leaves a history entry, and a
/// refused one is a row error. A subnet row names a stored subnet by id (then its CIDR may change)
/// or by site and CIDR; a changed CIDR is checked against every other block, not against its own.
/// </summary>
internal sealed partial class ImportRules
{
    private const string ImportReason = "Diubah lewat impor berkas";

    private string Site(CellReader r)
    {
        var id = r.Whole("id", 1, int.MaxValue);
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
        var site = StoredSite(r, id, name);
        Diff = new RowDiff(site is null);
        site ??= new Site { Name = name ?? "", State = state, StateReason = reason, StateSince = now, UpdatedAt = now };
        if (name is not null && site.Name != name && context.Sites.GetValueOrDefault(name) is { } other && !ReferenceEquals(other, site))
        {
            r.Fail("name", $"Nama \"{name}\" sudah dipakai lokasi lain.");
        }
        var parent = r.Text("parent", 200) is { } parentName ? ParentOf(r, site, parentName) : null;
        var phase = PhaseOf(r);
        var housed = Housed(r, site);
        var (address, latitude, longitude) = (r.Text("address", 300), r.Coordinate("latitude", 90), r.Coordinate("longitude", 180));
        var (approximate, notes) = (r.Bool("approximate"), r.Text("notes", 2000));
        if (r.Bad)
        {
            return $"{name} — {stateText}";
        }
        var renamed = site.Name;
        Diff.Set(r, "name", site.Name, name!, v => site.Name = v);
        Diff.Set(r, "kind", site.Kind, kind!.Value, v => site.Kind = v);
        Diff.Set(r, "address", site.Address, address, v => site.Address = v);
        Diff.Set(r, "latitude", site.Latitude, latitude, v => site.Latitude = v);
        Diff.Set(r, "longitude", site.Longitude, longitude, v => site.Longitude = v);
        Diff.Set(r, "approximate", site.CoordinatesApproximate, approximate, v => site.CoordinatesApproximate = v);
        Diff.Set(r, "notes", site.Notes, notes, v => site.Notes = v);
        Diff.Set(r, "parent", context.Parents.GetValueOrDefault(site), parent, v => SetParent(site, v));
        Diff.Set(r, "phase", site.PhaseId is { } pid ? context.Phases.Values.FirstOrDefault(p => p.Id == pid) : site.Phase, phase, v => SetPhase(site, v));
        if (Diff.IsNew || (r.Has("opds") && !housed.SetEquals(site.Opds.Select(o => (o.OpdId, o.OpdUnitId)))))
        {
            SetHousing(site, housed);
        }
        if (Diff.IsNew)
        {
            site.History.Add(new SiteStateChange { To = state, Reason = reason ?? "Diimpor dari berkas", ChangedBy = actor, ChangedAt = now });
            context.Sites[site.Name] = site;
            context.Claimed.Add(site);
            NewSites.Add(site);
            return $"{name} — {stateText}";
        }
        if (renamed != site.Name)
        {
            context.Sites[site.Name] = site;
        }
        ChangeState(r, site, state, reason);
        if (Diff.Change == RowChange.Changed)
        {
            site.UpdatedAt = now;
        }
        return $"{name} — {stateText}";
    }

    /// <summary>The stored site a row names (by id, else by name), claimed for this row; null for a new site.</summary>
    private Site? StoredSite(CellReader r, int? id, string? name)
    {
        Site? site = null;
        if (id is { } given)
        {
            site = context.SitesById.GetValueOrDefault(given);
            if (site is null)
            {
                r.Fail("id", $"Tidak ada lokasi dengan id {given}; kosongkan id untuk lokasi baru.");
            }
        }
        else if (name is not null && context.Sites.GetValueOrDefault(name) is { } byName)
        {
            if (byName.Id == 0)
            {
                r.Fail("name", $"Lokasi \"{name}\" sudah ada di baris sebelumnya.");
                return null;
            }
            site = byName;
        }
        return site is not null && Claim(r, site.Id == 0 ? "name" : id is null ? "name" : "id", site, $"Lokasi \"{site.Name}\"") ? site : null;
    }

    private Site? ParentOf(CellReader r, Site site, string reference)
    {
        if (context.FindSite(reference) is not { } parent)
        {
            r.Fail("parent", $"Lokasi induk \"{reference}\" tidak dikenal; tulis id atau nama lokasi terdaftar, atau lokasi di baris sebelumnya.");
            return null;
        }
        if (site.Id != 0 && context.IsAtOrBelow(parent, site))
        {
            r.Fail("parent", $"Lokasi induk \"{reference}\" berada di bawah lokasi ini sendiri; pohon jaringan tidak boleh melingkar.");
            return null;
        }
        return parent;
    }

    private void SetParent(Site site, Site? parent)
    {
        context.Parents[site] = parent;
        site.ParentSite = parent;
        site.ParentSiteId = parent is { Id: > 0 } ? parent.Id : null;
    }

    private static void SetPhase(Site site, Phase? phase)
    {
        site.Phase = phase;
        site.PhaseId = phase is { Id: > 0 } ? phase.Id : null;
    }

    private HashSet<(int OpdId, int? UnitId)> Housed(CellReader r, Site site)
    {
        var housed = new HashSet<(int, int?)>();
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
            else if (opd.Archived && !site.Opds.Any(o => o.OpdId == opd.OpdId))
            {
                // An archived OPD may stay where it was housed (an export names it), but moves in nowhere new.
                r.Fail("opds", $"OPD \"{parts[0]}\" sudah diarsipkan; tidak dapat ditempatkan di lokasi lain.");
            }
            else
            {
                housed.Add((opd.OpdId, parts.Length == 2 ? opd.Units[parts[1]] : null));
            }
        }
        return housed;
    }

    private void SetHousing(Site site, HashSet<(int OpdId, int? UnitId)> housed)
    {
        if (!Diff.IsNew)
        {
            Diff.Changed("opds");
        }
        foreach (var gone in site.Opds.Where(o => !housed.Contains((o.OpdId, o.OpdUnitId))).ToList())
        {
            site.Opds.Remove(gone);
            Removed.Add(gone);
        }
        foreach (var (opd, unit) in housed.Where(h => !site.Opds.Any(o => o.OpdId == h.OpdId && o.OpdUnitId == h.UnitId)))
        {
            site.Opds.Add(new SiteOpd { OpdId = opd, OpdUnitId = unit });
        }
    }

    /// <summary>
    /// A stored site's state as the row asks, through the lifecycle's own rules. The transition's
    /// reason is the row's reason when the row changed it: an export carries the old reason, which
    /// would otherwise become the reason of a move it never explained.
    /// </summary>
    private void ChangeState(CellReader r, Site site, ConnectionState state, string? reason)
    {
        var given = r.Has("reason") && reason != site.StateReason ? reason : null;
        if (state == site.State)
        {
            Diff.Set(r, "reason", site.StateReason, reason, v => site.StateReason = v);
            return;
        }
        var postponedFrom = site.State == ConnectionState.Postponed ? context.PostponedFrom.GetValueOrDefault(site.Id) : null;
        if (Lifecycle.Refusal(site.State, state, given, postponedFrom) is { } refusal)
        {
            r.Fail("state", refusal);
            return;
        }
        Diff.Changed("state");
        if (site.StateReason != given)
        {
            Diff.Changed("reason");
        }
        site.History.Add(new SiteStateChange { SiteId = site.Id, From = site.State, To = state, Reason = given ?? ImportReason, ChangedBy = actor, ChangedAt = now });
        if (state == ConnectionState.Postponed)
        {
            context.PostponedFrom[site.Id] = site.State;
        }
        site.State = state;
        site.StateReason = given;
        site.StateSince = now;
    }

    private string Subnet(CellReader r)
    {
        var id = r.Whole("id", 1, int.MaxValue);
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
        if (network is null || site is null)
        {
            return $"{site?.Name} — {cidr}";
        }
        var normal = SubnetRules.Normalise(network);
        var subnet = id is { } given ? context.SubnetsById.GetValueOrDefault(given) : context.SubnetsBySite.GetValueOrDefault((site.Id, normal));
        if (id is not null && subnet is null)
        {
            r.Fail("id", $"Tidak ada subnet dengan id {id}; kosongkan id untuk subnet baru.");
        }
        if (subnet is not null && !Claim(r, id is null ? "cidr" : "id", subnet, $"Subnet {subnet.Cidr}"))
        {
            return $"{site.Name} — {cidr}";
        }
        if (SubnetRules.GatewayProblem(network, gateway) is { } gatewayProblem)
        {
            r.Fail("gateway", gatewayProblem);
        }
        var moved = subnet is not null && subnet.Cidr != normal;
        if (subnet is null && context.Subnets.Clash(network) is { } clash)
        {
            r.Fail("cidr", $"{normal} bertumpang tindih dengan {clash}.");
        }
        Diff = new RowDiff(subnet is null);
        if (r.Bad)
        {
            return $"{site.Name} — {cidr}";
        }
        subnet ??= new Subnet { Cidr = normal };
        if (moved && IPNetwork2.TryParse(subnet.Cidr, out var old))
        {
            context.Subnets.Remove(old, subnet.Cidr);
            if (context.Subnets.Clash(network) is { } other)
            {
                context.Subnets.Add(old, subnet.Cidr);
                r.Fail("cidr", $"{normal} bertumpang tindih dengan {other}.");
                return $"{site.Name} — {cidr}";
            }
        }
        Diff.Set(r, "cidr", subnet.Cidr, normal, v => (subnet.Cidr, subnet.Family) = (v, SubnetRules.Family(network)));
        Diff.Set(r, "site", subnet.Site ?? context.SitesById.GetValueOrDefault(subnet.SiteId), site, v => (subnet.Site, subnet.SiteId) = (v, v!.Id));
        Diff.Set(r, "vlan", subnet.Vlan, vlan, v => subnet.Vlan = v);
        Diff.Set(r, "gateway", subnet.Gateway, gateway, v => subnet.Gateway = v);
        Diff.Set(r, "description", subnet.Description, description, v => subnet.Description = v);
        if (moved || Diff.IsNew)
        {
            context.Subnets.Add(network, subnet.Cidr);
        }
        if (Diff.IsNew)
        {
            subnet.Family = SubnetRules.Family(network);
            NewSubnets.Add(subnet);
        }
        return $"{site.Name} — {cidr}";
    }
}
