using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Monitoring;
using SatuPintu.Monitoring.Probes;
using SatuPintu.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SatuPintu.Tests.Monitoring;

/// <summary>
/// A host of its own: its ICMP socket is opened inside the lab's monitor namespace, so it must be the
/// first and only user of that socket.
/// </summary>
public sealed class LabMonitoringApp() : MonitoringApp(postgres: false);

/// <summary>
/// Topology on real links: ICMP from a monitor namespace through a core router, over the kecamatan
/// link, to two OPD sites behind a bridge (see <see cref="NamespaceLab"/> for the safety steps). The
/// kecamatan link fails: it is DOWN with one alert, the sites behind it UNREACHABLE without one, and
/// the recovery is sent when the link is back.
/// </summary>
public sealed class TopologyLabTests(LabMonitoringApp app, ITestOutputHelper output) : WithPersonas(app), IClassFixture<LabMonitoringApp>
{
    private HttpClient Admin => Personas.Api(app, People.Admin);

    private async Task<long> AddAsync(string name, string target, long? parentId = null, string? opd = null)
    {
        using var response = await Admin.PostAsJsonAsync("/api/v1/monitoring/checks", new { name, kind = "icmp", target, intervalSeconds = 5, parentId, opd });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private async Task<string> StateAsync(long id) =>
        (await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/checks/{id}")).GetProperty("state").GetString()!;

    private async Task RoundsAsync(int rounds)
    {
        for (var i = 0; i < rounds; i++)
        {
            await app.RoundAsync(5);
        }
    }

    [Fact]
    public async Task A_failed_kecamatan_link_is_down_with_one_alert_its_sites_unreachable_and_the_recovery_is_sent()
    {
        using var lab = NamespaceLab.TryCreate(out var why);
        if (lab is null)
        {
            output.WriteLine("SKIPPED: " + why);
            return;
        }
        var icmp = app.Services.GetServices<IProbe>().OfType<IcmpProbe>().Single();
        var probe = new Check { Name = "lab", Kind = CheckKind.Icmp, Target = lab.Core.ToString(), Echoes = 1 };
        // The shared socket is opened by this first probe, on a thread inside the monitor namespace.
        var first = await lab.InMonitorNamespace(() => icmp.ProbeAsync(probe, TimeSpan.FromSeconds(2), CancellationToken.None));
        if (!first.Ok && first.Error?.Contains("soket ICMP", StringComparison.Ordinal) == true)
        {
            output.WriteLine("SKIPPED: no ICMP socket here (needs CAP_NET_RAW)");
            return;
        }
        Assert.True(first.Ok, first.Error);

        var core = await AddAsync("Lab inti", lab.Core.ToString());
        var kecamatan = await AddAsync("Lab tautan kecamatan", lab.Kecamatan.ToString(), core);
        var siteA = await AddAsync("Lab kantor A", lab.SiteA.ToString(), kecamatan, "dinkes");
        var siteB = await AddAsync("Lab kantor B", lab.SiteB.ToString(), kecamatan, "dinsos");
        long[] all = [core, kecamatan, siteA, siteB];
        try
        {
            await RoundsAsync(2);
            foreach (var id in all)
            {
                Assert.Equal("up", await StateAsync(id));
            }

            lab.KecamatanLinkDown();
            // K = 3 for the link; one round more for sites whose result came before the link's.
            await RoundsAsync(4);
            Assert.Equal("up", await StateAsync(core));
            Assert.Equal("down", await StateAsync(kecamatan));
            Assert.Equal("unreachable", await StateAsync(siteA));
            Assert.Equal("unreachable", await StateAsync(siteB));
            var alert = Assert.Single(app.Sink.Alerts, a => all.Contains(a.CheckId!.Value));
            Assert.Equal((kecamatan, CheckState.Down), (alert.CheckId!.Value, alert.State));

            lab.KecamatanLinkUp();
            await RoundsAsync(2);
            foreach (var id in all)
            {
                Assert.Equal("up", await StateAsync(id));
            }
            Assert.Equal([(kecamatan, CheckState.Down), (kecamatan, CheckState.Up)],
                app.Sink.Alerts.Where(a => all.Contains(a.CheckId!.Value)).Select(a => (a.CheckId!.Value, a.State)));
        }
        finally
        {
            foreach (var id in all)
            {
                using var _ = await Admin.PostAsync(new Uri($"/api/v1/monitoring/checks/{id}/pause", UriKind.Relative), null);
            }
        }
    }
}
