using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace SatuPintu.Content.Uploads;

/// <summary>Marks an endpoint or page that receives uploads: <see cref="UploadLimits"/> bounds its request by <c>Uploads:MaxBytes</c>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class UploadLimitsAttribute : Attribute;

/// <summary>
/// The size limit of uploads, enforced while the request streams in rather than after it was read: a request
/// announcing more than <see cref="UploadOptions.MaxRequestBytes"/> is refused before its body is touched
/// (413, problem details for the API, the Indonesian error page for people); one that does not announce its
/// length is cut off by the server's body limit at the same size; the form reader refuses a file part longer
/// than that. A file between MaxBytes and the request limit is read (to the form's disk buffer) and refused by
/// <see cref="UploadInspector"/> with the form still on screen.
/// </summary>
public static class UploadLimits
{
    public static IApplicationBuilder UseUploadLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<UploadLimitsAttribute>() is null || !HttpMethods.IsPost(context.Request.Method))
        {
            await next(context);
            return;
        }
        var o = context.RequestServices.GetRequiredService<IOptions<UploadOptions>>().Value;
        var limit = o.MaxRequestBytes;
        // Set first, so that the server does not drain more than this of a refused body either.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }
        if (context.Request.ContentLength > limit)
        {
            await RefuseAsync(context, o);
            return;
        }
        if (context.Request.HasFormContentType)
        {
            context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions
            {
                MultipartBodyLengthLimit = limit,
                BufferBodyLengthLimit = limit,
            }));
        }
        await next(context);
    });

    public static string TooLarge(long bytes, UploadOptions o) =>
        $"Berkas terlalu besar ({Shared.Formats.FileSize(bytes)}); paling besar {Shared.Formats.FileSize(o.MaxBytes)}.";

    private static async Task RefuseAsync(HttpContext context, UploadOptions o)
    {
        var message = TooLarge(context.Request.ContentLength ?? 0, o) + " Tidak ada yang disimpan.";
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails { Status = 413, Title = "Berkas terlalu besar", Detail = message },
            });
            return;
        }
        // The status code pages re-execute into /galat/413, which shows this message.
        Shared.ErrorMessage.Set(context, message);
    }
}
