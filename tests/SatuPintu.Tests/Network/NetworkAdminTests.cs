using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Accounts;
using SatuPintu.Network;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Network;

/// <summary>The network admin pages: lifecycle with reason and history, forms that keep input on refusal, and the read-only pimpinan role.</summary>
public sealed class NetworkAdminTests(ManyLoginsApp app) : WithPersonas(app), IClassFixture<ManyLoginsApp>
{
    private Task<Site> SiteAsync(string name) => app.WithDbAsync(db => db.NetworkSites.AsNoTracking().Include(s => s.History).SingleAsync(s => s.Name == name));

    [Fact]
    public async Task A_lifecycle_change_with_a_reason_redirects_and_shows_in_the_history()
    {
        var admin = await Personas.SignInAsync(app, People.Admin.Email);
        var site = await SiteAsync("Kantor Camat Seberang Musi");
        var page = $"/admin/jaringan/lokasi/{site.Id}";
        using var moved = await NetworkMatrixSteps.Form(admin, $"{page}/Transition", page, new() { ["To"] = "installed", ["Reason"] = "dana DAK 2026" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal($"{page}?ok=status", moved.Headers.Location?.ToString());
        var html = await admin.GetOkAsync($"{page}?ok=status");
        Assert.Contains("Status sambungan diubah", html, StringComparison.Ordinal);
        Assert.Contains("dana DAK 2026", html, StringComparison.Ordinal);
        var after = await SiteAsync("Kantor Camat Seberang Musi");
        Assert.Equal(ConnectionState.Installed, after.State);
        Assert.Equal(site.History.Count + 1, after.History.Count);
    }

    [Fact]
    public async Task A_refused_change_says_why_and_keeps_what_was_typed()
    {
        var admin = await Personas.SignInAsync(app, People.Admin.Email);
        var site = await SiteAsync("Kantor BKD");
        var page = $"/admin/jaringan/lokasi/{site.Id}";
        using var refused = await NetworkMatrixSteps.Form(admin, $"{page}/Transition", page, new() { ["To"] = "decommissioned", ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("wajib disertai alasan", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(site.History.Count, (await SiteAsync("Kantor BKD")).History.Count);

        using var clash = await NetworkMatrixSteps.Form(admin, $"{page}/Subnet", page, new() { ["Subnet.Cidr"] = "10.17.0.0/20", ["Subnet.Description"] = "LAN lantai dua" });
        Assert.Equal(HttpStatusCode.BadRequest, clash.StatusCode);
        var html = await clash.Content.ReadAsStringAsync();
        Assert.Contains("bertumpang tindih dengan subnet 10.17.1.0/24", html, StringComparison.Ordinal);
        Assert.Contains("value=\"10.17.0.0/20\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"LAN lantai dua\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_in_a_number_field_is_an_indonesian_error_and_the_form_keeps_it()
    {
        var admin = await Personas.SignInAsync(app, People.Admin.Email);
        var before = await app.WithDbAsync(db => db.NetworkBudgetLines.CountAsync());
        var fields = NetworkMatrixSteps.BudgetForm(2026);
        fields["Input.PlannedRupiah"] = "satu miliar";
        fields["Input.Description"] = "Perluasan jaringan kecamatan";
        using var refused = await NetworkMatrixSteps.Form(admin, "/admin/jaringan/anggaran/Save", "/admin/jaringan/anggaran", fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("bukan angka atau tanggal yang sah.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"satu miliar\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Perluasan jaringan kecamatan\"", html, StringComparison.Ordinal);

        fields["Input.PlannedRupiah"] = "-5";
        using var negative = await NetworkMatrixSteps.Form(admin, "/admin/jaringan/anggaran/Save", "/admin/jaringan/anggaran", fields);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Contains("Pagu (rupiah) harus antara 0", await negative.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.NetworkBudgetLines.CountAsync()));
    }

    private static readonly string[] WriteButtons = ["Tambah lokasi</button>", "Ubah status</button>", "Simpan uplink</button>", "Simpan tahap</button>", "Simpan</button>", "Tambah subnet</button>", "Simpan sambungan</button>"];

    [Fact]
    public async Task Pimpinan_sees_every_admin_report_and_changes_nothing()
    {
        var email = $"pimpinan-{Guid.NewGuid().ToString("N")[..8]}@uji.kepahiangkab.go.id";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(NetworkAccess.PimpinanRole))
            {
                await roles.CreateAsync(new IdentityRole(NetworkAccess.PimpinanRole));
            }
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, DisplayName = "Pimpinan" };
            Assert.True((await users.CreateAsync(user, Personas.Password)).Succeeded);
            await users.AddToRoleAsync(user, NetworkAccess.PimpinanRole);
        }
        var pimpinan = await Personas.SignInAsync(app, email);
        var site = await SiteAsync("Kantor Camat Merigi");
        foreach (var url in new[] { "/admin/jaringan", $"/admin/jaringan/lokasi/{site.Id}", "/admin/jaringan/rencana", "/admin/jaringan/anggaran?tahun=2020" })
        {
            var html = await pimpinan.GetOkAsync(url);
            Assert.Contains("<h1>", html, StringComparison.Ordinal);
            Assert.All(WriteButtons, b => Assert.DoesNotContain(b, html, StringComparison.Ordinal));
        }
        var page = $"/admin/jaringan/lokasi/{site.Id}";
        Assert.Contains("hanya baca", await pimpinan.GetOkAsync(page), StringComparison.Ordinal);
        using var post = await NetworkMatrixSteps.Form(pimpinan, $"{page}/Transition", page, new() { ["To"] = "installed", ["Reason"] = "coba" });
        Assert.True(post.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden
            || post.Headers.Location?.ToString().Contains("/admin/ditolak", StringComparison.Ordinal) == true, post.StatusCode.ToString());
        Assert.Equal(site.History.Count, (await SiteAsync("Kantor Camat Merigi")).History.Count);
        // Pimpinan is no editor: the content admin stays closed.
        using var articles = await pimpinan.GetAsync(new Uri("/admin/artikel", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, articles.StatusCode);
    }
}
