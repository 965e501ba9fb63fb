namespace SatuPintu.Directory;

/// <summary>Kinds of OPD; the order is the order the directory lists them in.</summary>
public enum OpdKind
{
    Sekretariat = 0,
    Inspektorat = 1,
    Dinas = 2,
    Badan = 3,
    Satuan = 4,
    Rsud = 5,
    Kecamatan = 6,
}

public static class OpdKindNames
{
    public static string Plural(this OpdKind kind) => kind switch
    {
        OpdKind.Sekretariat => "Sekretariat",
        OpdKind.Inspektorat => "Inspektorat",
        OpdKind.Dinas => "Dinas",
        OpdKind.Badan => "Badan",
        OpdKind.Satuan => "Satuan",
        OpdKind.Rsud => "Rumah Sakit Umum Daerah",
        OpdKind.Kecamatan => "Kecamatan",
        _ => kind.ToString(),
    };
}
