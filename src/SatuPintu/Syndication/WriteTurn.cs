using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;

namespace SatuPintu.Syndication;

/// <summary>
/// SQLite takes one writer at a time: writes of sources fetched in parallel would wait on its lock and
/// fail after the busy timeout, so on SQLite syndication's writes take turns here. A turn holds only
/// database work — fetching, parsing, sanitizing and image checks happen before it — so turns are
/// short and the other sources' fetches go on meanwhile. On PostgreSQL there is no turn.
/// </summary>
public sealed class WriteTurn : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable?> TakeAsync(SatuPintuDb db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }
        await _gate.WaitAsync(ct);
        return new Turn(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
