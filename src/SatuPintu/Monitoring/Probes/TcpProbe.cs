using System.Net;
using System.Net.Sockets;

namespace SatuPintu.Monitoring.Probes;

/// <summary>A TCP connect to host:port; the connection is closed at once.</summary>
public sealed class TcpProbe(TimeProvider time) : IProbe
{
    public CheckKind Kind => CheckKind.Tcp;

    public async Task<ProbeResult> ProbeAsync(Check check, TimeSpan timeout, CancellationToken ct)
    {
        if (!TryParse(check.Target, out var host, out var port))
        {
            return ProbeResult.Fail("target harus berbentuk host:port");
        }
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        var started = time.GetTimestamp();
        try
        {
            using var socket = IPAddress.TryParse(host, out var ip)
                ? new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
                : new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.LingerState = new LingerOption(true, 0);
            if (ip is not null)
            {
                await socket.ConnectAsync(new IPEndPoint(ip, port), cts.Token);
            }
            else
            {
                await socket.ConnectAsync(host, port, cts.Token);
            }
            return new ProbeResult(true, time.GetElapsedTime(started).TotalMilliseconds, 0, null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return ProbeResult.Fail($"tidak tersambung dalam {timeout.TotalSeconds:0.#} detik");
        }
        catch (SocketException e)
        {
            return ProbeResult.Fail($"sambungan gagal: {e.SocketErrorCode}");
        }
    }

    public static bool TryParse(string target, out string host, out int port)
    {
        host = "";
        port = 0;
        var colon = target.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(target.AsSpan(colon + 1), out port) || port is < 1 or > 65535)
        {
            return false;
        }
        host = target[..colon].Trim('[', ']');
        return host.Length > 0;
    }
}
