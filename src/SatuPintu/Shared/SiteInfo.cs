namespace SatuPintu.Shared;

/// <summary>Names shown on every page for this instance.</summary>
public static class SiteInfo
{
    public const string Regency = "Kabupaten Kepahiang";
    public const string Name = "Portal Satu Pintu Kabupaten Kepahiang";
}
