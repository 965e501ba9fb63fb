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
    private readonly ConcurrentDictionary<(ushort Seq, IPAddress From), TaskCompletionSource<long>> _pending = new();
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
        var waits = new List<(Task<long> Reply, long Sent, (ushort, IPAddress) Key)>(echoes);
        for (var i = 0; i < echoes; i++)
        {
            var seq = (ushort)Interlocked.Increment(ref _sequence);
            var key = (seq, address);
            var tcs = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[key] = tcs;
            var sent = Stopwatch.GetTimestamp();
            try
            {
                await channel.Socket.SendToAsync(EchoRequest(channel.Family, _identifier, seq), SocketFlags.None, new IPEndPoint(address, 0), ct);
            }
            catch (SocketException e)
            {
                _pending.TryRemove(key, out _);
                tcs.TrySetException(e);
            }
            waits.Add((tcs.Task, sent, key));
        }
        try
        {
            await Task.WhenAny(Task.WhenAll(waits.Select(w => w.Reply)), Task.Delay(timeout, ct));
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
        var channel = new Channel(socket, datagram, family);
        _ = Task.Run(() => ReceiveLoopAsync(channel));
        return channel;
    }

    /// <summary>Called with each packet's length before it is read; a test makes it throw to prove the loop outlives a fault.</summary>
    internal Action<int>? OnReceived { get; set; }

    private async Task ReceiveLoopAsync(Channel channel)
    {
        var buffer = new byte[2048];
        EndPoint any = new IPEndPoint(channel.Family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        var faults = 0;
        while (!_disposed)
        {
            try
            {
                var r = await channel.Socket.ReceiveFromAsync(buffer, SocketFlags.None, any);
                OnReceived?.Invoke(r.ReceivedBytes);
                Deliver(channel, buffer.AsSpan(0, r.ReceivedBytes), (IPEndPoint)r.RemoteEndPoint, Stopwatch.GetTimestamp());
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

    private void Deliver(Channel channel, ReadOnlySpan<byte> packet, IPEndPoint from, long at)
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
        if ((channel.Datagram || id == _identifier) && _pending.TryRemove((seq, from.Address), out var waiting))
        {
            waiting.TrySetResult(at);
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
