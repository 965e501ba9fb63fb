using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using DnsClient;
using Microsoft.Extensions.Options;

namespace SatuPintu.Syndication.Outbound;

/// <summary>The answer to one fetch: a body (capped), or a 304, or an Indonesian error for the health view.</summary>
public sealed record FetchResult(HttpStatusCode? Status, byte[]? Body, string? ContentType, string? ETag, string? LastModified, Uri FinalUri, string? Error,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    public bool NotModified => Status == HttpStatusCode.NotModified;
    public bool Ok => Error is null && Body is not null;
}

/// <summary>
/// Every outbound request of syndication: conditional GET, gzip/brotli, a timeout, a body cap and
/// redirects followed by hand (each hop checked again). The address check happens in the
/// connection's ConnectCallback — on the very address the socket connects to — so a DNS answer
/// that changes between a check and the connect (rebinding) cannot slip past it.
/// </summary>
public sealed class SafeFetcher
{
    public const string UserAgentProduct = "SatuPintu-Sindikasi";
    public const string Client = "syndication";
    private readonly IHttpClientFactory _clients;
    private readonly SyndicationOptions _options;
    private readonly string _userAgent;
    private long _requests;

    public SafeFetcher(IHttpClientFactory clients, IOptions<SyndicationOptions> options, IOptions<Shared.SiteOptions> site)
    {
        _options = options.Value;
        _clients = clients;
        _userAgent = $"{UserAgentProduct}/1.0 (+{site.Value.BaseUrl ?? "portal"}; {site.Value.Name})";
    }

    /// <summary>Requests this process has sent (for the test that a fresh demo fetches nothing).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    public async Task<FetchResult> GetAsync(Uri url, CancellationToken ct, string? etag = null, string? lastModified = null, string accept = "*/*", long? maxBytes = null)
    {
        var cap = maxBytes ?? _options.MaxResponseMegabytes * 1024L * 1024;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        var current = url;
        try
        {
            for (var hop = 0; ; hop++)
            {
                if (current.Scheme is not ("http" or "https"))
                {
                    return Fail(current, $"Alamat {current} bukan http atau https.");
                }
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.Accept.ParseAdd(accept);
                request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
                if (etag is not null && EntityTagHeaderValue.TryParse(etag, out var tag))
                {
                    request.Headers.IfNoneMatch.Add(tag);
                }
                if (lastModified is not null && DateTimeOffset.TryParse(lastModified, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var since))
                {
                    request.Headers.IfModifiedSince = since;
                }
                Interlocked.Increment(ref _requests);
                using var response = await _clients.CreateClient(Client).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && status != 304 && response.Headers.Location is { } location)
                {
                    if (hop >= _options.MaxRedirects)
                    {
                        return Fail(current, $"Lebih dari {_options.MaxRedirects} pengalihan (redirect); berhenti di {current}.");
                    }
                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }
                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    return new FetchResult(response.StatusCode, null, null, etag, lastModified, current, null);
                }
                if (!response.IsSuccessStatusCode)
                {
                    return new FetchResult(response.StatusCode, null, null, null, null, current, StatusMessage(status));
                }
                if (response.Content.Headers.ContentLength is { } length && length > cap)
                {
                    return Fail(current, $"Tanggapan {length / 1024 / 1024} MB, melebihi batas {cap / 1024 / 1024} MB.");
                }
                var body = await ReadCappedAsync(response.Content, cap, timeout.Token);
                if (body is null)
                {
                    return Fail(current, $"Tanggapan melebihi batas {cap / 1024 / 1024} MB.");
                }
                var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
                return new FetchResult(response.StatusCode, body, response.Content.Headers.ContentType?.ToString(), response.Headers.ETag?.ToString(),
                    response.Content.Headers.LastModified?.ToString("R"), current, null, headers);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Fail(current, $"Waktu habis: {current.Host} tidak menjawab dalam {_options.TimeoutSeconds} detik.");
        }
        catch (HttpRequestException e)
        {
            return Fail(current, Refused(e) ?? $"Tidak dapat terhubung ke {current.Host}: {Plain(e)}.");
        }
    }

    private static FetchResult Fail(Uri url, string error) => new(null, null, null, null, null, url, error);

    private static string? Refused(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is RefusedAddressException r)
            {
                return r.Message;
            }
        }
        return null;
    }

    private static string Plain(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "nama host tidak ditemukan",
        HttpRequestError.ConnectionError => "koneksi ditolak atau terputus",
        HttpRequestError.SecureConnectionError => "sertifikat TLS tidak sah",
        HttpRequestError.ResponseEnded => "server memutus tanggapan",
        _ => "galat jaringan",
    };

    private static string StatusMessage(int status) => status switch
    {
        404 => "Server menjawab 404: alamat umpan tidak ditemukan.",
        401 or 403 => $"Server menolak akses ({status}); mungkin firewall situs (WAF) memblokir portal.",
        410 => "Server menjawab 410: umpan sudah dihapus.",
        429 => "Server menjawab 429: terlalu banyak permintaan; dicoba lagi nanti.",
        >= 500 => $"Server situs sedang bermasalah ({status}).",
        _ => $"Server menjawab {status}.",
    };

    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, long cap, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > cap)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

/// <summary>The ConnectCallback of the syndication client: resolves, refuses what <see cref="AddressPolicy"/> refuses, connects to the checked address.</summary>
public sealed class SafeConnector
{
    private readonly AddressPolicy _policy;
    private readonly LookupClient? _dns;

    public SafeConnector(AddressPolicy policy, IOptions<SyndicationOptions> options)
    {
        _policy = policy;
        if (options.Value.DnsServers.Count > 0)
        {
            _dns = new LookupClient(new LookupClientOptions([.. options.Value.DnsServers.Select(s => new NameServer(IPEndPoint.Parse(s)))])
            {
                UseCache = false, Timeout = TimeSpan.FromSeconds(3), Retries = 1, ContinueOnDnsError = false,
            });
        }
    }

    /// <summary>The primary handler of the syndication client.</summary>
    public static SocketsHttpHandler Handler(IServiceProvider sp) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Brotli | DecompressionMethods.Deflate,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        MaxConnectionsPerServer = 4,
        ConnectCallback = sp.GetRequiredService<SafeConnector>().ConnectAsync,
    };

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await ResolveAsync(host, ct);
        if (addresses.Length == 0)
        {
            throw new RefusedAddressException($"Nama host {host} tidak ditemukan.");
        }
        string? refusal = null;
        foreach (var address in addresses)
        {
            if (_policy.Refusal(host, address) is { } why)
            {
                refusal ??= why;
                continue;
            }
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct);
                // The address the socket is connected to, checked once more: what we checked is what we talk to.
                if (socket.RemoteEndPoint is not IPEndPoint connected || _policy.Refusal(host, connected.Address) is { } late)
                {
                    throw new RefusedAddressException(refusal ?? $"Alamat {host} tidak diizinkan.");
                }
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException) when (address != addresses[^1])
            {
                socket.Dispose();
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw new RefusedAddressException(refusal ?? $"Tidak dapat terhubung ke {host}.");
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        if (_dns is null)
        {
            return await Dns.GetHostAddressesAsync(host, ct);
        }
        var v4 = await _dns.QueryAsync(host, QueryType.A, cancellationToken: ct);
        var v6 = await _dns.QueryAsync(host, QueryType.AAAA, cancellationToken: ct);
        return [.. v4.Answers.ARecords().Select(r => r.Address), .. v6.Answers.AaaaRecords().Select(r => r.Address)];
    }
}
