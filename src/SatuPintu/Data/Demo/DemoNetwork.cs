using SatuPintu.Directory;
using SatuPintu.Network;

namespace SatuPintu.Data.Demo;

/// <summary>
/// The Internet Satu Pintu demo registry, after the regional news report: planned since 2019, network
/// installed at every OPD, a few OPDs of the office complex (and UPBJ and Bagian Pembangunan of the
/// Sekretariat Daerah) connected, the rest postponed for budget until the APBD Perubahan, the 8 kecamatan
/// in a 2021 phase. Demo data to be replaced: coordinates are approximate, providers and amounts invented,
/// addresses are RFC 1918 and documentation ranges used only as data (nothing is ever contacted).
/// </summary>
internal sealed class DemoNetwork(SatuPintuDb db)
{
    private const string Who = "data demo";
    private const string NoBudget = "anggaran belum tersedia; dilanjutkan pada APBD Perubahan";

    /// <summary>Offices of the complex that are connected, besides the core at Diskominfo.</summary>
    private static readonly string[] ConnectedOpds = ["bkd", "dpmptsp", "bappeda", "bkpsdm", "inspektorat", "kesbangpol", "disdukcapil"];

    /// <summary>Offices of the complex whose link is in place but not switched on yet, with no postponement recorded.</summary>
    private static readonly string[] AwaitingActivation = ["dispusip", "dlh"];

    /// <summary>Offices outside the complex (their own buildings in town), reached by radio.</summary>
    private static readonly string[] OutsideComplex = ["rsud", "dinkes", "disdikbud", "pupr", "distan", "dishub", "satpolpp", "bpbd"];

    /// <summary>Approximate positions of the kecamatan offices (demo, to be surveyed).</summary>
    private static readonly Dictionary<string, (double Lat, double Lon)> Kecamatan = new()
    {
        ["kec-kepahiang"] = (-3.6450, 102.5760), ["kec-bermani-ilir"] = (-3.5950, 102.6550),
        ["kec-ujan-mas"] = (-3.6900, 102.5400), ["kec-tebat-karai"] = (-3.7050, 102.6250),
        ["kec-kabawetan"] = (-3.5750, 102.5950), ["kec-seberang-musi"] = (-3.6500, 102.6800),
        ["kec-muara-kemumu"] = (-3.6050, 102.7000), ["kec-merigi"] = (-3.6250, 102.5350),
    };

    private static DateTime On(int year, int month, int day) => new(year, month, day, 2, 0, 0, DateTimeKind.Utc);

    public async Task AddAsync(IReadOnlyList<Opd> opds, IReadOnlyList<OpdUnit> units, CancellationToken ct)
    {
        var bySlug = opds.ToDictionary(o => o.Slug);
        var phase1 = new Phase { Name = "Tahap 1: inti dan kompleks perkantoran Pemkab", TargetYear = 2020, Description = "NOC di Diskominfo dan OPD di sekitar kompleks perkantoran." };
        var phase2 = new Phase { Name = "Tahap 2: kantor camat", TargetYear = 2021, Description = "Delapan kantor camat tersambung ke NOC." };
        var phase3 = new Phase { Name = "Tahap 3: seluruh OPD tersambung", TargetYear = 2026, Description = "Menyalakan sambungan yang sudah terpasang, dengan APBD Perubahan." };
        db.NetworkPhases.AddRange(phase1, phase2, phase3);

        var n = 0;
        Site Make(string name, SiteKind kind, Site? parent, double lat, double lon, Phase? phase, LinkMedium? medium, int down, params (Opd Opd, OpdUnit? Unit)[] housed)
        {
            n++;
            var site = new Site
            {
                Name = name, Kind = kind, ParentSite = parent, Latitude = lat, Longitude = lon, CoordinatesApproximate = true, Phase = phase,
                Address = kind == SiteKind.Kecamatan ? null : "Kompleks Perkantoran Pemkab Kepahiang (demo)",
                Opds = [.. housed.Select(h => new SiteOpd { OpdId = h.Opd.Id, OpdUnitId = h.Unit?.Id })],
            };
            if (medium is { } m && parent is not null)
            {
                site.Link = new Link
                {
                    Medium = m, CommittedDownMbps = down, CommittedUpMbps = Math.Max(1, down / 2), Provider = m == LinkMedium.Fiber ? "Diskominfo (jaringan sendiri)" : "Penyedia radio A (demo)",
                    DeviceModel = m == LinkMedium.Fiber ? "Media converter 1G (demo)" : "Radio 5 GHz (demo)", ManagementAddress = $"10.17.0.{n}",
                    InstalledOn = new DateOnly(kind == SiteKind.Kecamatan ? 2021 : 2020, 9, 1), MonthlyCostRupiah = m == LinkMedium.Fiber ? 0 : 1_500_000,
                };
            }
            // RFC 1918 (IPv4) and 2001:db8::/32 (IPv6 documentation) blocks, only ever stored and shown.
            site.Subnets.Add(new Subnet { Cidr = $"10.17.{n}.0/24", Family = 4, Vlan = 100 + n, Gateway = $"10.17.{n}.1", Description = "LAN kantor" });
            site.Subnets.Add(new Subnet { Cidr = $"2001:db8:1708:{n:x}::/64", Family = 6, Vlan = 100 + n, Gateway = $"2001:db8:1708:{n:x}::1" });
            db.NetworkSites.Add(site);
            return site;
        }

        void Walk(Site site, params (ConnectionState To, DateTime At, string? Reason)[] steps)
        {
            ConnectionState? from = null;
            foreach (var (to, at, reason) in steps)
            {
                site.History.Add(new SiteStateChange { From = from, To = to, Reason = reason, ChangedBy = Who, ChangedAt = at });
                from = to;
                site.State = to;
                site.StateReason = reason;
                site.StateSince = at;
                site.UpdatedAt = at;
            }
        }

        (ConnectionState, DateTime, string?)[] Connected(int year) =>
            [(ConnectionState.Planned, On(2019, 3, 1), "Rencana Program Internet Satu Pintu"), (ConnectionState.Funded, On(2020, 1, 15), "APBD 2020"),
             (ConnectionState.Installed, On(year, 9, 1), null), (ConnectionState.Connected, On(year, 11, 1), null)];
        (ConnectionState, DateTime, string?)[] Postponed(int fundedYear, int installedYear) =>
            [(ConnectionState.Planned, On(2019, 3, 1), "Rencana Program Internet Satu Pintu"), (ConnectionState.Funded, On(fundedYear, 1, 15), $"APBD {fundedYear}"),
             (ConnectionState.Installed, On(installedYear, 10, 1), null), (ConnectionState.Postponed, On(2023, 2, 1), NoBudget)];

        var core = Make("NOC Diskominfo", SiteKind.Core, null, -3.6402, 102.5795, phase1, null, 0, (bySlug["diskominfo"], null));
        Walk(core, Connected(2020));
        var hub = Make("Titik distribusi kompleks perkantoran", SiteKind.Distribution, core, -3.6385, 102.5822, phase1, LinkMedium.Fiber, 1000);
        Walk(hub, Connected(2020));
        var i = 0;
        (double, double) Nearby() { i++; return (-3.6370 - 0.0011 * (i % 5), 102.5790 + 0.0013 * (i / 5)); }

        foreach (var slug in ConnectedOpds)
        {
            var (lat, lon) = Nearby();
            Walk(Make("Kantor " + bySlug[slug].DisplayShortName, SiteKind.Office, hub, lat, lon, phase1, LinkMedium.Fiber, 20, (bySlug[slug], null)), Connected(2020));
        }
        var setda = bySlug["setda"];
        Opd OpdOf(string s) => bySlug[s];
        OpdUnit Unit(string s) => units.Single(u => u.OpdId == setda.Id && u.Slug == s);
        var (la, lo) = Nearby();
        Walk(Make("Gedung UPBJ dan Bagian Pembangunan", SiteKind.Office, hub, la, lo, phase1, LinkMedium.Fiber, 20, (setda, Unit("upbj")), (setda, Unit("bagian-pembangunan"))), Connected(2021));
        (la, lo) = Nearby();
        Walk(Make("Kantor Bupati (Sekretariat Daerah)", SiteKind.Office, hub, la, lo, phase3, LinkMedium.Fiber, 50, (setda, null)), Postponed(2020, 2021));
        foreach (var slug in AwaitingActivation)
        {
            (la, lo) = Nearby();
            Walk(Make("Kantor " + OpdOf(slug).DisplayShortName, SiteKind.Office, hub, la, lo, phase3, LinkMedium.Fiber, 20, (OpdOf(slug), null)), Postponed(2020, 2022)[..3]);
        }
        var inComplex = opds.Where(o => o.Kind != OpdKind.Kecamatan && o.Slug is not ("diskominfo" or "setda") && !ConnectedOpds.Contains(o.Slug)
            && !AwaitingActivation.Contains(o.Slug) && !OutsideComplex.Contains(o.Slug));
        foreach (var opd in inComplex)
        {
            (la, lo) = Nearby();
            Walk(Make("Kantor " + opd.DisplayShortName, SiteKind.Office, hub, la, lo, phase3, LinkMedium.Fiber, 20, (opd, null)), Postponed(2020, 2022));
        }
        var k = 0;
        foreach (var slug in OutsideComplex)
        {
            k++;
            var site = Make("Kantor " + OpdOf(slug).DisplayShortName, SiteKind.Office, core, -3.6300 - 0.004 * (k % 4), 102.5650 + 0.006 * k, phase3, LinkMedium.WirelessPtp, 20, (OpdOf(slug), null));
            Walk(site, Postponed(2021, 2022));
        }
        foreach (var (slug, (lat, lon)) in Kecamatan)
        {
            var site = Make("Kantor Camat " + OpdOf(slug).Name.Replace("Kecamatan ", "", StringComparison.Ordinal), SiteKind.Kecamatan, core, lat, lon, phase2,
                slug is "kec-muara-kemumu" ? LinkMedium.Vsat : LinkMedium.WirelessPtmp, 10, (OpdOf(slug), null));
            Walk(site, Postponed(2021, 2021));
        }

        db.NetworkUplinks.AddRange(
            new Uplink { Provider = "Penyedia internet A (demo)", Mbps = 300, MonthlyCostRupiah = 27_500_000, ContractStart = new DateOnly(2026, 1, 1), ContractEnd = new DateOnly(2026, 12, 31), Notes = "Jalur utama, serat optik ke NOC" },
            new Uplink { Provider = "Penyedia internet B (demo)", Mbps = 100, MonthlyCostRupiah = 9_000_000, ContractStart = new DateOnly(2026, 1, 1), ContractEnd = new DateOnly(2026, 12, 31), Notes = "Jalur cadangan" });
        db.NetworkBudgetLines.AddRange(Budget(phase1, phase2, phase3));
        await db.SaveChangesAsync(ct);
    }

    private static IEnumerable<BudgetLine> Budget(Phase p1, Phase p2, Phase p3)
    {
        BudgetLine L(int y, BudgetSource s, BudgetItem i, long planned, long realised, Phase? p, string d) =>
            new() { FiscalYear = y, Source = s, Item = i, PlannedRupiah = planned, RealisedRupiah = realised, Phase = p, Description = d };
        return
        [
            L(2019, BudgetSource.Apbd, BudgetItem.Equipment, 250_000_000, 238_500_000, p1, "Perangkat NOC Diskominfo"),
            L(2020, BudgetSource.Apbd, BudgetItem.Installation, 1_250_000_000, 1_187_000_000, p1, "Serat optik kompleks perkantoran"),
            L(2020, BudgetSource.Apbd, BudgetItem.Equipment, 600_000_000, 574_250_000, p1, "Perangkat jaringan OPD"),
            L(2020, BudgetSource.Apbd, BudgetItem.Bandwidth, 240_000_000, 240_000_000, null, "Langganan internet"),
            L(2021, BudgetSource.Dak, BudgetItem.Installation, 750_000_000, 702_600_000, p2, "Radio kantor camat"),
            L(2021, BudgetSource.Apbd, BudgetItem.Equipment, 900_000_000, 851_300_000, p2, "Perangkat kantor camat dan OPD di luar kompleks"),
            L(2021, BudgetSource.Apbd, BudgetItem.Bandwidth, 300_000_000, 300_000_000, null, "Langganan internet"),
            L(2022, BudgetSource.Apbd, BudgetItem.Bandwidth, 300_000_000, 300_000_000, null, "Langganan internet"),
            L(2022, BudgetSource.Apbd, BudgetItem.Maintenance, 100_000_000, 92_400_000, null, "Pemeliharaan jaringan"),
            L(2023, BudgetSource.Apbd, BudgetItem.Bandwidth, 300_000_000, 150_000_000, null, "Langganan internet (dipangkas)"),
            L(2024, BudgetSource.Apbd, BudgetItem.Bandwidth, 360_000_000, 180_000_000, null, "Langganan internet"),
            L(2024, BudgetSource.Apbd, BudgetItem.Maintenance, 100_000_000, 41_000_000, null, "Pemeliharaan jaringan"),
            L(2025, BudgetSource.Apbd, BudgetItem.Bandwidth, 360_000_000, 210_000_000, null, "Langganan internet"),
            L(2026, BudgetSource.Apbd, BudgetItem.Bandwidth, 438_000_000, 365_000_000, null, "Langganan internet dua jalur"),
            L(2026, BudgetSource.ApbdPerubahan, BudgetItem.Bandwidth, 220_000_000, 0, p3, "Usulan: bandwidth untuk OPD yang disambungkan"),
            L(2026, BudgetSource.ApbdPerubahan, BudgetItem.Maintenance, 150_000_000, 0, p3, "Usulan: aktivasi dan pemeliharaan sambungan terpasang"),
        ];
    }
}
