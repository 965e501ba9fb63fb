using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SatuPintu.Shared;

namespace SatuPintu.Hosting;

/// <summary>/galat/{code}: the Indonesian error page every 4xx/5xx is re-executed into.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorPageModel(ILogger<ErrorPageModel> log) : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    // A failed POST (or PUT, DELETE on the API) re-executes with its own method; answer it the same way.
    public Task<IActionResult> OnPostAsync() => ShowAsync();

    public Task<IActionResult> OnPutAsync() => ShowAsync();

    public Task<IActionResult> OnDeleteAsync() => ShowAsync();

    private async Task<IActionResult> ShowAsync()
    {
        // Read the code from the route, not through model binding: a request whose form could not be
        // read (e.g. a NUL byte) must still get its own error page, not a 404.
        var code = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode
            ?? (int.TryParse(RouteData.Values["code"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : 404);
        Code = code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = Code;
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>() is { } failure)
        {
            log.LogError(failure.Error, "Unhandled error on {Path}", failure.Path);
        }
        (Heading, var fallback) = Code switch
        {
            400 => ("Permintaan tidak valid", "Alamat atau isian yang dikirim tidak dapat diproses."),
            403 => ("Akses ditolak", "Anda tidak memiliki izin untuk membuka halaman ini."),
            404 => ("Halaman tidak ditemukan", "Halaman yang Anda cari tidak ada, sudah dipindahkan, atau alamatnya salah ketik."),
            405 => ("Metode tidak diizinkan", "Halaman ini tidak menerima permintaan seperti itu."),
            413 => ("Berkas terlalu besar", "Berkas yang dikirim melebihi batas unggahan; tidak ada yang disimpan."),
            429 => ("Terlalu banyak permintaan", "Mohon tunggu sebentar lalu coba lagi."),
            >= 500 => ("Terjadi gangguan", "Maaf, terjadi gangguan di server kami. Tim kami sudah tercatat menerima laporannya; silakan coba lagi beberapa saat lagi."),
            _ => ("Permintaan tidak dapat diproses", "Silakan kembali ke beranda."),
        };
        Message = ErrorMessage.Get(HttpContext) ?? fallback;
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path.StartsWith("/api/", StringComparison.Ordinal) == true)
        {
            // An exception in the API: scripts get problem details, never an HTML page.
            await Results.Problem(statusCode: Code, title: Heading).ExecuteAsync(HttpContext);
            return new EmptyResult();
        }
        return Page();
    }
}
