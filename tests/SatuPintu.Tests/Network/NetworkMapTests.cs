using System.Text.RegularExpressions;
using SatuPintu.Network;

namespace SatuPintu.Tests.Network;

/// <summary>The map as the registry grows: past <see cref="NetworkMapSvg.CompactAbove"/> sites every site is still drawn, as a small mark, and the SVG stays small.</summary>
public sealed partial class NetworkMapTests
{
    private static List<Site> Registry(int count)
    {
        var noc = new Site { Id = 1, Name = "NOC Diskominfo", Kind = SiteKind.Core, State = ConnectionState.Connected, Latitude = -3.64, Longitude = 102.58 };
        var states = new[] { ConnectionState.Planned, ConnectionState.Funded, ConnectionState.Installed, ConnectionState.Connected, ConnectionState.Postponed };
        return [noc, .. Enumerable.Range(2, count - 1).Select(i => new Site
        {
            Id = i, Name = $"Lokasi <uji> {i}", Kind = i % 50 == 0 ? SiteKind.Kecamatan : SiteKind.Office, State = states[i % states.Length],
            ParentSiteId = 1, Latitude = -3.55 - (i % 25) * 0.01, Longitude = 102.45 + (i / 25) * 0.01,
        })];
    }

    [Fact]
    public void At_500_sites_every_site_is_a_mark_of_its_state_in_a_small_svg()
    {
        var sites = Registry(500);
        var map = new NetworkMap(sites);
        var svg = NetworkMapSvg.Render(map);
        Assert.True(svg.Length < 40_000, $"map is {svg.Length} characters");
        Assert.DoesNotContain("<uji>", svg, StringComparison.Ordinal);
        // One mark per placed site: circles for connected and installed, triangles for postponed, squares for the rest.
        var marks = MarkRegex().Count(svg);
        Assert.Equal(sites.Count + InsetCount(svg), marks);
        Assert.Equal(0, Regex.Count(svg, "<title>Lokasi"));
        Assert.Contains("tabel lokasi", svg, StringComparison.Ordinal);
        // Kecamatan offices keep their names on the map.
        Assert.Contains(">Lokasi &lt;uji&gt; 50</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void A_small_registry_keeps_a_titled_marker_per_site()
    {
        var svg = NetworkMapSvg.Render(new NetworkMap(Registry(NetworkMapSvg.CompactAbove)));
        Assert.Equal(NetworkMapSvg.CompactAbove - 1, Regex.Count(svg, "<title>Lokasi &lt;uji&gt; "));
    }

    private static int InsetCount(string svg) => svg.Contains("Diperbesar (", StringComparison.Ordinal)
        ? int.Parse(InsetRegex().Match(svg).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex("a3 3 0 1 0 6 0a|l4 7h-8z|h6v6h-6z")]
    private static partial Regex MarkRegex();

    [GeneratedRegex("Diperbesar \\((\\d+) lokasi\\)")]
    private static partial Regex InsetRegex();
}
