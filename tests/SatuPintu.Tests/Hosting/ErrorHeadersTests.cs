using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Hosting;

/// <summary>A request that throws still answers with every security header, as an HTML page and as problem details.</summary>
public sealed class ErrorHeadersTests(ErrorHeadersTests.ThrowingApp app) : IClassFixture<ErrorHeadersTests.ThrowingApp>
{
    /// <summary>The real app plus two test-only routes that throw, behind all of the app's middleware.</summary>
    public sealed class ThrowingApp() : SatuPintuApp(postgres: false)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, ThrowAtTheEnd>());
        }

        private sealed class ThrowAtTheEnd : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Use((HttpContext context, RequestDelegate following) => context.Request.Path.Value is "/uji/galat" or "/api/uji/galat"
                    ? throw new InvalidOperationException("forced failure of a test")
                    : following(context));
            };
        }
    }

    [Theory]
    [InlineData("/uji/galat", "text/html")]
    [InlineData("/api/uji/galat", "application/problem+json")]
    public async Task A_500_carries_the_security_headers(string url, string mediaType)
    {
        using var response = await app.Browser().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
