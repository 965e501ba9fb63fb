using System.Globalization;

namespace SatuPintu.Network;

/// <summary>
/// Geometry of the server-drawn SVG map: sites placed by their coordinates (equirectangular, scaled by
/// the cosine of the latitude, which is exact enough over one regency), links drawn to the parent site.
/// </summary>
public sealed class NetworkMap
{
    public const int Width = 640;
    public const int Height = 480;
    private const int Margin = 24;
    /// <summary>Room on the right for the kecamatan names written beside their markers.</summary>
    private const int LabelRoom = 96;

    public sealed record Point(Site Site, double X, double Y);

    public sealed record Line(Point From, Point To, bool Active);

    public IReadOnlyList<Point> Points { get; }
    public IReadOnlyList<Line> Lines { get; }
    public int Unplaced { get; }

    public NetworkMap(IReadOnlyList<Site> sites)
    {
        var placed = sites.Where(s => s.Latitude is not null && s.Longitude is not null && s.State != ConnectionState.Decommissioned).ToList();
        Unplaced = sites.Count(s => s.State != ConnectionState.Decommissioned) - placed.Count;
        if (placed.Count == 0)
        {
            Points = [];
            Lines = [];
            return;
        }
        var minLat = placed.Min(s => s.Latitude!.Value);
        var maxLat = placed.Max(s => s.Latitude!.Value);
        var minLon = placed.Min(s => s.Longitude!.Value);
        var maxLon = placed.Max(s => s.Longitude!.Value);
        var k = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var spanX = Math.Max((maxLon - minLon) * k, 1e-4);
        var spanY = Math.Max(maxLat - minLat, 1e-4);
        var scale = Math.Min((Width - 2 * Margin - LabelRoom) / spanX, (Height - 2 * Margin) / spanY);
        var offX = (Width - LabelRoom - spanX * scale) / 2;
        var offY = (Height - spanY * scale) / 2;
        Points = [.. placed.Select(s => new Point(s, offX + (s.Longitude!.Value - minLon) * k * scale, offY + (maxLat - s.Latitude!.Value) * scale))];
        var byId = Points.ToDictionary(p => p.Site.Id);
        Lines = [.. Points.Where(p => p.Site.ParentSiteId is { } parent && byId.ContainsKey(parent))
            .Select(p => new Line(p, byId[p.Site.ParentSiteId!.Value], p.Site.State == ConnectionState.Connected))];
    }

    public static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>An SVG text label (Razor reserves the text element for itself).</summary>
    public static string Label(double x, double y, string text) =>
        $"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"12\" fill=\"#1c2430\">{System.Net.WebUtility.HtmlEncode(text)}</text>";

    /// <summary>The marker of a state: a shape per state, so the legend does not rely on colour alone.</summary>
    public static string Marker(ConnectionState state, double x, double y) => state switch
    {
        ConnectionState.Connected => $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"7\"/>",
        ConnectionState.Installed => $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"6\" fill=\"#fff\" stroke-width=\"3\"/>",
        ConnectionState.Postponed => $"<path d=\"M{N(x)} {N(y - 8)}L{N(x + 7)} {N(y + 5)}H{N(x - 7)}Z\"/>",
        ConnectionState.Funded => $"<rect x=\"{N(x - 6)}\" y=\"{N(y - 6)}\" width=\"12\" height=\"12\"/>",
        ConnectionState.Planned => $"<rect x=\"{N(x - 6)}\" y=\"{N(y - 6)}\" width=\"12\" height=\"12\" fill=\"#fff\" stroke-width=\"2\"/>",
        _ => $"<path d=\"M{N(x - 6)} {N(y - 6)}L{N(x + 6)} {N(y + 6)}M{N(x + 6)} {N(y - 6)}L{N(x - 6)} {N(y + 6)}\" stroke-width=\"3\"/>",
    };

    /// <summary>Colours chosen to stay apart for the common colour-vision deficiencies, each also with its own shape.</summary>
    public static string Colour(ConnectionState state) => state switch
    {
        ConnectionState.Connected => "#1b7a3a",
        ConnectionState.Installed => "#0b5ea8",
        ConnectionState.Postponed => "#b3541e",
        ConnectionState.Funded => "#6b4fa0",
        ConnectionState.Planned => "#5a6472",
        _ => "#222",
    };
}
