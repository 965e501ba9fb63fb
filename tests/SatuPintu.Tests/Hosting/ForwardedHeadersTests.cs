using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Hosting;

/// <summary>
/// Behind a reverse proxy: X-Forwarded-* from a configured proxy make cookies Secure, send HSTS and give
/// the sign-in throttle the client's address; the same headers from anyone else change nothing.
/// </summary>
public abstract class ForwardedHeadersTests(SatuPintuApp app) : WithPersonas(app)
{
    /// <summary>The in-process server, with each connection coming from 127.0.0.1 as it would from nginx on the same server.</summary>
    public abstract class FromLoopbackApp(Dictionary<string, string?>? settings) : SatuPintuApp(postgres: false, settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, FromLoopback>());
        }

        private sealed class FromLoopback : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((HttpContext context, RequestDelegate following) =>
                {
                    context.Connection.RemoteIpAddress = IPAddress.Loopback;
                    return following(context);
                });
                next(app);
            };
        }
    }

    public sealed class TrustingApp() : FromLoopbackApp(new() { ["SatuPintu:Hosting:KnownProxies:0"] = "127.0.0.1" });

    public sealed class UntrustingApp() : FromLoopbackApp(null);

    protected abstract bool Trusted { get; }

    /// <summary>What nginx would add for a visitor at 127.0.0.9 who asked for https://127.0.0.9 (a name would make a client look it up).</summary>
    private HttpClient ThroughProxy()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "127.0.0.9");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "127.0.0.9");
        return client;
    }

    [Fact]
    public async Task Forwarded_headers_count_only_from_a_configured_proxy()
    {
        var client = ThroughProxy();
        var signedIn = await Personas.PostFormAsync(client, "/admin/masuk", new() { ["Email"] = People.EditorA.Email, ["Password"] = Personas.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("satupintu.masuk=", StringComparison.Ordinal));
        Assert.Equal(Trusted, cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(Trusted, signedIn.Headers.Contains("Strict-Transport-Security"));

        var wrong = await Personas.PostFormAsync(ThroughProxy(), "/admin/masuk", new() { ["Email"] = People.ReviewerA.Email, ["Password"] = "salah-salah-salah" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var expected = Trusted ? "127.0.0.9" : "127.0.0.1";
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AccountAudit.SignInFailed && a.Summary == $"{People.ReviewerA.Email} dari {expected}")));
        Assert.True(await app.WithDbAsync(db => db.LoginThrottles.AnyAsync(t => t.Key == SignInThrottle.AddressKey(expected))));
        Assert.Equal(expected, await app.WithDbAsync(db => db.UserSessions.Where(s => s.User!.Email == People.EditorA.Email).Select(s => s.Address).SingleAsync()));
    }
}

public sealed class TrustedProxyTests(ForwardedHeadersTests.TrustingApp app) : ForwardedHeadersTests(app), IClassFixture<ForwardedHeadersTests.TrustingApp>
{
    protected override bool Trusted => true;
}

public sealed class UntrustedProxyTests(ForwardedHeadersTests.UntrustingApp app) : ForwardedHeadersTests(app), IClassFixture<ForwardedHeadersTests.UntrustingApp>
{
    protected override bool Trusted => false;
}
