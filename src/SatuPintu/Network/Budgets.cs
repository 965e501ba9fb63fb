namespace SatuPintu.Network;

/// <summary>Names of budget sources and items, for people (Indonesian) and for the API.</summary>
public static class Budgets
{
    public static string Label(this BudgetSource source) => source switch
    {
        BudgetSource.Apbd => "APBD",
        BudgetSource.ApbdPerubahan => "APBD Perubahan",
        BudgetSource.Dak => "DAK",
        _ => "Lainnya",
    };

    public static string Label(this BudgetItem item) => item switch
    {
        BudgetItem.Installation => "Instalasi",
        BudgetItem.Equipment => "Perangkat",
        BudgetItem.Bandwidth => "Langganan bandwidth",
        _ => "Pemeliharaan",
    };

    /// <summary>"apbd", "apbd-perubahan", "dak", "other".</summary>
    public static string ApiName(BudgetSource source) => source switch
    {
        BudgetSource.ApbdPerubahan => "apbd-perubahan",
        _ => source.ToString().ToLowerInvariant(),
    };

    public static string Label(this LinkMedium medium) => medium switch
    {
        LinkMedium.Fiber => "Serat optik",
        LinkMedium.WirelessPtp => "Nirkabel titik ke titik",
        LinkMedium.WirelessPtmp => "Nirkabel titik ke banyak titik",
        LinkMedium.Vsat => "VSAT",
        _ => "Broadband ISP",
    };

    public static string Label(this SiteKind kind) => kind switch
    {
        SiteKind.Core => "Inti (NOC)",
        SiteKind.Distribution => "Distribusi",
        SiteKind.Office => "Kantor",
        _ => "Kantor camat",
    };
}
