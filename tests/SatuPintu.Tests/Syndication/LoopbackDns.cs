using System.Net;
using System.Net.Sockets;

namespace SatuPintu.Tests.Syndication;

/// <summary>
/// A DNS responder on 127.0.0.1 that answers every A query with the next address of its list (TTL 0):
/// the rebinding attacker's name server, for tests. It answers AAAA with no records.
/// </summary>
public sealed class LoopbackDns : IDisposable
{
    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly IPAddress[] _answers;
    private readonly CancellationTokenSource _stop = new();
    private int _next;

    public LoopbackDns(params IPAddress[] answers)
    {
        _answers = answers;
        _ = Task.Run(LoopAsync);
    }

    public string EndPoint => ((IPEndPoint)_udp.Client.LocalEndPoint!).ToString();

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult query;
            try
            {
                query = await _udp.ReceiveAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            var q = query.Buffer;
            // The question ends after the name's labels, then type (2) and class (2).
            var end = 12;
            while (end < q.Length && q[end] != 0)
            {
                end += q[end] + 1;
            }
            end += 5;
            var type = (q[end - 4] << 8) | q[end - 3];
            var answer = new List<byte>(q[..end]);
            answer[2] = 0x81;
            answer[3] = 0x80;
            answer[6] = 0;
            answer[7] = (byte)(type == 1 ? 1 : 0);
            answer[8] = answer[9] = answer[10] = answer[11] = 0;
            if (type == 1)
            {
                var address = _answers[(Interlocked.Increment(ref _next) - 1) % _answers.Length].GetAddressBytes();
                answer.AddRange([0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0, 0, 0, 4, .. address]);
            }
            await _udp.SendAsync(answer.ToArray(), query.RemoteEndPoint);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _udp.Dispose();
        _stop.Dispose();
    }
}
