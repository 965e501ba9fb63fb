using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace SatuPintu.Syndication.Outbound;

/// <summary>
/// Which addresses a source may be fetched from: public unicast only, unless the host name or a CIDR
/// holding the address is on <see cref="SyndicationOptions.AllowedHosts"/>. Refused: loopback,
/// "this network", private (RFC 1918, ULA), CGNAT, link-local (cloud metadata), multicast,
/// documentation, benchmarking, reserved and IPv4-mapped/translated forms of those.
/// </summary>
public sealed class AddressPolicy
{
    private static readonly IPNetwork2[] Special =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24",
            "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "2002::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
        }.Select(c => IPNetwork2.Parse(c)),
    ];

    private readonly IPNetwork2[] _allowedNetworks;
    private readonly HashSet<string> _allowedHosts;

    public AddressPolicy(IOptions<SyndicationOptions> options)
    {
        var entries = options.Value.AllowedHosts.Select(e => (Ok: TryParseEntry(e, out var parsed), Parsed: parsed)).Where(e => e.Ok).Select(e => e.Parsed).ToList();
        _allowedNetworks = [.. entries.Where(e => e.Network is not null).Select(e => e.Network!)];
        _allowedHosts = new(entries.Where(e => e.Host is not null).Select(e => e.Host!), StringComparer.OrdinalIgnoreCase);
    }

    public sealed record Entry(IPNetwork2? Network, string? Host);

    public static bool TryParseEntry(string? text, out Entry entry)
    {
        entry = new Entry(null, null);
        var t = text?.Trim() ?? "";
        if (t.Length == 0)
        {
            return false;
        }
        if (IPAddress.TryParse(t, out var single))
        {
            entry = new Entry(new IPNetwork2(single, (byte)(single.AddressFamily == AddressFamily.InterNetwork ? 32 : 128)), null);
            return true;
        }
        if (t.Contains('/', StringComparison.Ordinal))
        {
            var ok = IPNetwork2.TryParse(t, out var network);
            entry = new Entry(ok ? network : null, null);
            return ok;
        }
        if (Uri.CheckHostName(t) == UriHostNameType.Dns)
        {
            entry = new Entry(null, t.TrimEnd('.'));
            return true;
        }
        return false;
    }

    public bool HostAllowed(string host) => _allowedHosts.Contains(host.TrimEnd('.'));

    /// <summary>Null when <paramref name="address"/> of <paramref name="host"/> may be fetched, else why not (Indonesian).</summary>
    public string? Refusal(string host, IPAddress address)
    {
        var a = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (HostAllowed(host) || _allowedNetworks.Any(n => n.AddressFamily == a.AddressFamily && n.Contains(a)))
        {
            return null;
        }
        return IsSpecial(a)
            ? $"Alamat {host} ({a}) ada di jaringan internal atau khusus; bila situs OPD ini memang di intranet, admin menambahkannya ke SatuPintu:Syndication:AllowedHosts."
            : null;
    }

    public static bool IsSpecial(IPAddress address)
    {
        var a = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return Special.Any(n => n.AddressFamily == a.AddressFamily && n.Contains(a));
    }
}

/// <summary>A fetch refused before a byte was sent, with the reason for the person.</summary>
public sealed class RefusedAddressException(string message) : Exception(message);
