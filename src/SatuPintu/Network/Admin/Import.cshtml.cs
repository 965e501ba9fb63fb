using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SatuPintu.Network.Export;
using SatuPintu.Network.Import;

namespace SatuPintu.Network.Admin;

/// <summary>
/// /admin/jaringan/impor: upload a CSV or XLSX, see every row's problems, then "Impor" writes it all
/// in one transaction. Templates and exports are downloaded here. Pimpinan see and download; only
/// admins import.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = ImportLimits.MaxBytes + (1024 * 1024))]
[RequestSizeLimit(ImportLimits.MaxBytes + (1024 * 1024))]
public sealed class ImportModel(NetworkImporter importer, ImportUploads uploads, RegistryExport export, RouterOsExport routerOs) : PageModel
{
    public ImportResult? Result { get; private set; }
    public string? UploadId { get; private set; }
    public string? FileName { get; private set; }
    public string? Problem { get; private set; }
    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? upload, CancellationToken ct)
    {
        if (!User.MayChangeNetwork())
        {
            return Forbid();
        }
        if (upload is null || upload.Length == 0)
        {
            return Refuse("Pilih berkas CSV atau XLSX untuk diunggah.");
        }
        await using var stream = upload.OpenReadStream();
        using var data = await ImportLimits.ReadBoundedAsync(stream, ct);
        if (data is null)
        {
            return Refuse(ImportLimits.TooLarge);
        }
        FileName = Path.GetFileName(upload.FileName);
        Result = await importer.RunAsync(ImportReaders.Read(data), NetworkEditing.Actor(User), commit: false, ct);
        if (Result.Ok)
        {
            UploadId = await uploads.SaveAsync(data, ct);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(string? uploadId, string? fileName, CancellationToken ct)
    {
        if (!User.MayChangeNetwork())
        {
            return Forbid();
        }
        using var data = await uploads.LoadAsync(uploadId, ct);
        if (data is null)
        {
            return Refuse("Berkas pratinjau tidak ditemukan lagi (sudah diimpor atau kedaluwarsa); unggah ulang.");
        }
        FileName = fileName;
        Result = await importer.RunAsync(ImportReaders.Read(data), NetworkEditing.Actor(User), commit: true, ct, fileName);
        if (Result.Ok && !Result.HasChanges)
        {
            uploads.Delete(uploadId);
            Message = "Tidak ada perubahan: setiap baris sama dengan registri, tidak ada yang ditulis.";
            Result = null;
            return Page();
        }
        if (!Result.Committed)
        {
            // The registry changed since the preview: show what is wrong now, keep the file for another try.
            UploadId = uploadId;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        uploads.Delete(uploadId);
        Message = "Diimpor: " + string.Join(", ", Result.Counts.Select(c => $"{c.Value} baris {c.Key}")) + $" ({Result.ChangeSummary}).";
        Result = null;
        return Page();
    }

    /// <summary>The empty template: one CSV per kind, or the workbook with one sheet per kind.</summary>
    public IActionResult OnGetTemplate(string? kind)
    {
        var sheets = RegistryExport.Template();
        if (kind == "xlsx")
        {
            return File(Spreadsheet.Xlsx(sheets), Spreadsheet.XlsxType, "templat-jaringan.xlsx");
        }
        return sheets.FirstOrDefault(s => s.Name == kind) is { } sheet
            ? File(Spreadsheet.Csv(sheet.Rows), Spreadsheet.CsvType, $"templat-{sheet.Name}.csv")
            : NotFound();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, string? kind, CancellationToken ct)
    {
        if (format == "routeros")
        {
            return File(System.Text.Encoding.UTF8.GetBytes(await routerOs.ScriptAsync(ct)), "text/plain; charset=utf-8", "satupintu-queue.rsc");
        }
        var sheets = await export.SheetsAsync(ct);
        if (format == "xlsx")
        {
            return File(Spreadsheet.Xlsx(sheets), Spreadsheet.XlsxType, "registri-jaringan.xlsx");
        }
        return format == "csv" && sheets.FirstOrDefault(s => s.Name == kind) is { } sheet
            ? File(Spreadsheet.Csv(sheet.Rows), Spreadsheet.CsvType, $"registri-{sheet.Name}.csv")
            : NotFound();
    }

    private PageResult Refuse(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
