using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SatuPintu.Tests.Monitoring;

/// <summary>
/// Targets on this machine only: each test takes its own 127.x addresses (every address of
/// 127.0.0.0/8 answers on Linux), so a target "down" for one test is no other test's target.
/// </summary>
public static class Loopback
{
    private static int _next = Random.Shared.Next(1, 200) * 250;

    /// <summary>A fresh address 127.(20..219).x.y, never 127.0.0.1.</summary>
    public static IPAddress Fresh()
    {
        var n = Interlocked.Increment(ref _next);
        var address = new IPAddress([127, (byte)(20 + n / 65024 % 200), (byte)(n / 254 % 256), (byte)(1 + n % 254)]);
        Assert.True(IPAddress.IsLoopback(address));
        return address;
    }
}

/// <summary>A TCP server on a loopback address that can be stopped and started again on the same port.</summary>
public sealed class TcpTarget : IDisposable
{
    private TcpListener? _listener;

    public IPAddress Address { get; } = Loopback.Fresh();
    public int Port { get; }

    public TcpTarget()
    {
        _listener = new TcpListener(Address, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync(_listener);
    }

    public string Target => $"{Address}:{Port}";

    public void Stop()
    {
        _listener?.Stop();
        _listener = null;
    }

    public void Start()
    {
        _listener = new TcpListener(Address, Port);
        _listener.Start();
        _ = AcceptAsync(_listener);
    }

    private static async Task AcceptAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync();
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopped.
        }
    }

    public void Dispose() => Stop();
}

/// <summary>A minimal HTTP/1.1 server on a loopback address answering every request with one canned response.</summary>
public sealed class HttpTarget : IDisposable
{
    private readonly TcpListener _listener;

    public IPAddress Address { get; } = Loopback.Fresh();
    public int Status { get; set; } = 200;
    public string Body { get; set; } = "<html><body>Selamat datang</body></html>";

    public HttpTarget()
    {
        _listener = new TcpListener(Address, 0);
        _listener.Start();
        _ = ServeAsync();
    }

    public string Url => $"http://{Address}:{((IPEndPoint)_listener.LocalEndpoint).Port}/";

    private async Task ServeAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync();
                _ = Task.Run(async () =>
                {
                    using (client)
                    {
                        var stream = client.GetStream();
                        var buffer = new byte[4096];
                        var seen = "";
                        while (!seen.Contains("\r\n\r\n", StringComparison.Ordinal))
                        {
                            var read = await stream.ReadAsync(buffer);
                            if (read == 0)
                            {
                                return;
                            }
                            seen += Encoding.ASCII.GetString(buffer, 0, read);
                        }
                        var body = Encoding.UTF8.GetBytes(Body);
                        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 {Status} X\r\nContent-Type: text/html\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
                        await stream.WriteAsync(head);
                        await stream.WriteAsync(body);
                    }
                });
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    public void Dispose() => _listener.Stop();
}

/// <summary>A DNS responder on a loopback address (UDP): A records for the names it knows, NXDOMAIN for the rest.</summary>
public sealed class DnsTarget : IDisposable
{
    private readonly UdpClient _udp;

    public IPAddress Address { get; } = Loopback.Fresh();
    public Dictionary<string, IPAddress> Names { get; } = new(StringComparer.OrdinalIgnoreCase);
    private int _queries;

    public int Queries => Volatile.Read(ref _queries);

    public DnsTarget()
    {
        _udp = new UdpClient(new IPEndPoint(Address, 0));
        _ = ServeAsync();
    }

    public string Server => $"{Address}:{((IPEndPoint)_udp.Client.LocalEndPoint!).Port}";

    private async Task ServeAsync()
    {
        try
        {
            while (true)
            {
                var request = await _udp.ReceiveAsync();
                Interlocked.Increment(ref _queries);
                await _udp.SendAsync(Answer(request.Buffer), request.RemoteEndPoint);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private byte[] Answer(byte[] q)
    {
        // Question name starts at 12; labels until a zero byte, then type and class.
        var i = 12;
        var labels = new List<string>();
        while (q[i] != 0)
        {
            labels.Add(Encoding.ASCII.GetString(q, i + 1, q[i]));
            i += q[i] + 1;
        }
        var questionEnd = i + 5;
        var name = string.Join('.', labels);
        var known = Names.TryGetValue(name, out var ip);
        var response = new List<byte>(q[..questionEnd]);
        response[2] = 0x81;
        response[3] = known ? (byte)0x80 : (byte)0x83;
        response[6] = 0;
        response[7] = known ? (byte)1 : (byte)0;
        response[8] = response[9] = response[10] = response[11] = 0;
        if (known)
        {
            response.AddRange([0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4]);
            response.AddRange(ip!.GetAddressBytes());
        }
        return [.. response];
    }

    public void Dispose() => _udp.Dispose();
}
