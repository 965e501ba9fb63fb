namespace SatuPintu.Monitoring.Watch;

/// <summary>Hosts, the site they belong to, and which ones are trusted without a baseline.</summary>
public static class Domains
{
    private static readonly string[] SecondLevel = ["go.id", "ac.id", "co.id", "or.id", "web.id", "sch.id", "my.id", "net.id", "biz.id", "desa.id", "mil.id", "ponpes.id", "co.uk", "com.au", "com.sg", "com.my"];

    /// <summary>Government, academic and school domains of Indonesia: links to them are never judol.</summary>
    private static readonly string[] Trusted = ["go.id", "ac.id", "sch.id", "desa.id", "mil.id"];

    public static string Host(Uri url) => url.IdnHost.ToLowerInvariant().TrimEnd('.') is var h && h.StartsWith("www.", StringComparison.Ordinal) ? h[4..] : url.IdnHost.ToLowerInvariant().TrimEnd('.');

    /// <summary>The registrable domain: <c>dinkes.kepahiangkab.go.id</c> → <c>kepahiangkab.go.id</c>, <c>a.b.example.com</c> → <c>example.com</c>.</summary>
    public static string Site(string host)
    {
        var labels = host.Split('.');
        if (labels.Length <= 2)
        {
            return host;
        }
        var lastTwo = string.Join('.', labels[^2..]);
        return SecondLevel.Contains(lastTwo) ? string.Join('.', labels[^3..]) : lastTwo;
    }

    public static bool IsTrusted(string host) => Trusted.Any(t => host == t || host.EndsWith("." + t, StringComparison.Ordinal));

    /// <summary>True when <paramref name="host"/> is <paramref name="value"/> or one of its subdomains.</summary>
    public static bool Covers(string value, string host) => host == value || host.EndsWith("." + value, StringComparison.Ordinal);
}
