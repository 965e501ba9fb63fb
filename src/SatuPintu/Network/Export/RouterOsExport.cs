using System.Text;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;

namespace SatuPintu.Network.Export;

/// <summary>
/// Per-site bandwidth plans as a MikroTik RouterOS script: one <c>/queue simple</c> per site over
/// its subnets with its committed limits, and an address list per site. Text for a person to
/// review and paste; SatuPintu never connects to a router.
/// </summary>
public sealed class RouterOsExport(SatuPintuDb db, TimeProvider time)
{
    public async Task<string> ScriptAsync(CancellationToken ct)
    {
        var sites = await db.NetworkSites.AsNoTracking().Include(s => s.Link).Include(s => s.Subnets)
            .Where(s => s.State != ConnectionState.Decommissioned)
            .OrderBy(s => s.Name).AsSplitQuery().ToListAsync(ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var script = new StringBuilder();
        script.Append("# Program Internet Satu Pintu: batas bandwidth per lokasi, dibuat ").Append(today).Append('\n');
        script.Append("# Tinjau sebelum dipakai; SatuPintu tidak pernah mengirim skrip ini ke perangkat.\n");
        foreach (var site in sites.Where(s => s.Link is not null && s.Subnets.Count > 0))
        {
            var name = Quote(site.Name);
            var subnets = site.Subnets.OrderBy(n => n.Family).ThenBy(n => n.Id).ToList();
            script.Append("# ").Append(Comment(site.Name)).Append(" (").Append(site.State.ApiName()).Append(")\n");
            // RouterOS writes max-limit as upload/download seen from the target.
            script.Append("/queue simple add name=").Append(name)
                .Append(" target=").Append(string.Join(",", subnets.Select(n => n.Cidr)))
                .Append(" max-limit=").Append(site.Link!.CommittedUpMbps).Append("M/").Append(site.Link.CommittedDownMbps).Append('M')
                .Append(" comment=").Append(Quote("satupintu site " + site.Id)).Append('\n');
            foreach (var subnet in subnets)
            {
                script.Append(subnet.Family == 6 ? "/ipv6" : "/ip").Append(" firewall address-list add list=").Append(name)
                    .Append(" address=").Append(subnet.Cidr).Append('\n');
            }
        }
        return script.ToString();
    }

    /// <summary>A RouterOS string literal: quoted, with the characters the console interprets escaped and line breaks dropped.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var ch in text)
        {
            if (ch is '"' or '\\' or '$' or '?')
            {
                quoted.Append('\\').Append(ch);
            }
            else if (!char.IsControl(ch))
            {
                quoted.Append(ch);
            }
        }
        return quoted.Append('"').ToString();
    }

    private static string Comment(string text) => new([.. text.Where(c => !char.IsControl(c))]);
}
