using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Syndication.Outbound;
using SatuPintu.Syndication.Parsing;

namespace SatuPintu.Syndication;

public sealed partial class SourcePolling
{
    /// <summary>One claimed source under its deadline; the state to write back, changed in memory only.</summary>
    private async Task<Polled> PollOneAsync(int id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<SatuPintuDb>();
        var source = await db.SyndicationSources.AsNoTracking().FirstAsync(s => s.Id == id, ct);
        using var actor = Audit.AuditActor.Use("sistem:sindikasi");
        // The deadline covers the network (every page, every image); writes run to their end under ct.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.SourceTimeoutSeconds), time);
        using var fetching = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        var progress = new Progress();
        string outcome;
        var ok = false;
        try
        {
            var counts = await FetchAndImportAsync(sp, source, progress, fetching.Token, ct);
            ok = true;
            outcome = counts is null ? "tidak berubah (304)" : Describe(counts);
            Succeeded(source, more: false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            var limit = $"batas waktu {options.Value.SourceTimeoutSeconds} detik per sumber habis";
            if (source.Kind == SourceKind.WordPress && progress.Pages > 0)
            {
                // What was read is kept; the next round reads on from there.
                ok = true;
                outcome = $"sebagian: {Describe(progress.Total)}; {limit}, arsip dilanjutkan pada putaran berikutnya dari halaman {source.ArchiveNextPage}";
                Succeeded(source, more: true);
            }
            else
            {
                outcome = Failed(source, $"Waktu habis: {limit}.");
            }
        }
        catch (FeedFormatException e)
        {
            outcome = Failed(source, e.Message);
        }
        catch (PollFailure e)
        {
            outcome = Failed(source, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Syndication source {Id} failed", id);
            outcome = Failed(source, "Galat saat mengimpor; rinciannya ada di log server.");
        }
        return new Polled(new Report(source.Id, source.Title, outcome, ok), source);
    }

    /// <summary>WordPress pages fetched ahead of the one being imported.</summary>
    private const int PagesAhead = 3;

    private static string Describe(Importer.Counts c) => $"{c.Created} baru, {c.Updated} diubah, {c.Unchanged} tetap";

    /// <summary>What a WordPress read got done before a deadline stopped it.</summary>
    private sealed class Progress
    {
        public int Pages { get; set; }
        public Importer.Counts Total { get; set; } = new(0, 0, 0);
    }

    /// <summary>Null when the source answered 304 Not Modified.</summary>
    private async Task<Importer.Counts?> FetchAndImportAsync(IServiceProvider sp, Source source, Progress progress, CancellationToken fetching, CancellationToken ct)
    {
        var fetcher = sp.GetRequiredService<SafeFetcher>();
        var importer = sp.GetRequiredService<Importer>();
        var gone = sp.GetRequiredService<ImportGone>();
        source.LastFetchAt = time.GetUtcNow().UtcDateTime;
        // The rule for gone items follows what the admin chose last, on items marked earlier too.
        await ApplyGoneRuleAsync(sp, gone, source, ct);
        if (source.Kind == SourceKind.WordPress)
        {
            var read = await WordPressAsync(sp, fetcher, importer, gone, source, progress, fetching, ct);
            await ApplyGoneRuleAsync(sp, gone, source, ct);
            return read;
        }
        var fetched = await fetcher.GetAsync(new Uri(source.FeedUrl), fetching, source.ETag, source.LastModified,
            "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5");
        if (fetched.NotModified)
        {
            return null;
        }
        if (!fetched.Ok)
        {
            throw new PollFailure(fetched.Error!);
        }
        var feed = FeedParser.Parse(fetched.Body!, fetched.ContentType, fetched.FinalUri);
        var counts = await importer.ImportAsync(source, feed.Entries, fetching, ct);
        source.ETag = fetched.ETag;
        source.LastModified = fetched.LastModified;
        source.ItemsImported += counts.Created;
        return counts;
    }

    /// <summary>Kept items (the default rule) need no write, so no turn either.</summary>
    private async Task ApplyGoneRuleAsync(IServiceProvider sp, ImportGone gone, Source source, CancellationToken ct)
    {
        if (source.GoneItems == GoneItems.Keep)
        {
            return;
        }
        using (await writes.TakeAsync(sp.GetRequiredService<SatuPintuDb>(), ct))
        {
            await gone.ApplyRuleAsync(source, ct);
        }
    }

    /// <summary>
    /// The first time every page of the archive (newest first); afterwards the page of the most recently
    /// modified posts, which carries both new posts and edits; the whole archive again every
    /// <see cref="SyndicationOptions.ArchiveRecheckHours"/>, and items gone after a complete read in one round are
    /// marked. A read the deadline cuts short goes on in the next round from one page before where it stopped
    /// (posts deleted meanwhile shift the pages; an overlap is harmless, the import is idempotent).
    /// </summary>
    private async Task<Importer.Counts> WordPressAsync(IServiceProvider sp, SafeFetcher fetcher, Importer importer, ImportGone gone, Source source, Progress progress, CancellationToken fetching, CancellationToken ct)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var full = !source.ArchiveComplete || source.ArchiveReadAt is not { } readAt
            || readAt.AddHours(options.Value.ArchiveRecheckHours) <= time.GetUtcNow().UtcDateTime;
        var first = full && source.ArchiveNextPage > 1 ? source.ArchiveNextPage - 1 : 1;
        var pages = full ? options.Value.MaxWordPressPages : 1;
        var read = 0;
        source.ArchiveNextPage = full ? first : 0;
        // The next pages are fetched while one is imported (the source's server is the slow part of an archive);
        // pages are imported in order, so where a deadline stops the read is known.
        var ahead = new Queue<(int Page, Task<FetchResult> Fetch)>();
        var next = first;
        var window = 1;
        void Fill()
        {
            for (; ahead.Count < window && next <= pages; next++)
            {
                var url = $"{source.FeedUrl}&page={next}" + (full ? "" : "&orderby=modified&order=desc");
                ahead.Enqueue((next, fetcher.GetAsync(new Uri(url), fetching, accept: "application/json")));
            }
        }
        Fill();
        while (ahead.TryDequeue(out var pending))
        {
            var (page, fetch) = pending;
            var fetched = await fetch;
            if (!fetched.Ok)
            {
                throw new PollFailure(fetched.Error!);
            }
            var feed = Discovery.TryParse(fetched) ?? throw new PollFailure("Jawaban API WordPress bukan daftar tulisan.");
            if (feed.TotalPages is { } n)
            {
                pages = Math.Min(pages, n);
            }
            // Only once the number of pages is known: nothing is asked beyond the archive's end.
            window = full ? PagesAhead : 1;
            Fill();
            var counts = await importer.ImportAsync(source, feed.Entries, fetching, ct);
            source.ItemsImported += counts.Created;
            progress.Total += counts;
            progress.Pages++;
            keys.UnionWith(feed.Entries.Select(Importer.KeyOf));
            read = page;
            source.ArchiveNextPage = full ? page + 1 : 0;
            if (feed.Entries.Count == 0)
            {
                break;
            }
        }
        // Pages asked for beyond an early end are awaited: nothing of this source runs on after its round.
        foreach (var (_, rest) in ahead)
        {
            await rest;
        }
        source.ArchiveNextPage = 0;
        if (full && read >= pages)
        {
            // Only a read of the whole archive in one round knows which items are gone.
            if (first == 1)
            {
                using (await writes.TakeAsync(sp.GetRequiredService<SatuPintuDb>(), ct))
                {
                    await gone.MarkAsync(source, keys, ct);
                }
            }
            source.ArchiveComplete = true;
            source.ArchiveReadAt = time.GetUtcNow().UtcDateTime;
        }
        return progress.Total;
    }
}
