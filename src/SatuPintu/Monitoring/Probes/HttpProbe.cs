using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SatuPintu.Monitoring.Probes;

/// <summary>
/// HTTP(S): status, keyword that must or must not appear, latency, and the earliest certificate
/// expiry of the served chain. Certificates are validated as usual; a failed validation is the
/// probe's error, never skipped. Redirects are not followed (a probe goes only where it was told).
/// </summary>
public sealed class HttpProbe(IHttpClientFactory clients, TimeProvider time, TlsSeen tls) : IProbe
{
    public const string Client = "monitoring";
    private const int MaxBody = 1024 * 1024;

    public CheckKind Kind => CheckKind.Http;

    public async Task<ProbeResult> ProbeAsync(Check check, TimeSpan timeout, CancellationToken ct)
    {
        if (!Uri.TryCreate(check.Target, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return ProbeResult.Fail("target harus URL http:// atau https://");
        }
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        var started = time.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.UserAgent.ParseAdd("SatuPintu-Pemantau/1.0");
            using var response = await clients.CreateClient(Client).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            var rtt = time.GetElapsedTime(started).TotalMilliseconds;
            var expires = uri.Scheme == "https" ? tls.ExpiryOf(uri.IdnHost) : null;
            var status = (int)response.StatusCode;
            var statusOk = check.ExpectedStatus is { } expected ? status == expected : status is >= 200 and < 400;
            if (!statusOk)
            {
                return new ProbeResult(false, rtt, 100, $"status HTTP {status}" + (check.ExpectedStatus is { } e ? $", diharapkan {e}" : ""), expires);
            }
            if (check.KeywordMust is { Length: > 0 } || check.KeywordMustNot is { Length: > 0 })
            {
                var body = await ReadCappedAsync(response, cts.Token);
                if (check.KeywordMust is { Length: > 0 } must && !body.Contains(must, StringComparison.OrdinalIgnoreCase))
                {
                    return new ProbeResult(false, rtt, 100, $"kata kunci \"{must}\" tidak ditemukan", expires);
                }
                if (check.KeywordMustNot is { Length: > 0 } mustNot && body.Contains(mustNot, StringComparison.OrdinalIgnoreCase))
                {
                    return new ProbeResult(false, rtt, 100, $"kata terlarang \"{mustNot}\" ditemukan", expires);
                }
            }
            if (expires is { } at && at - time.GetUtcNow().UtcDateTime < TimeSpan.FromDays(check.TlsWarningDays))
            {
                return new ProbeResult(false, rtt, 100, $"sertifikat TLS kedaluwarsa {at:yyyy-MM-dd}", expires);
            }
            return new ProbeResult(true, rtt, 0, null, expires);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return ProbeResult.Fail($"tidak ada jawaban dalam {timeout.TotalSeconds:0.#} detik");
        }
        catch (HttpRequestException e)
        {
            var why = tls.ErrorOf(uri.IdnHost) is { } tlsError && e.InnerException is System.Security.Authentication.AuthenticationException
                ? tlsError : e.HttpRequestError.ToString();
            return ProbeResult.Fail($"permintaan gagal: {why}");
        }
    }

    private static async Task<string> ReadCappedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        // Pooled: a fresh megabyte per keyword probe was a large-object allocation each time.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(MaxBody);
        try
        {
            var total = 0;
            int read;
            while (total < MaxBody && (read = await stream.ReadAsync(buffer.AsMemory(total, MaxBody - total), ct)) > 0)
            {
                total += read;
            }
            return Encoding.UTF8.GetString(buffer, 0, total);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>
/// What the TLS handshakes showed per host: the earliest expiry of leaf and chain, or why validation failed.
/// Filled by the monitoring client's certificate callback, which still refuses what the platform refuses.
/// </summary>
public sealed class TlsSeen
{
    private readonly ConcurrentDictionary<string, (DateTime? Expiry, string? Error)> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public DateTime? ExpiryOf(string host) => _hosts.TryGetValue(host, out var v) ? v.Expiry : null;

    public string? ErrorOf(string host) => _hosts.TryGetValue(host, out var v) ? v.Error : null;

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var host = (sender as SslStream)?.TargetHostName ?? "";
        DateTime? earliest = certificate is X509Certificate2 leaf ? leaf.NotAfter.ToUniversalTime() : null;
        foreach (var element in chain?.ChainElements ?? (IEnumerable<X509ChainElement>)[])
        {
            var notAfter = element.Certificate.NotAfter.ToUniversalTime();
            earliest = earliest is null || notAfter < earliest ? notAfter : earliest;
        }
        _hosts[host] = (earliest, errors == SslPolicyErrors.None ? null : $"sertifikat TLS tidak sah ({errors})");
        return errors == SslPolicyErrors.None;
    }
}
