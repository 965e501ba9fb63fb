using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace SatuPintu.Hosting;

/// <summary>
/// Settings under "SatuPintu:Hosting": the reverse proxies whose X-Forwarded-For/Proto/Host are believed.
/// Nothing is believed unless listed, so a client cannot claim another address or HTTPS by sending the
/// headers itself.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "SatuPintu:Hosting";

    /// <summary>Addresses of the proxies in front of the app, e.g. "127.0.0.1" for nginx on the same server.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies in CIDR form, e.g. "10.0.5.0/24" for a load balancer pool.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool Any => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var p in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"SatuPintu:Hosting:KnownProxies: '{p}' is not an IP address.", [nameof(KnownProxies)]);
        }
        foreach (var n in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"SatuPintu:Hosting:KnownNetworks: '{n}' is not a network in CIDR form.", [nameof(KnownNetworks)]);
        }
    }
}

[OptionsValidator]
public sealed partial class ProxyOptionsValidator : IValidateOptions<ProxyOptions>;

internal static class ProxySupport
{
    public static void AddProxySupport(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ProxyOptions, ProxyOptionsValidator>(ProxyOptions.Section);
        var proxies = builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // The defaults trust loopback; only what the setting lists is trusted here.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in proxies.KnownProxies.Where(p => IPAddress.TryParse(p, out _)))
            {
                o.KnownProxies.Add(IPAddress.Parse(p));
            }
            foreach (var n in proxies.KnownNetworks.Where(n => System.Net.IPNetwork.TryParse(n, out _)))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
            }
        });
    }

    /// <summary>First in the pipeline, so the cookie policy, HSTS, sessions and the sign-in throttle all see the client's scheme and address.</summary>
    public static void UseProxySupport(this WebApplication app)
    {
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ProxyOptions>>().Value.Any)
        {
            app.UseForwardedHeaders();
        }
    }
}
