using Microsoft.EntityFrameworkCore;
using SatuPintu.Content;
using SatuPintu.Directory;
using SatuPintu.Hosting;

namespace SatuPintu.Data.Demo;

/// <summary>
/// Seeds the Kepahiang demo instance once, and grows its articles deterministically for benchmarks.
/// Article number i is always generated from seed i, so two machines seeding 10,000 get the same data.
/// </summary>
public sealed class DemoSeeder(SatuPintuDb db, TimeProvider time, IServiceProvider services, ILogger<DemoSeeder> log)
{
    internal const string DemoKey = "demo-instance";
    internal const string ArticlesKey = "generated-articles";
    private const int DemoArticles = 400;

    /// <summary>Demo dates count back from this fixed day, so the seed does not depend on today.</summary>
    internal static readonly DateTime Anchor = new(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc);

    public async Task<bool> SeedDemoOnceAsync(CancellationToken ct = default)
    {
        if (await db.SeedStates.AnyAsync(s => s.Key == DemoKey, ct) || await db.Opds.AnyAsync(ct))
        {
            return false;
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var opds = KepahiangOpds.All.Select((o, i) => NewOpd(o, i, now)).ToList();
        db.Opds.AddRange(opds);
        db.Tags.AddRange(DemoText.Tags.Select(t => new Tag { Slug = t.Slug, Name = t.Name }));
        // First, so every check the registry or an OPD website makes from here on is created paused (DefaultChecksSync).
        db.SeedStates.Add(new SeedState { Key = DemoKey, Value = 1, UpdatedAt = now });
        await db.SaveChangesAsync(ct);

        foreach (var u in KepahiangOpds.Units.Select((u, i) => (u, i)))
        {
            db.OpdUnits.Add(new OpdUnit
            {
                OpdId = opds.Single(o => o.Slug == u.u.Opd).Id,
                Slug = u.u.Slug, Name = u.u.Name, ShortName = u.u.Short, KindLabel = u.u.Kind, SortOrder = u.i,
                Description = $"{u.u.Kind} di lingkungan {opds.Single(o => o.Slug == u.u.Opd).Name}.",
                // Puskesmas serve at their own address and keep clinic hours.
                Address = u.u.Slug.StartsWith("puskesmas-", StringComparison.Ordinal) ? $"{u.u.Name}, {DemoRegency.Name} (alamat demo)" : null,
                Phone = u.u.Slug.StartsWith("puskesmas-", StringComparison.Ordinal) ? $"(0732) 38{u.i:D4}" : null,
                Hours = u.u.Slug.StartsWith("puskesmas-", StringComparison.Ordinal) ? DemoServices.ClinicHours : null,
            });
        }
        db.PublicServices.AddRange(DemoServices.For(opds, now));
        foreach (var (slug, title, markdown, html) in DemoPages)
        {
            db.Pages.Add(new Page
            {
                Slug = slug, Title = title, BodyMarkdown = markdown, BodyHtml = html, Status = PublicationStatus.Published,
                SortOrder = db.Pages.Local.Count, CreatedAt = now, UpdatedAt = now, PublishedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);

        await AddArticlesCoreAsync(DemoArticles, ct);
        await new DemoDocuments(db, services.DataSettings()).AddAsync(opds, now, ct);
        await new DemoNetwork(db).AddAsync(opds, await db.OpdUnits.ToListAsync(ct), ct);
        await services.GetRequiredService<Monitoring.DefaultChecks>().EnsureAsync(ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Seeded the Kepahiang demo instance: {Opds} OPDs, {Articles} articles (demo data, replace before production)", opds.Count, DemoArticles);
        return true;
    }

    /// <summary>The regency's own pages (Markdown and the HTML it renders to, kept simple enough to write by hand).</summary>
    private static readonly (string Slug, string Title, string Markdown, string Html)[] DemoPages =
    [
        ("tentang", "Tentang Portal Satu Pintu",
            "Portal resmi satu pintu Pemerintah Kabupaten Kepahiang: satu alamat untuk informasi seluruh perangkat daerah.\n\nPortal ini dikelola Dinas Komunikasi dan Informatika; setiap perangkat daerah mengisi beritanya sendiri.",
            "<p>Portal resmi satu pintu Pemerintah Kabupaten Kepahiang: satu alamat untuk informasi seluruh perangkat daerah.</p>\n<p>Portal ini dikelola Dinas Komunikasi dan Informatika; setiap perangkat daerah mengisi beritanya sendiri.</p>\n"),
        ("kebijakan-privasi", "Kebijakan Privasi",
            "Portal ini tidak memakai kuki untuk pengunjung dan tidak memuat pelacak pihak ketiga. Catatan akses server disimpan paling lama 30 hari untuk keamanan.",
            "<p>Portal ini tidak memakai kuki untuk pengunjung dan tidak memuat pelacak pihak ketiga. Catatan akses server disimpan paling lama 30 hari untuk keamanan.</p>\n"),
    ];

    /// <summary>Adds <paramref name="count"/> more generated articles, continuing the deterministic sequence.</summary>
    public async Task<int> AddArticlesAsync(int count, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var added = await AddArticlesCoreAsync(count, ct, progress);
        await tx.CommitAsync(ct);
        return added;
    }

    private async Task<int> AddArticlesCoreAsync(int count, CancellationToken ct, IProgress<int>? progress = null)
    {
        var opds = await db.Opds.AsNoTracking().OrderBy(o => o.Id).ToListAsync(ct);
        if (opds.Count == 0)
        {
            throw new InvalidOperationException("Tidak ada OPD: jalankan aplikasi sekali (atau `seed`) untuk membuat data demo lebih dulu.");
        }
        var tags = await db.Tags.OrderBy(t => t.Id).ToListAsync(ct);
        var state = await db.SeedStates.SingleOrDefaultAsync(s => s.Key == ArticlesKey, ct);
        if (state is null)
        {
            state = new SeedState { Key = ArticlesKey };
            db.SeedStates.Add(state);
        }
        var first = (int)state.Value;
        var generator = new DemoArticles(opds, tags, Anchor);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        const int batch = 1000;
        for (var start = 0; start < count; start += batch)
        {
            var n = Math.Min(batch, count - start);
            db.Articles.AddRange(Enumerable.Range(first + start, n).Select(generator.Create));
            state.Value = first + start + n;
            state.UpdatedAt = time.GetUtcNow().UtcDateTime;
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            db.Attach(state);
            foreach (var tag in tags)
            {
                db.Attach(tag);
            }
            progress?.Report(start + n);
        }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return count;
    }

    private static Opd NewOpd(KepahiangOpds.OpdSeed o, int index, DateTime now)
    {
        var (lat, lon) = KepahiangOpds.ApproximateLocation(index);
        var shortName = o.ShortName ?? o.Name;
        var isKecamatan = o.Kind == OpdKind.Kecamatan;
        return new Opd
        {
            Slug = o.Slug, Name = o.Name, ShortName = o.ShortName, Kind = o.Kind, SortOrder = index,
            HeadName = o.Head ?? "(nama pejabat, data demo)",
            HeadTitle = o.HeadTitle ?? (o.Kind == OpdKind.Badan || o.Kind == OpdKind.Dinas ? "Kepala " + o.Kind : "Kepala"),
            Address = isKecamatan
                ? $"Kantor Camat {o.Name["Kecamatan ".Length..]}, Kabupaten Kepahiang, Bengkulu"
                : "Kompleks Perkantoran Pemerintah Kabupaten Kepahiang, Bengkulu 39372",
            Phone = $"(0732) 39{index:D4}",
            Email = $"{o.Slug.Replace("kec-", "kecamatan.", StringComparison.Ordinal)}@kepahiangkab.go.id",
            Website = KepahiangOpds.Website(o),
            Hours = DemoServices.HoursOf(o.Slug),
            Latitude = lat, Longitude = lon, CoordinatesApproximate = true,
            Summary = isKecamatan
                ? $"{o.Name} melayani administrasi pemerintahan, pelayanan umum dan pemberdayaan masyarakat di wilayahnya."
                : $"{o.Name} ({shortName}) adalah perangkat daerah Pemerintah Kabupaten Kepahiang.",
            Vision = "Terwujudnya Kabupaten Kepahiang yang maju, sejahtera dan berdaya saing melalui pelayanan publik yang prima.",
            Mission = "1. Meningkatkan kualitas pelayanan publik.\n2. Mewujudkan tata kelola pemerintahan yang bersih dan akuntabel.\n3. Memanfaatkan teknologi informasi untuk pelayanan yang cepat dan terbuka.",
            Duties = $"{o.Name} mempunyai tugas membantu Bupati melaksanakan urusan pemerintahan yang menjadi kewenangan daerah di bidangnya, meliputi perumusan kebijakan teknis, pelaksanaan kebijakan, evaluasi dan pelaporan, serta pelaksanaan administrasi.",
            Structure = isKecamatan
                ? "Camat\nSekretaris Kecamatan\nSeksi Pemerintahan\nSeksi Pelayanan Umum\nSeksi Pemberdayaan Masyarakat"
                : $"{(o.HeadTitle ?? "Kepala")}\nSekretaris\nBidang Perencanaan\nBidang Pelayanan\nBidang Evaluasi dan Pelaporan\nKelompok Jabatan Fungsional",
            UpdatedAt = now,
        };
    }
}
