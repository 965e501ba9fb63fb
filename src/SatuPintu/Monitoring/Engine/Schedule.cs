namespace SatuPintu.Monitoring.Engine;

/// <summary>Absolute rounds: a check's rounds are at phase + k·interval, whatever happened before.</summary>
public static class Schedule
{
    /// <summary>A random offset within the interval, so checks made together do not run together.</summary>
    public static long NewPhase(int intervalSeconds) => Random.Shared.NextInt64(intervalSeconds * 1000L);

    /// <summary>The first round strictly after <paramref name="nowMs"/>.</summary>
    public static long NextAfter(long phaseMs, int intervalSeconds, long nowMs)
    {
        var interval = intervalSeconds * 1000L;
        var k = Math.Max(0, Math.DivRem(nowMs - phaseMs, interval, out _) + 1);
        var next = phaseMs + k * interval;
        return next <= nowMs ? next + interval : next;
    }
}
