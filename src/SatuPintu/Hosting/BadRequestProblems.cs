using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace SatuPintu.Hosting;

/// <summary>
/// The API's answer to a request it cannot even read (malformed JSON, wrong content type, a body over the
/// size limit): problem details with an Indonesian explanation. Minimal APIs otherwise answer such requests
/// with a bare status and an empty body, or, where they throw, the generic 500 page.
/// </summary>
internal static class BadRequestProblems
{
    public static IApplicationBuilder UseBadRequestProblems(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        int? status = null;
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted && e.StatusCode is 400 or 413 or 415)
        {
            status = e.StatusCode;
        }
        // A bare status with nothing written is the framework refusing to bind; handlers' own problems have a body.
        var bare = !context.Response.HasStarted && context.Response.ContentType is null && context.Response.ContentLength is null
            && context.Response.StatusCode is 400 or 413 or 415;
        if (status is not null || bare)
        {
            await WriteAsync(context, status ?? context.Response.StatusCode);
        }
    });

    private static async Task WriteAsync(HttpContext context, int status)
    {
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        var (title, detail) = status switch
        {
            413 => ("Permintaan terlalu besar", limit is { } l
                ? $"Isi permintaan melebihi batas {Shared.Formats.FileSize(l)}; tidak ada yang disimpan."
                : "Isi permintaan melebihi batas; tidak ada yang disimpan."),
            415 => ("Jenis isi tidak didukung", "Kirim isi permintaan sebagai application/json (atau multipart/form-data untuk unggahan)."),
            _ => ("Permintaan tidak dapat dibaca", "Isi permintaan tidak dapat dibaca: JSON yang tidak sah, formulir unggahan yang rusak, atau bentuk yang tidak sesuai (lihat /api/v1/openapi.json). Tidak ada yang disimpan."),
        };
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
