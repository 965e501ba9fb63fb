using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SatuPintu.Network;

/// <summary>CIDR parsing, overlap and free space, all through IPNetwork2 so IPv4 and IPv6 follow one rule.</summary>
public static class SubnetRules
{
    /// <summary>A strict parse: address "/" prefix, the address being the network's own (no host bits).</summary>
    public static bool TryParse(string? text, out IPNetwork2 network, out string? error)
    {
        network = null!;
        error = null;
        var value = text?.Trim() ?? "";
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        // IPAddress.TryParse also takes inet_aton shorthands ("10.10.1" is 10.10.0.1): IPv4 must be four decimal parts.
        if (slash <= 0 || !IPAddress.TryParse(value[..slash], out var address)
            || (address.AddressFamily == AddressFamily.InterNetwork && !FourParts(value[..slash]))
            || address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
            || !byte.TryParse(value[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
            || prefix > (address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128))
        {
            error = $"\"{Shorten(value)}\" bukan CIDR yang sah; tulis alamat jaringan dan panjang prefiks, misalnya 10.10.1.0/24 atau 2001:db8:10::/48.";
            return false;
        }
        network = new IPNetwork2(address, prefix);
        if (!network.Network.Equals(address))
        {
            error = $"{value} bukan alamat jaringan: untuk prefiks /{prefix} alamatnya {Normalise(network)}.";
            return false;
        }
        return true;
    }

    /// <summary>The form stored and shown: "10.10.1.0/24", "2001:db8:10::/48".</summary>
    public static string Normalise(IPNetwork2 network) => $"{network.Network}/{network.Cidr}";

    public static int Family(IPNetwork2 network) => network.AddressFamily == AddressFamily.InterNetwork ? 4 : 6;

    /// <summary>A gateway must be an address inside the subnet.</summary>
    public static string? GatewayProblem(IPNetwork2 network, string? gateway)
    {
        if (string.IsNullOrWhiteSpace(gateway))
        {
            return null;
        }
        if (!IPAddress.TryParse(gateway.Trim(), out var address) || address.AddressFamily != network.AddressFamily)
        {
            return $"Gateway \"{Shorten(gateway.Trim())}\" bukan alamat IP{(Family(network) == 4 ? "v4" : "v6")} yang sah.";
        }
        return network.Contains(address) ? null : $"Gateway {address} berada di luar {Normalise(network)}.";
    }

    /// <summary>The first of <paramref name="existing"/> that overlaps <paramref name="candidate"/> (same family only), or null.</summary>
    public static T? FirstClash<T>(IPNetwork2 candidate, IEnumerable<T> existing, Func<T, string> cidrOf) where T : class
    {
        foreach (var item in existing)
        {
            if (IPNetwork2.TryParse(cidrOf(item), out var other) && other.AddressFamily == candidate.AddressFamily && other.Overlap(candidate))
            {
                return item;
            }
        }
        return null;
    }

    /// <summary>
    /// The blocks of <paramref name="parent"/> not covered by any of <paramref name="used"/>, largest aligned
    /// blocks first in address order. Used blocks outside the parent are ignored.
    /// </summary>
    public static IReadOnlyList<IPNetwork2> FreeSpace(IPNetwork2 parent, IEnumerable<IPNetwork2> used)
    {
        var free = new List<IPNetwork2> { parent };
        foreach (var u in used.Where(u => u.AddressFamily == parent.AddressFamily && u.Overlap(parent)))
        {
            var next = new List<IPNetwork2>();
            foreach (var block in free)
            {
                if (!block.Overlap(u))
                {
                    next.Add(block);
                }
                else if (block.Contains(u))
                {
                    next.AddRange(block.Subtract(u));
                }
                // else u covers the whole block: nothing of it stays free.
            }
            free = next;
        }
        return [.. free.OrderBy(n => n.Network.GetAddressBytes(), ByteOrder.Instance)];
    }

    private static bool FourParts(string text)
    {
        var parts = text.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit));
    }

    private static string Shorten(string value) => value.Length > 60 ? value[..60] + "…" : value;

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x is null || y is null ? 0 : ((ReadOnlySpan<byte>)x).SequenceCompareTo(y);
    }
}
