namespace SatuPintu.Data.Migrations;

/// <summary>
/// Files the rows written before the category lists under them, in the migration that adds the lists (SQL both providers
/// read alike): announcements under "umum", documents by their free-text category where it names a listed one, else "lainnya".
/// Frozen here, not read from <see cref="Content.DocumentCategories"/>: a migration must do tomorrow what it did today.
/// </summary>
internal static class CategoryDefaults
{
    public const string Sql = """
        UPDATE "Articles" SET "Category" = 'umum' WHERE "Kind" = 'Pengumuman' AND "Category" IS NULL;
        UPDATE "Documents" SET "Category" = CASE lower(trim("Category"))
            WHEN 'peraturan' THEN 'peraturan'
            WHEN 'keputusan' THEN 'keputusan' WHEN 'surat edaran' THEN 'keputusan' WHEN 'keputusan dan surat edaran' THEN 'keputusan'
            WHEN 'rencana' THEN 'perencanaan' WHEN 'perencanaan' THEN 'perencanaan' WHEN 'renstra' THEN 'perencanaan' WHEN 'renja' THEN 'perencanaan'
            WHEN 'anggaran' THEN 'anggaran'
            WHEN 'laporan' THEN 'laporan'
            WHEN 'standar' THEN 'standar-pelayanan' WHEN 'standar pelayanan' THEN 'standar-pelayanan' WHEN 'sop' THEN 'standar-pelayanan'
            WHEN 'formulir' THEN 'formulir'
            WHEN 'informasi publik' THEN 'informasi-publik' WHEN 'ppid' THEN 'informasi-publik'
            ELSE 'lainnya' END;
        """;
}
