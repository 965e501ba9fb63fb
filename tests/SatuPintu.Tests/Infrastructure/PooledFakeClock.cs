using Microsoft.Extensions.Time.Testing;

namespace SatuPintu.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> whose timers call back on the thread pool, as real timers do.
/// The plain fake calls every timer inline inside <c>Advance</c>, walking the clock from one wake-up
/// to the next; on SQLite, whose "async" calls complete synchronously, a background loop then runs a
/// whole pass (a lease write and its fsync) for every period of the jump and re-arms before the next
/// one: advancing 9 days ran the 15-second scheduled publisher 51,840 times inside one call, which is
/// what made the SQLite rollup test take minutes where PostgreSQL (truly async) took seconds. Here a
/// loop that is still busy when its next tick comes gets that tick coalesced, as with a real clock.
/// </summary>
public sealed class PooledFakeClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        base.CreateTimer(s => ThreadPool.QueueUserWorkItem(static x => x.callback(x.s), (callback, s), preferLocal: false), state, dueTime, period);
}
