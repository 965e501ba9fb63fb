using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SatuPintu.Monitoring.Probes;

/// <summary>
/// ICMP echo through one long-lived socket per address family, shared by every check: the
/// unprivileged datagram ICMP socket when <c>net.ipv4.ping_group_range</c> lets this process use it,
/// else a raw socket (needs CAP_NET_RAW). Replies are matched by identifier and sequence. Several
/// echoes per round give loss % and the median round trip. Never spawns <c>ping</c>.
/// </summary>
public sealed class IcmpProbe : IProbe, IDisposable
{
    private readonly ConcurrentDictionary<(ushort Seq, UInt128 From), TaskCompletionSource<long>> _pending = new();
    private readonly Lazy<Channel?> _v4;
    private readonly Lazy<Channel?> _v6;
    private readonly ILogger<IcmpProbe> _log;
    private int _sequence = Random.Shared.Next(ushort.MaxValue);
    private readonly ushort _identifier = (ushort)Random.Shared.Next(1, ushort.MaxValue);
    private volatile bool _disposed;

    public IcmpProbe(ILogger<IcmpProbe> log)
    {
        _log = log;
        _v4 = new(() => Open(AddressFamily.InterNetwork));
        _v6 = new(() => Open(AddressFamily.InterNetworkV6));
    }

    public CheckKind Kind => CheckKind.Icmp;

    private sealed record Channel(Socket Socket, bool Datagram, AddressFamily Family);

    public async Task<ProbeResult> ProbeAsync(Check check, TimeSpan timeout, CancellationToken ct)
    {
        if (!IPAddress.TryParse(check.Target, out var address))
        {
            var resolved = await Dns.GetHostAddressesAsync(check.Target, ct);
            if (resolved.Length == 0)
            {
                return ProbeResult.Fail("nama tidak dapat diterjemahkan ke alamat");
            }
            address = resolved[0];
        }
        var channel = address.AddressFamily == AddressFamily.InterNetworkV6 ? _v6.Value : _v4.Value;
        if (channel is null)
        {
            return ProbeResult.Fail("soket ICMP tidak tersedia (perlu CAP_NET_RAW atau net.ipv4.ping_group_range)");
        }
        var echoes = Math.Clamp(check.Echoes, 1, 20);
        var waits = new (Task<long> Reply, long Sent, (ushort, UInt128) Key)[echoes];
        // One request buffer and one socket address per round, reused for each echo: a busy node sends
        // hundreds of echoes a second, and each used to cost a packet array, an endpoint and its address.
        var to = new IPEndPoint(address, 0).Serialize();
        var request = EchoRequest(channel.Family, _identifier, 0);
        var from = Key(address);
        for (var i = 0; i < echoes; i++)
        {
            var seq = (ushort)Interlocked.Increment(ref _sequence);
            var key = (seq, from);
            var tcs = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[key] = tcs;
            Sequence(channel.Family, request, seq);
            var sent = Stopwatch.GetTimestamp();
            try
            {
                await channel.Socket.SendToAsync(request, SocketFlags.None, to, ct);
            }
            catch (SocketException e)
            {
                _pending.TryRemove(key, out _);
                tcs.TrySetException(e);
            }
            waits[i] = (tcs.Task, sent, key);
        }
        try
        {
            // WaitAsync drops its timer as soon as the replies are in; a Task.Delay per round lived on for the whole timeout.
            await Task.WhenAll(waits.Select(w => w.Reply)).WaitAsync(timeout, ct);
        }
        catch (Exception e) when (e is TimeoutException or SocketException)
        {
            // Lost echoes (or a send refused): counted below as loss.
        }
        finally
        {
            foreach (var w in waits)
            {
                _pending.TryRemove(w.Key, out _);
            }
        }
        var rtts = new List<double>(echoes);
        foreach (var w in waits.Where(w => w.Reply.IsCompletedSuccessfully))
        {
            rtts.Add((await w.Reply - w.Sent) * 1000.0 / Stopwatch.Frequency);
        }
        rtts.Sort();
        var loss = 100.0 * (echoes - rtts.Count) / echoes;
        if (rtts.Count == 0)
        {
            return new ProbeResult(false, null, 100, $"tidak ada balasan ICMP dari {echoes} echo");
        }
        var median = rtts.Count % 2 == 1 ? rtts[rtts.Count / 2] : (rtts[rtts.Count / 2 - 1] + rtts[rtts.Count / 2]) / 2;
        return new ProbeResult(true, median, loss, loss > 0 ? $"{loss:0}% echo hilang" : null);
    }

    private Channel? Open(AddressFamily family)
    {
        var protocol = family == AddressFamily.InterNetworkV6 ? ProtocolType.IcmpV6 : ProtocolType.Icmp;
        Socket? socket = null;
        var datagram = family == AddressFamily.InterNetwork && PingGroupAllows();
        try
        {
            socket = new Socket(family, datagram ? SocketType.Dgram : SocketType.Raw, protocol);
        }
        catch (SocketException e) when (datagram)
        {
            _log.LogInformation("Datagram ICMP socket refused ({Error}); trying a raw socket", e.SocketErrorCode);
            datagram = false;
        }
        catch (SocketException e)
        {
            _log.LogWarning("No ICMP socket for {Family}: {Error}", family, e.SocketErrorCode);
            return null;
        }
        try
        {
            socket ??= new Socket(family, SocketType.Raw, protocol);
        }
        catch (SocketException e)
        {
            _log.LogWarning("No ICMP socket for {Family}: {Error}", family, e.SocketErrorCode);
            return null;
        }
        // Bound before the receive loop starts: an unbound socket's ReceiveFrom throws, and the loop
        // must not depend on a first echo having been sent (which binds implicitly) before it starts.
        socket.Bind(new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
        if (!datagram)
        {
            Filter(socket, family);
        }
        var channel = new Channel(socket, datagram, family);
        _ = Task.Run(() => ReceiveLoopAsync(channel));
        return channel;
    }

    /// <summary>Called with each packet before it is read; a test makes it throw to prove the loop outlives a fault.</summary>
    internal PacketHook? OnReceived { get; set; }

    internal delegate void PacketHook(ReadOnlySpan<byte> packet);

    /// <summary>True when IPv4 echoes go through a raw socket (which, unfiltered, sees every ICMP packet of the machine).</summary>
    internal bool RawV4 => _v4.Value is { Datagram: false };

    private async Task ReceiveLoopAsync(Channel channel)
    {
        var buffer = new byte[2048];
        // Filled in by each receive: no endpoint or address objects per packet.
        var from = new SocketAddress(channel.Family);
        var faults = 0;
        while (!_disposed)
        {
            try
            {
                var n = await channel.Socket.ReceiveFromAsync(buffer, SocketFlags.None, from);
                OnReceived?.Invoke(buffer.AsSpan(0, n));
                Deliver(channel, buffer.AsSpan(0, n), Key(channel.Family, from.Buffer.Span), Stopwatch.GetTimestamp());
                faults = 0;
            }
            catch (Exception e) when (_disposed && e is SocketException or ObjectDisposedException)
            {
                return;
            }
            catch (Exception e)
            {
                // Every ICMP check of this node waits on this one loop: a fault it was not written for is
                // logged and the loop goes on, slowing down (up to 1 s) while the fault repeats.
                faults++;
                _log.LogError(e, "ICMP receive loop ({Family}) failed {Faults} time(s) in a row; it goes on", channel.Family, faults);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 10 * faults)));
            }
        }
    }

    /// <summary>An address as a number: the pending echoes are keyed by it, so a received packet needs no <see cref="IPAddress"/>.</summary>
    private static UInt128 Key(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        return Key(bytes[..written]);
    }

    /// <summary>The sender's address out of a sockaddr_in (bytes 4-7) or sockaddr_in6 (bytes 8-23).</summary>
    private static UInt128 Key(AddressFamily family, ReadOnlySpan<byte> sockaddr) =>
        family == AddressFamily.InterNetworkV6 ? Key(sockaddr.Slice(8, 16)) : Key(sockaddr.Slice(4, 4));

    private static UInt128 Key(ReadOnlySpan<byte> address) => address.Length == 4
        ? BinaryPrimitives.ReadUInt32BigEndian(address)
        : ((UInt128)BinaryPrimitives.ReadUInt64BigEndian(address) << 64) | BinaryPrimitives.ReadUInt64BigEndian(address[8..]);

    private void Deliver(Channel channel, ReadOnlySpan<byte> packet, UInt128 from, long at)
    {
        var icmp = packet;
        if (channel.Family == AddressFamily.InterNetwork && !channel.Datagram && icmp.Length > 0)
        {
            // A raw IPv4 socket hands the IP header over too.
            icmp = icmp[Math.Min(icmp.Length, (icmp[0] & 0x0F) * 4)..];
        }
        var reply = channel.Family == AddressFamily.InterNetworkV6 ? 129 : 0;
        if (icmp.Length < 8 || icmp[0] != reply)
        {
            return;
        }
        var id = BinaryPrimitives.ReadUInt16BigEndian(icmp[4..]);
        var seq = BinaryPrimitives.ReadUInt16BigEndian(icmp[6..]);
        // The kernel puts its own identifier on datagram ICMP sockets: there the sequence and sender match.
        if ((channel.Datagram || id == _identifier) && _pending.TryRemove((seq, from), out var waiting))
        {
            waiting.TrySetResult(at);
        }
    }

    /// <summary>Puts <paramref name="sequence"/> into a request made by <see cref="EchoRequest"/> and its checksum right again.</summary>
    private static void Sequence(AddressFamily family, byte[] packet, ushort sequence)
    {
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(6), sequence);
        if (family == AddressFamily.InterNetwork)
        {
            packet[2] = packet[3] = 0;
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), Checksum(packet));
        }
    }

    internal static byte[] EchoRequest(AddressFamily family, ushort identifier, ushort sequence)
    {
        var packet = new byte[8 + 16];
        packet[0] = family == AddressFamily.InterNetworkV6 ? (byte)128 : (byte)8;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(4), identifier);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(6), sequence);
        "SatuPintu-pantau"u8.CopyTo(packet.AsSpan(8));
        if (family == AddressFamily.InterNetwork)
        {
            // ICMPv6 checksums are filled in by the kernel (they cover the IPv6 pseudo-header).
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), Checksum(packet));
        }
        return packet;
    }

    internal static ushort Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        }
        if (data.Length % 2 == 1)
        {
            sum += (uint)data[^1] << 8;
        }
        while (sum >> 16 != 0)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (ushort)~sum;
    }

    /// <summary>
    /// Lets only echo replies through to a raw socket (ICMP_FILTER, raw(7); ICMP6_FILTER, RFC 3542):
    /// unfiltered it wakes for every ICMP packet of the machine, our own echo requests to loopback too.
    /// </summary>
    private void Filter(Socket socket, AddressFamily family)
    {
        try
        {
            if (family == AddressFamily.InterNetwork)
            {
                // A set bit blocks its type (a u32 in the host's order); type 0, the echo reply, is the one left clear.
                Span<byte> mask = stackalloc byte[4];
                BitConverter.TryWriteBytes(mask, ~1u);
                socket.SetRawSocketOption(255 /* SOL_RAW */, 1 /* ICMP_FILTER */, mask);
            }
            else
            {
                // Eight u32 in the host's order (little-endian here); type 129, the echo reply, is the one left clear.
                Span<byte> blocked = stackalloc byte[32];
                blocked.Fill(0xFF);
                blocked[129 / 8] &= unchecked((byte)~(1 << (129 % 8)));
                socket.SetRawSocketOption(58 /* IPPROTO_ICMPV6 */, 1 /* ICMP6_FILTER */, blocked);
            }
        }
        catch (SocketException e)
        {
            _log.LogInformation("No ICMP filter on the raw {Family} socket ({Error}); it sees every ICMP packet", family, e.SocketErrorCode);
        }
    }

    private static bool PingGroupAllows()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ping_group_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            var gid = GroupId();
            return range.Length == 2 && long.TryParse(range[0], out var low) && long.TryParse(range[1], out var high) && gid >= low && gid <= high;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static long GroupId()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("Gid:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return -1;
    }

    public void Dispose()
    {
        _disposed = true;
        if (_v4.IsValueCreated)
        {
            _v4.Value?.Socket.Dispose();
        }
        if (_v6.IsValueCreated)
        {
            _v6.Value?.Socket.Dispose();
        }
    }
}
