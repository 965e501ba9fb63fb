using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SatuPintu.Accounts.Admin;
using SatuPintu.Data;

namespace SatuPintu.Accounts;

/// <summary>
/// Growing waits after failed sign-ins, per typed e-mail and per client address, instead of a hard
/// lock anyone could trigger: after N failures each further attempt must wait a delay that doubles
/// up to a cap. Nothing else is locked (API tokens keep working), and an unknown e-mail is treated
/// exactly like a real one, so the wait reveals nothing about which accounts exist.
/// </summary>
public sealed class SignInThrottle(SatuPintuDb db, IOptions<AccountOptions> options, TimeProvider time)
{
    /// <summary>A key with no failure for this long starts from zero again.</summary>
    private static readonly TimeSpan Forget = TimeSpan.FromDays(1);

    private AccountOptions Settings => options.Value;

    public static string AccountKey(string email) => "akun:" + email.Trim().ToUpperInvariant();

    public static string AddressKey(string? address) => "alamat:" + (address ?? "tidak-diketahui");

    /// <summary>How long the caller must still wait before an attempt for this e-mail (or from this address) is checked; null: go ahead.</summary>
    public async Task<TimeSpan?> WaitAsync(string email, string? address, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        string[] keys = [AccountKey(email), AddressKey(address)];
        var until = await db.LoginThrottles.AsNoTracking().Where(t => keys.Contains(t.Key) && t.BlockedUntil > now)
            .Select(t => t.BlockedUntil).ToListAsync(ct);
        return until.Count == 0 ? null : until.Max()!.Value - now;
    }

    /// <summary>Counts a failure for the e-mail and the address; returns the wait that now applies, if any.</summary>
    public async Task<TimeSpan?> FailedAsync(string email, string? address, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var account = await CountAsync(AccountKey(email), Settings.FailuresPerAccount, now, ct);
        var host = await CountAsync(AddressKey(address), Settings.FailuresPerAddress, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two first failures of one key at once: the other request stored it; this one's count is lost, nothing else.
            db.ChangeTracker.Clear();
        }
        // Sprayed e-mails leave one row each: drop the ones long forgotten (indexed, a handful at a time).
        var stale = now - Forget;
        await db.LoginThrottles.Where(t => t.LastFailureAt < stale && (t.BlockedUntil == null || t.BlockedUntil < now)).ExecuteDeleteAsync(ct);
        var wait = new[] { account, host }.Max();
        return wait > TimeSpan.Zero ? wait : null;
    }

    /// <summary>A correct password clears the e-mail's count (not the address's: an attacker's own account must not reset it).</summary>
    public Task SucceededAsync(string email, CancellationToken ct = default)
    {
        var key = AccountKey(email);
        return db.LoginThrottles.Where(t => t.Key == key).ExecuteDeleteAsync(ct);
    }

    /// <summary>The wait after <paramref name="failures"/> failures with a threshold of <paramref name="threshold"/>.</summary>
    public static TimeSpan Delay(int failures, int threshold, AccountOptions settings)
    {
        if (failures < threshold)
        {
            return TimeSpan.Zero;
        }
        var doublings = Math.Min(failures - threshold, 20);
        var seconds = Math.Min((long)settings.FirstDelaySeconds << doublings, settings.MaxDelaySeconds);
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>"coba lagi dalam 2 menit": whole minutes, rounded up, at least one.</summary>
    public static string Message(TimeSpan wait) =>
        $"Terlalu banyak percobaan yang gagal. Demi keamanan, coba lagi dalam {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} menit.";

    private async Task<TimeSpan> CountAsync(string key, int threshold, DateTime now, CancellationToken ct)
    {
        var row = await db.LoginThrottles.FirstOrDefaultAsync(t => t.Key == key, ct);
        if (row is null)
        {
            row = new LoginThrottle { Key = key };
            db.LoginThrottles.Add(row);
        }
        else if (now - row.LastFailureAt > Forget)
        {
            row.Failures = 0;
        }
        row.Failures++;
        row.LastFailureAt = now;
        var delay = Delay(row.Failures, threshold, Settings);
        row.BlockedUntil = delay > TimeSpan.Zero ? now + delay : null;
        return delay;
    }
}
