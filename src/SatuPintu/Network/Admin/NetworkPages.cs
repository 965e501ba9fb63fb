using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SatuPintu.Shared;

namespace SatuPintu.Network.Admin;

/// <summary>What the network admin pages share: Indonesian binding errors, refusals, and the messages shown after a redirect.</summary>
internal static class NetworkPages
{
    /// <summary>Shown after POST/redirect/GET, chosen by a fixed code so no text travels in the address.</summary>
    private static readonly Dictionary<string, string> Done = new()
    {
        ["lokasi"] = "Lokasi disimpan.",
        ["sambungan"] = "Sambungan disimpan.",
        ["subnet"] = "Subnet ditambahkan.",
        ["subnet-hapus"] = "Subnet dihapus.",
        ["status"] = "Status sambungan diubah dan dicatat di riwayat.",
        ["uplink"] = "Uplink disimpan.",
        ["uplink-hapus"] = "Uplink dihapus.",
        ["tahap"] = "Tahap disimpan.",
        ["anggaran"] = "Baris anggaran disimpan.",
        ["anggaran-hapus"] = "Baris anggaran dihapus.",
    };

    public static string? DoneMessage(string? code) => code is not null && Done.TryGetValue(code, out var m) ? m : null;

    /// <summary>
    /// Text in a number or date field fails model binding with an English message; say it in Indonesian,
    /// keeping what the person typed in the field.
    /// </summary>
    public static bool BindingFailed(this ModelStateDictionary state)
    {
        var failed = false;
        foreach (var entry in state.Values.Where(v => v.Errors.Count > 0).ToList())
        {
            failed = true;
            var typed = entry.AttemptedValue;
            entry.Errors.Clear();
            entry.Errors.Add(string.IsNullOrEmpty(typed) ? "Isian ini wajib diisi." : $"\"{typed}\" bukan angka atau tanggal yang sah.");
        }
        return failed;
    }

    public static IActionResult? Refusal(this PageModel page, NetworkOutcome o) => o.Status switch
    {
        OutcomeStatus.NotFound => page.NotFound(),
        OutcomeStatus.Forbidden => page.Forbid(),
        _ => null,
    };

    public static void AddErrors(this ModelStateDictionary state, NetworkOutcome o, string prefix) =>
        state.AddFieldErrors(o.Errors, prefix);
}
