using Microsoft.EntityFrameworkCore;
using SatuPintu.Changes;

namespace SatuPintu.Network;

/// <summary>
/// What /jaringan draws from: the figures, the map (already written as SVG) and the site table.
/// <see cref="Stamp"/> names this build, so the page's rendered summary is cached per snapshot.
/// </summary>
public sealed record NetworkView(NetworkSnapshot Snapshot, NetworkMap Map, string MapSvg, SiteTable Sites)
{
    private static long _builds;

    public string Stamp { get; } = Interlocked.Increment(ref _builds).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// /jaringan's figures and map, computed once and kept until the change feed brings a network or
/// directory change (on every node), or until <see cref="MaxAge"/> passes so "per &lt;tanggal&gt;"
/// moves on with the day. Without it every uncached request loaded the whole registry and drew the
/// map again: ten times the home page's cost on the demo alone.
/// </summary>
public sealed class NetworkSnapshotCache(IServiceScopeFactory scopes, TimeProvider time) : IChangeConsumer
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private sealed record Entry(NetworkView View, long BuiltAt);

    private Entry? _current;
    private long _version;

    public int Order => 50;

    public Task ApplyAsync(IReadOnlyList<PublicChange> changes, CancellationToken ct)
    {
        if (changes.Any(c => c.Kind is NetworkFeature.Kind or "opd" or "opd-unit"))
        {
            Interlocked.Increment(ref _version);
            Volatile.Write(ref _current, null);
        }
        return Task.CompletedTask;
    }

    public async Task<NetworkView> GetAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _current) is { } cached && time.GetElapsedTime(cached.BuiltAt) < MaxAge)
        {
            return cached.View;
        }
        var version = Interlocked.Read(ref _version);
        await using var scope = scopes.CreateAsyncScope();
        var snapshot = await scope.ServiceProvider.GetRequiredService<NetworkProgress>().SnapshotAsync(ct);
        var slugs = await scope.ServiceProvider.GetRequiredService<Data.SatuPintuDb>().Opds.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Slug, ct);
        var map = new NetworkMap(snapshot.Sites);
        var entry = new Entry(new NetworkView(snapshot, map, NetworkMapSvg.Render(map), new SiteTable(snapshot.Sites, slugs, snapshot.Opds)), time.GetTimestamp());
        // A change that arrived while this was built wins: keep nothing rather than the older figures.
        if (Interlocked.Read(ref _version) == version)
        {
            Interlocked.CompareExchange(ref _current, entry, Volatile.Read(ref _current));
        }
        return entry.View;
    }
}
