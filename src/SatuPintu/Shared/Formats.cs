using System.Globalization;

namespace SatuPintu.Shared;

public static class Formats
{
    /// <summary>"12,5 KB": Indonesian uses a decimal comma.</summary>
    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB").Replace('.', ','),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB").Replace('.', ','),
    };

    /// <summary>"10.000": Indonesian groups thousands with a dot.</summary>
    public static string Number(int n) => n.ToString("N0", CultureInfo.InvariantCulture).Replace(',', '.');

    /// <summary>"Rp 1.250.000.000": rupiah are whole, thousands grouped with a dot.</summary>
    public static string Rupiah(long amount) =>
        (amount < 0 ? "-Rp " : "Rp ") + Math.Abs((decimal)amount).ToString("N0", CultureInfo.InvariantCulture).Replace(',', '.');

    /// <summary>"3,5": at most two decimals, with a decimal comma.</summary>
    public static string Fraction(double value) => value.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',');

    public static string TypeLabel(string contentType) => contentType switch
    {
        "application/pdf" => "PDF",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "Excel",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "Word",
        _ => contentType,
    };
}
