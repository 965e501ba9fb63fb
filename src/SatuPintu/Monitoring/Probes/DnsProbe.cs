using System.Net;
using DnsClient;

namespace SatuPintu.Monitoring.Probes;

/// <summary>
/// DNS: asks the chosen server (an IP address, optional port) for the record type; the system
/// resolver is never used, so a check asks exactly whom it names.
/// </summary>
public sealed class DnsProbe(TimeProvider time) : IProbe
{
    public CheckKind Kind => CheckKind.Dns;

    public async Task<ProbeResult> ProbeAsync(Check check, TimeSpan timeout, CancellationToken ct)
    {
        if (ParseServer(check.DnsServer) is not { } server)
        {
            return ProbeResult.Fail("server DNS harus alamat IP (boleh dengan :port)");
        }
        if (!Enum.TryParse<QueryType>(check.DnsRecordType ?? "A", ignoreCase: true, out var type))
        {
            return ProbeResult.Fail($"jenis rekaman DNS tidak dikenal: {check.DnsRecordType}");
        }
        var client = new LookupClient(new LookupClientOptions(new NameServer(server))
        {
            UseCache = false,
            Timeout = timeout,
            Retries = 0,
            ThrowDnsErrors = false,
            ContinueOnDnsError = false,
            ContinueOnEmptyResponse = false,
        });
        var started = time.GetTimestamp();
        try
        {
            var answer = await client.QueryAsync(check.Target, type, QueryClass.IN, ct);
            var rtt = time.GetElapsedTime(started).TotalMilliseconds;
            if (answer.HasError)
            {
                return ProbeResult.Fail($"DNS menjawab {answer.ErrorMessage}", rtt);
            }
            return answer.Answers.Count > 0
                ? new ProbeResult(true, rtt, 0, null)
                : ProbeResult.Fail($"tidak ada rekaman {type} untuk {check.Target}", rtt);
        }
        catch (DnsResponseException e)
        {
            return ProbeResult.Fail($"DNS tidak menjawab: {e.Code}");
        }
    }

    public static IPEndPoint? ParseServer(string? server) =>
        server is null ? null
        : IPEndPoint.TryParse(server, out var ep) ? (ep.Port == 0 ? new IPEndPoint(ep.Address, 53) : ep)
        : null;
}
