using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;

namespace SatuPintu.Tests.Monitoring;

/// <summary>
/// A topology lab in network namespaces: monitor → core → kecamatan link → two OPD sites behind a
/// bridge. Safety comes first: before any lab address exists, the lab's /16 is an unreachable route
/// in the root namespace (checked with <c>ip route get</c>), and the monitor namespace has no default
/// route, only lo and its link into the lab; so no probe of the lab can leave the machine, whichever
/// namespace its socket lives in. Dispose removes the namespaces and the route, also after a failure.
/// </summary>
public sealed class NamespaceLab : IDisposable
{
    private const int CloneNewNet = 0x40000000;
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];
    private readonly List<string> _namespaces = [];
    private string? _unreachable;

    private NamespaceLab() { }

    /// <summary>The second octet of 10.x.0.0/16, the lab's whole range.</summary>
    public int Octet { get; private set; }

    public string Monitor => Ns("mon");
    public IPAddress Core => Address(0, 1);
    public IPAddress Kecamatan => Address(1, 2);
    public IPAddress SiteA => Address(2, 11);
    public IPAddress SiteB => Address(2, 12);
    private IPAddress Address(int third, int fourth) => new([10, (byte)Octet, (byte)third, (byte)fourth]);
    private string Prefix(int third, int bits) => $"10.{Octet}.{third}.0/{bits}";
    private string Ns(string role) => $"sp-{role}-{_suffix}";

    /// <summary>The lab, or null with the reason when namespaces cannot be made here (not root, no ip, a container that forbids it).</summary>
    public static NamespaceLab? TryCreate(out string why)
    {
        if (!File.Exists("/usr/sbin/ip"))
        {
            why = "iproute2 (ip) is not installed";
            return null;
        }
        var lab = new NamespaceLab();
        try
        {
            why = lab.Build();
            if (why.Length == 0)
            {
                return lab;
            }
        }
        catch
        {
            lab.Dispose();
            throw;
        }
        lab.Dispose();
        return null;
    }

    private string Build()
    {
        var routes = Ip("-4 -o route show table all").Output + Ip("-4 -o addr show").Output;
        foreach (var octet in Enumerable.Range(200, 50).OrderBy(_ => Random.Shared.Next()))
        {
            // A range no route or address of this machine touches; another lab running at the same time holds its own.
            if (routes.Contains($" 10.{octet}.", StringComparison.Ordinal) || routes.Contains($"\n10.{octet}.", StringComparison.Ordinal) || routes.StartsWith($"10.{octet}.", StringComparison.Ordinal))
            {
                continue;
            }
            Octet = octet;
            var (ok, _, error) = Ip($"route add unreachable {Prefix(0, 16)}");
            if (ok)
            {
                _unreachable = Prefix(0, 16);
                break;
            }
            if (error.Contains("Operation not permitted", StringComparison.Ordinal))
            {
                return "no permission to add a route here: " + error;
            }
        }
        if (_unreachable is null)
        {
            return "no free 10.x.0.0/16 for the lab";
        }
        foreach (var address in new[] { Core, Kecamatan, SiteA, SiteB })
        {
            var (reachable, output, _) = Ip($"route get {address}");
            Assert.False(reachable && !output.StartsWith("unreachable", StringComparison.Ordinal), $"{address} must be unreachable from the root namespace before the lab exists: {output}");
        }
        foreach (var role in new[] { "mon", "core", "kec", "sa", "sb" })
        {
            var (made, _, error) = Ip($"netns add {Ns(role)}");
            if (!made)
            {
                return "network namespaces are not allowed here: " + error;
            }
            _namespaces.Add(Ns(role));
            Must($"-n {Ns(role)} link set lo up");
        }
        // Every device is made inside its namespace: nothing of the lab ever appears in the root namespace.
        Must($"-n {Monitor} link add m0 type veth peer name c0 netns {Ns("core")}");
        Must($"-n {Ns("core")} link add c1 type veth peer name k0 netns {Ns("kec")}");
        Must($"-n {Ns("kec")} link add br0 type bridge");
        Must($"-n {Ns("kec")} link add pa type veth peer name e0 netns {Ns("sa")}");
        Must($"-n {Ns("kec")} link add pb type veth peer name e0 netns {Ns("sb")}");
        Must($"-n {Ns("kec")} link set pa master br0");
        Must($"-n {Ns("kec")} link set pb master br0");
        foreach (var (ns, dev, address) in new[]
        {
            ("mon", "m0", $"10.{Octet}.0.2/24"), ("core", "c0", $"{Core}/24"), ("core", "c1", $"10.{Octet}.1.1/24"),
            ("kec", "k0", $"{Kecamatan}/24"), ("kec", "br0", $"10.{Octet}.2.1/24"), ("sa", "e0", $"{SiteA}/24"), ("sb", "e0", $"{SiteB}/24"),
        })
        {
            Must($"-n {Ns(ns)} addr add {address} dev {dev}");
            Must($"-n {Ns(ns)} link set {dev} up");
        }
        Must($"-n {Ns("kec")} link set pa up");
        Must($"-n {Ns("kec")} link set pb up");
        // Routes for the lab range only; no namespace of the lab has a default route.
        Must($"-n {Monitor} route add {Prefix(0, 16)} via {Core}");
        Must($"-n {Ns("core")} route add {Prefix(2, 24)} via {Kecamatan}");
        Must($"-n {Ns("kec")} route add {Prefix(0, 24)} via 10.{Octet}.1.1");
        Must($"-n {Ns("sa")} route add {Prefix(0, 16)} via 10.{Octet}.2.1");
        Must($"-n {Ns("sb")} route add {Prefix(0, 16)} via 10.{Octet}.2.1");
        foreach (var router in new[] { "core", "kec" })
        {
            Run("/usr/sbin/ip", $"netns exec {Ns(router)} sysctl -qw net.ipv4.ip_forward=1", must: true);
        }
        Assert.Equal("", Ip($"-n {Monitor} route show default").Output.Trim());
        return "";
    }

    /// <summary>The kecamatan link fails at the core router (its routes through the link go with it).</summary>
    public void KecamatanLinkDown() => Must($"-n {Ns("core")} link set c1 down");

    public void KecamatanLinkUp()
    {
        Must($"-n {Ns("core")} link set c1 up");
        Must($"-n {Ns("core")} route replace {Prefix(2, 24)} via {Kecamatan}");
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a thread of its own that has entered the monitor namespace, so a
    /// socket it opens lives there for good (a socket keeps the namespace it was made in).
    /// </summary>
    public T InMonitorNamespace<T>(Func<T> work)
    {
        using var handle = File.OpenHandle($"/run/netns/{Monitor}");
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                if (setns((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
                {
                    throw new InvalidOperationException($"setns failed: errno {Marshal.GetLastPInvokeError()}");
                }
                result = work();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        return failure is null ? result : throw new InvalidOperationException("work in the monitor namespace failed", failure);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int setns(int fd, int nstype);

    private static void Must(string arguments) => Run("/usr/sbin/ip", arguments, must: true);

    private static (bool Ok, string Output, string Error) Ip(string arguments) => Run("/usr/sbin/ip", arguments, must: false);

    private static (bool Ok, string Output, string Error) Run(string file, string arguments, bool must)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var ok = process.ExitCode == 0;
        Assert.True(ok || !must, $"ip {arguments}: {error}");
        return (ok, output, error.Trim());
    }

    public void Dispose()
    {
        foreach (var ns in _namespaces)
        {
            Ip($"netns del {ns}");
        }
        if (_unreachable is not null)
        {
            Ip($"route del unreachable {_unreachable}");
        }
    }
}
