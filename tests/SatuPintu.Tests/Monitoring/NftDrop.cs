using System.Diagnostics;
using System.Net;

namespace SatuPintu.Tests.Monitoring;

/// <summary>
/// Drops every packet to one 127.x address with nftables, in a table named for this rule alone and
/// deleted on Dispose, so the target looks down while it keeps running. Null when nft cannot be used
/// here (not installed, not root): the caller then says so and skips.
/// </summary>
public sealed class NftDrop : IDisposable
{
    private readonly string _table = "satupintu_test_" + Guid.NewGuid().ToString("N")[..12];

    private NftDrop() { }

    public static NftDrop? Try(IPAddress address, out string why)
    {
        Assert.True(IPAddress.IsLoopback(address), "nft rules only for loopback addresses");
        if (!File.Exists("/usr/sbin/nft"))
        {
            why = "nft is not installed (test.sh installs nftables)";
            return null;
        }
        var drop = new NftDrop();
        var (ok, error) = Run($"add table ip {drop._table}");
        if (!ok)
        {
            why = "nft refused: " + error;
            return null;
        }
        Run($"add chain ip {drop._table} out {{ type filter hook output priority 0 ; policy accept ; }}");
        var (added, addError) = Run($"add rule ip {drop._table} out ip daddr {address} drop");
        if (!added)
        {
            drop.Dispose();
            why = "nft refused the rule: " + addError;
            return null;
        }
        why = "";
        return drop;
    }

    private static (bool Ok, string Error) Run(string arguments)
    {
        using var nft = Process.Start(new ProcessStartInfo("/usr/sbin/nft", arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var error = nft.StandardError.ReadToEnd();
        nft.WaitForExit();
        return (nft.ExitCode == 0, error.Trim());
    }

    public void Dispose() => Run($"delete table ip {_table}");
}
