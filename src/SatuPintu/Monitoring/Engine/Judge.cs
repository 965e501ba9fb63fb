using SatuPintu.Monitoring.Probes;
using SatuPintu.Monitoring.Samples;

namespace SatuPintu.Monitoring.Engine;

/// <summary>What judging one result decided.</summary>
/// <param name="Alert">The state to alert about, or null for no alert.</param>
public sealed record Verdict(SampleStatus Sample, CheckState From, CheckState To, CheckState? Alert)
{
    public bool Changed => From != To;
}

/// <summary>The facts around one result that the check alone does not know.</summary>
/// <param name="ParentFailing">The parent's last result failed but it is not DOWN (yet): a child's DOWN waits for the parent's verdict.</param>
public sealed record JudgeContext(DateTime Now, bool InMaintenance, bool MonitorCutOff, CheckState? ParentState, int FlapTransitions, TimeSpan FlapWindow,
    bool ParentFailing = false)
{
    public bool ParentDown => ParentState is CheckState.Down or CheckState.Unreachable;
}

/// <summary>
/// The state machine of one check: K failures in a row to DOWN, M successes to UP again; DOWN
/// becomes UNREACHABLE when the parent is DOWN or UNREACHABLE (no alert: the parent's is the one);
/// maintenance silences; a cut-off monitor records unknown and judges nothing; a check changing state
/// too often within the flap window holds its alerts back until it settles.
/// </summary>
public static class Judge
{
    public const string CutOffError = "pemantau sendiri terputus (semua kanari gagal): hasil dicatat tidak diketahui";

    public static Verdict Apply(Check check, CheckStatus s, ProbeResult r, JudgeContext ctx)
    {
        var from = s.State;
        if (ctx.MonitorCutOff)
        {
            s.LastError = CutOffError;
            return new Verdict(SampleStatus.Unknown, from, from, null);
        }
        s.LastCheckedAt = ctx.Now;
        s.LastRttMs = r.RttMs;
        s.LastLossPercent = r.LossPercent;
        s.LastError = r.Error;
        s.CertificateExpiresAt = r.CertificateExpiresAt ?? s.CertificateExpiresAt;
        if (ctx.InMaintenance)
        {
            s.ConsecutiveFailures = 0;
            s.ConsecutiveSuccesses = 0;
            Move(s, CheckState.Maintenance, ctx);
            return new Verdict(SampleStatus.Maintenance, from, s.State, null);
        }
        CheckState to;
        if (r.Ok)
        {
            s.ConsecutiveSuccesses++;
            s.ConsecutiveFailures = 0;
            to = from is CheckState.Down or CheckState.Unreachable && s.ConsecutiveSuccesses < check.SuccessesToUp ? from : CheckState.Up;
        }
        else
        {
            s.ConsecutiveFailures++;
            s.ConsecutiveSuccesses = 0;
            to = from switch
            {
                CheckState.Down => CheckState.Down,
                CheckState.Unreachable => ctx.ParentDown ? CheckState.Unreachable : CheckState.Down,
                // Results of one round reach the writer in any order: a child that reaches K before its
                // failing parent does stays as it is for now, and is UNREACHABLE once the parent is DOWN.
                _ when s.ConsecutiveFailures >= check.FailuresToDown => ctx.ParentDown ? CheckState.Unreachable : ctx.ParentFailing ? from : CheckState.Down,
                CheckState.Maintenance => CheckState.Unknown,
                _ => from,
            };
        }
        var wasFlapping = s.Flapping;
        Move(s, to, ctx);
        CheckState? alert = null;
        if (!s.Flapping && (from != to || wasFlapping))
        {
            if (to == CheckState.Down && s.LastAlerted != CheckState.Down)
            {
                alert = CheckState.Down;
            }
            else if (to == CheckState.Up && s.LastAlerted == CheckState.Down)
            {
                alert = CheckState.Up;
            }
        }
        if (alert is { } a)
        {
            s.LastAlerted = a;
        }
        return new Verdict(r.Ok ? SampleStatus.Up : SampleStatus.Down, from, to, alert);
    }

    private static void Move(CheckStatus s, CheckState to, JudgeContext ctx)
    {
        if (s.FlapWindowStart is not { } start || ctx.Now - start > ctx.FlapWindow)
        {
            s.FlapWindowStart = ctx.Now;
            s.TransitionsInWindow = 0;
            s.Flapping = false;
        }
        if (s.State == to)
        {
            return;
        }
        s.State = to;
        s.Since = ctx.Now;
        s.TransitionsInWindow++;
        s.Flapping |= s.TransitionsInWindow >= ctx.FlapTransitions;
    }
}
