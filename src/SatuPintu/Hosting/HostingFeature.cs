using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using SatuPintu.Shared;

namespace SatuPintu.Hosting;

/// <summary>Cross-cutting plumbing: options, compression, output cache, errors, health.</summary>
public static class HostingFeature
{
    public const string PublicPolicy = "public";

    public static void AddHosting(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<SatuPintuOptions, SatuPintuOptionsValidator>(SatuPintuOptions.Section);
        builder.AddValidatedOptions<SiteOptions, SiteOptionsValidator>(SiteOptions.Section);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<SiteOptions>>().Value);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<SatuPintuOptions>>().Value);
        builder.Services.AddSingleton(TimeProvider.System);
        // Indonesian text is mostly ASCII, but names and dashes should not come out as &#x2014;.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddSingleton<RegionalClock>();
        builder.AddProxySupport();

        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/atom+xml", "application/rss+xml", "application/feed+json"]);
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);

        var cache = builder.Configuration.GetSection(SatuPintuOptions.Section).Get<SatuPintuOptions>()?.OutputCache ?? new();
        builder.Services.AddOutputCache(o =>
        {
            o.AddPolicy(PublicPolicy, p =>
            {
                if (!cache.Enabled)
                {
                    p.NoCache();
                    return;
                }
                // Tagged by what each page shows; the change feed evicts by those tags (OutputCacheEviction).
                p.Expire(TimeSpan.FromSeconds(cache.Seconds)).AddPolicy<PublicPageTags>().SetVaryByQuery("*");
            });
        });

        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1", o => o.ShouldInclude = d => d.GroupName == "v1");
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddRazorPages().WithRazorPagesRoot("/");
        // `dotnet run` serves wwwroot's build-time compressed copies from obj/; outside Development that
        // mapping is off by default and the .gz variants would answer empty. No effect on published output.
        builder.WebHost.UseStaticWebAssets();
    }

    public static void UseHosting(this WebApplication app)
    {
        app.UseProxySupport();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/galat/500");
            // After the exception handler, so its re-executed error page passes through here again and keeps HSTS.
            app.UseHsts();
        }
        // The original query string is dropped: it belongs to the failed page, not to the error page.
        app.UseStatusCodePagesWithReExecute("/galat/{0}", "?kode={0}");
        // The API answers problem details (RFC 9457) itself; the Indonesian error pages are for people.
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api") && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }
            return next(context);
        });
        app.UseBadRequestProblems();
        app.UseResponseCompression();
        app.UseOutputCache();
    }

    public static void MapHosting(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapHealthChecks("/healthz");
        app.MapOpenApi("/api/{documentName}/openapi.json").AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
    }

    internal static SatuPintuOptions Settings(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<SatuPintuOptions>>().Value;
}
