using System.Net;
using System.Text;

namespace SatuPintu.Network;

/// <summary>
/// The map as SVG text, written once per snapshot: at 500 sites drawing it in the view on every request
/// cost more than the rest of the page together. Links go into one path per kind of line; when many
/// sites sit at nearly one spot (the office complex), an inset draws that spot magnified.
/// </summary>
public static class NetworkMapSvg
{
    private const int InsetWidth = 190;
    private const int InsetHeight = 150;
    private const int InsetPad = 14;
    /// <summary>Sites this close together (in map pixels) blur into one blot at the map's scale.</summary>
    private const double ClusterRadius = 18;
    private const int ClusterMinimum = 5;
    /// <summary>
    /// Above this many sites each is a small mark in one path per state, without its own title: at 500
    /// sites a titled group per site made the map 80 KB of the page. The site table stays the text
    /// equivalent with every name and status.
    /// </summary>
    public const int CompactAbove = 80;

    public static string Render(NetworkMap map)
    {
        var compact = map.Points.Count > CompactAbove;
        var svg = new StringBuilder(256 + (compact ? 48 : 160) * map.Points.Count);
        svg.Append("<svg viewBox=\"0 0 ").Append(NetworkMap.Width).Append(' ').Append(NetworkMap.Height)
            .Append("\" role=\"img\" aria-labelledby=\"peta-judul peta-ket\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append("<title id=\"peta-judul\">Peta lokasi jaringan Internet Satu Pintu</title>")
            .Append(compact
                ? "<desc id=\"peta-ket\">Setiap lokasi digambar sebagai tanda kecil menurut koordinatnya (perkiraan), dengan garis ke lokasi induknya; bentuk dan warna tanda menunjukkan status. Nama dan status tiap lokasi ada pada tabel lokasi di bawahnya.</desc>"
                : "<desc id=\"peta-ket\">Setiap lokasi digambar menurut koordinatnya (perkiraan), dengan garis ke lokasi induknya. Daftar yang sama ada pada tabel lokasi di bawahnya.</desc>")
            .Append("<rect width=\"").Append(NetworkMap.Width).Append("\" height=\"").Append(NetworkMap.Height).Append("\" fill=\"#f3f6f9\"/>");
        Draw(svg, map.Points, map.Lines, p => (p.X, p.Y), labels: true, compact);
        if (Cluster(map.Points) is { } cluster)
        {
            Inset(svg, map, cluster, compact);
        }
        return svg.Append("</svg>").ToString();
    }

    private static void Draw(StringBuilder svg, IEnumerable<NetworkMap.Point> points, IEnumerable<NetworkMap.Line> lines, Func<NetworkMap.Point, (double X, double Y)> at, bool labels, bool compact)
    {
        foreach (var active in new[] { false, true })
        {
            var d = new StringBuilder();
            foreach (var l in lines.Where(l => l.Active == active))
            {
                var (x1, y1) = at(l.From);
                var (x2, y2) = at(l.To);
                d.Append('M').Append(NetworkMap.N(x1)).Append(' ').Append(NetworkMap.N(y1)).Append('L').Append(NetworkMap.N(x2)).Append(' ').Append(NetworkMap.N(y2));
            }
            if (d.Length > 0)
            {
                svg.Append("<path fill=\"none\" d=\"").Append(d).Append(active
                    ? "\" stroke=\"#1b7a3a\" stroke-width=\"2\"/>"
                    : "\" stroke=\"#8a94a2\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>");
            }
        }
        if (compact)
        {
            Marks(svg, points, at);
        }
        foreach (var p in points)
        {
            var (x, y) = at(p);
            if (compact)
            {
                Labels(svg, p, x, y, labels);
                continue;
            }
            var colour = NetworkMap.Colour(p.Site.State);
            svg.Append("<g fill=\"").Append(colour).Append("\" stroke=\"").Append(colour).Append("\"><title>")
                .Append(WebUtility.HtmlEncode(p.Site.Name)).Append(": ").Append(p.Site.State.Label()).Append("</title>")
                .Append(NetworkMap.Marker(p.Site.State, x, y)).Append("</g>");
            Labels(svg, p, x, y, labels);
        }
    }

    private static void Labels(StringBuilder svg, NetworkMap.Point p, double x, double y, bool labels)
    {
        if (labels && p.Site.Kind is SiteKind.Core or SiteKind.Kecamatan)
        {
            svg.Append(NetworkMap.Label(x + 10, y + 4, p.Site.Kind == SiteKind.Core ? "NOC" : p.Site.Name.Replace("Kantor Camat ", "", StringComparison.Ordinal)));
        }
    }

    /// <summary>One path per state of small marks, each state with the legend's shape (filled or hollow circle, triangle, square).</summary>
    private static void Marks(StringBuilder svg, IEnumerable<NetworkMap.Point> points, Func<NetworkMap.Point, (double X, double Y)> at)
    {
        foreach (var group in points.GroupBy(p => p.Site.State).OrderBy(g => g.Key))
        {
            var colour = NetworkMap.Colour(group.Key);
            var hollow = group.Key is ConnectionState.Installed or ConnectionState.Planned;
            svg.Append("<path fill=\"").Append(hollow ? "#fff" : colour).Append("\" stroke=\"").Append(colour).Append("\" stroke-width=\"1.5\" d=\"");
            foreach (var p in group)
            {
                var (fx, fy) = at(p);
                var (x, y) = ((int)Math.Round(fx), (int)Math.Round(fy));
                svg.Append(group.Key switch
                {
                    ConnectionState.Connected or ConnectionState.Installed => $"M{x - 3} {y}a3 3 0 1 0 6 0a3 3 0 1 0-6 0",
                    ConnectionState.Postponed => $"M{x} {y - 4}l4 7h-8z",
                    _ => $"M{x - 3} {y - 3}h6v6h-6z",
                });
            }
            svg.Append("\"/>");
        }
    }

    /// <summary>The densest spot: the site with the most others within <see cref="ClusterRadius"/>, and those others.</summary>
    private static List<NetworkMap.Point>? Cluster(IReadOnlyList<NetworkMap.Point> points)
    {
        List<NetworkMap.Point>? best = null;
        foreach (var p in points)
        {
            var near = points.Where(q => (q.X - p.X) * (q.X - p.X) + (q.Y - p.Y) * (q.Y - p.Y) <= ClusterRadius * ClusterRadius).ToList();
            if (near.Count >= ClusterMinimum && near.Count > (best?.Count ?? 0))
            {
                best = near;
            }
        }
        return best;
    }

    private static void Inset(StringBuilder svg, NetworkMap map, List<NetworkMap.Point> cluster, bool compact)
    {
        var minX = cluster.Min(p => p.X) - 4;
        var maxX = cluster.Max(p => p.X) + 4;
        var minY = cluster.Min(p => p.Y) - 4;
        var maxY = cluster.Max(p => p.Y) + 4;
        var scale = Math.Min(12, Math.Min((InsetWidth - 2 * InsetPad) / (maxX - minX), (InsetHeight - 2 * InsetPad - 14) / (maxY - minY)));
        if (scale < 2)
        {
            return;
        }
        // The corner with the fewest sites under it, so the inset hides as little as possible.
        var corners = new[] { (X: 4.0, Y: 4.0), (X: NetworkMap.Width - InsetWidth - 4.0, Y: 4.0), (X: 4.0, Y: NetworkMap.Height - InsetHeight - 4.0), (X: NetworkMap.Width - InsetWidth - 4.0, Y: NetworkMap.Height - InsetHeight - 4.0) };
        var (bx, by) = corners.OrderBy(c => map.Points.Count(p => p.X >= c.X - 8 && p.X <= c.X + InsetWidth + 8 && p.Y >= c.Y - 8 && p.Y <= c.Y + InsetHeight + 8)).First();
        var offX = bx + (InsetWidth - (maxX - minX) * scale) / 2;
        var offY = by + 14 + (InsetHeight - 14 - (maxY - minY) * scale) / 2;
        var inside = cluster.Select(p => p.Site.Id).ToHashSet();
        svg.Append("<rect x=\"").Append(NetworkMap.N(minX)).Append("\" y=\"").Append(NetworkMap.N(minY)).Append("\" width=\"").Append(NetworkMap.N(maxX - minX))
            .Append("\" height=\"").Append(NetworkMap.N(maxY - minY)).Append("\" fill=\"none\" stroke=\"#1c2430\" stroke-width=\"1\"/>")
            .Append("<g class=\"net-inset\"><rect x=\"").Append(NetworkMap.N(bx)).Append("\" y=\"").Append(NetworkMap.N(by)).Append("\" width=\"").Append(InsetWidth)
            .Append("\" height=\"").Append(InsetHeight).Append("\" fill=\"#fff\" stroke=\"#1c2430\" stroke-width=\"1\"/>")
            .Append(NetworkMap.Label(bx + 6, by + 14, $"Diperbesar ({cluster.Count} lokasi)"));
        Draw(svg, cluster, map.Lines.Where(l => inside.Contains(l.From.Site.Id) && inside.Contains(l.To.Site.Id)),
            p => (offX + (p.X - minX) * scale, offY + (p.Y - minY) * scale), labels: false, compact);
        svg.Append("</g>");
    }
}
