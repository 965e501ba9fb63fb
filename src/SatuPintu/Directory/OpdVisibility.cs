namespace SatuPintu.Directory;

/// <summary>
/// Which OPDs the public sees: not archived and not hidden. Every public reader of OPDs filters here
/// (the public catalog, the OPD list, the API, the sitemap, search), so the rule exists once.
/// </summary>
public static class OpdVisibility
{
    public static IQueryable<Opd> Public(this IQueryable<Opd> opds) => opds.Where(o => o.ArchivedAt == null && !o.Hidden);

    public static bool IsPublic(this Opd opd) => opd.ArchivedAt is null && !opd.Hidden;

    /// <summary>What the profile still lacks before it may be shown, in words for the admin; empty when it has the minimum.</summary>
    public static IReadOnlyList<string> MissingForPublic(Opd opd)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(opd.Name))
        {
            missing.Add("nama");
        }
        if (!Enum.IsDefined(opd.Kind))
        {
            missing.Add("jenis");
        }
        if (string.IsNullOrWhiteSpace(opd.Address) && string.IsNullOrWhiteSpace(opd.Phone) && string.IsNullOrWhiteSpace(opd.Email))
        {
            missing.Add("alamat atau kontak (telepon atau surel)");
        }
        return missing;
    }
}
