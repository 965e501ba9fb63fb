using System.Net;
using SatuPintu.Network;
using SatuPintu.Shared;

namespace SatuPintu.Tests.Network;

/// <summary>The rules of the registry without a host: lifecycle table, CIDR parsing, overlap, free space, capacity, rupiah.</summary>
public sealed class NetworkRulesTests
{
    [Theory]
    [InlineData(ConnectionState.Planned, ConnectionState.Funded, null)]
    [InlineData(ConnectionState.Funded, ConnectionState.Installed, null)]
    [InlineData(ConnectionState.Installed, ConnectionState.Connected, null)]
    [InlineData(ConnectionState.Installed, ConnectionState.Postponed, "anggaran belum tersedia")]
    [InlineData(ConnectionState.Connected, ConnectionState.Decommissioned, "gedung dikosongkan")]
    [InlineData(ConnectionState.Decommissioned, ConnectionState.Planned, null)]
    [InlineData(ConnectionState.Connected, ConnectionState.Installed, "perangkat rusak")]
    public void Allowed_moves_pass(ConnectionState from, ConnectionState to, string? reason) =>
        Assert.Null(Lifecycle.Refusal(from, to, reason));

    [Theory]
    [InlineData(ConnectionState.Planned, ConnectionState.Connected, null, "harus didanai lebih dulu")]
    [InlineData(ConnectionState.Funded, ConnectionState.Connected, null, "harus terpasang, belum tersambung lebih dulu")]
    [InlineData(ConnectionState.Installed, ConnectionState.Postponed, null, "wajib disertai alasan")]
    [InlineData(ConnectionState.Installed, ConnectionState.Postponed, "   ", "wajib disertai alasan")]
    [InlineData(ConnectionState.Connected, ConnectionState.Decommissioned, null, "wajib disertai alasan")]
    [InlineData(ConnectionState.Connected, ConnectionState.Connected, null, "sudah berstatus tersambung")]
    [InlineData(ConnectionState.Decommissioned, ConnectionState.Connected, null, "hanya dapat direncanakan ulang")]
    [InlineData(ConnectionState.Connected, ConnectionState.Planned, null, "Mundur dari tersambung ke direncanakan wajib disertai alasan")]
    public void Refused_moves_say_why_in_indonesian(ConnectionState from, ConnectionState to, string? reason, string why) =>
        Assert.Contains(why, Lifecycle.Refusal(from, to, reason), StringComparison.Ordinal);

    [Fact]
    public void A_postponed_site_resumes_at_most_one_step_past_where_it_stopped()
    {
        Assert.Null(Lifecycle.Refusal(ConnectionState.Postponed, ConnectionState.Connected, null, ConnectionState.Installed));
        Assert.Null(Lifecycle.Refusal(ConnectionState.Postponed, ConnectionState.Installed, null, ConnectionState.Installed));
        Assert.Contains("paling jauh ke didanai", Lifecycle.Refusal(ConnectionState.Postponed, ConnectionState.Connected, null, ConnectionState.Planned), StringComparison.Ordinal);
        // Without history the safe assumption is that nothing was done yet.
        Assert.NotNull(Lifecycle.Refusal(ConnectionState.Postponed, ConnectionState.Installed, null, null));
        Assert.Equal([ConnectionState.Planned, ConnectionState.Funded, ConnectionState.Installed, ConnectionState.Connected, ConnectionState.Decommissioned],
            Lifecycle.Allowed(ConnectionState.Postponed, ConnectionState.Installed));
    }

    [Fact]
    public void A_reason_longer_than_the_limit_is_refused() =>
        Assert.NotNull(Lifecycle.Refusal(ConnectionState.Installed, ConnectionState.Postponed, new string('a', Lifecycle.ReasonMaxLength + 1)));

    [Theory]
    [InlineData("connected", true)]
    [InlineData("Postponed", true)]
    [InlineData("3", false)]
    [InlineData("aktif", false)]
    [InlineData("", false)]
    public void States_parse_by_name_only(string text, bool ok) => Assert.Equal(ok, Lifecycle.TryParse(text, out _));

    [Theory]
    [InlineData("10.10.1.0/24", "10.10.1.0/24", 4)]
    [InlineData(" 192.168.0.0/16 ", "192.168.0.0/16", 4)]
    [InlineData("2001:db8:10::/48", "2001:db8:10::/48", 6)]
    [InlineData("2001:DB8:0010:0000::/64", "2001:db8:10::/64", 6)]
    public void Well_formed_cidr_is_normalised(string text, string normalised, int family)
    {
        Assert.True(SubnetRules.TryParse(text, out var network, out var error), error);
        Assert.Equal(normalised, SubnetRules.Normalise(network));
        Assert.Equal(family, SubnetRules.Family(network));
    }

    [Theory]
    [InlineData("10.10.1.0", "bukan CIDR yang sah")]
    [InlineData("10.10.1.0/33", "bukan CIDR yang sah")]
    [InlineData("10.10.1/24", "bukan CIDR yang sah")]
    [InlineData("0x0a.10.1.0/24", "bukan CIDR yang sah")]
    [InlineData("sepuluh/24", "bukan CIDR yang sah")]
    [InlineData("10.10.1.0/-1", "bukan CIDR yang sah")]
    [InlineData("2001:db8::/129", "bukan CIDR yang sah")]
    [InlineData("10.10.1.5/24", "alamatnya 10.10.1.0/24")]
    [InlineData("", "bukan CIDR yang sah")]
    public void Malformed_cidr_is_refused_with_a_hint(string text, string hint)
    {
        Assert.False(SubnetRules.TryParse(text, out _, out var error));
        Assert.Contains(hint, error, StringComparison.Ordinal);
    }

    private static IPNetwork2 Net(string cidr) => SubnetRules.TryParse(cidr, out var n, out var e) ? n : throw new ArgumentException(e);

    [Theory]
    [InlineData("10.10.1.128/25", "10.10.1.0/24")]
    [InlineData("10.10.0.0/16", "10.10.1.0/24")]
    [InlineData("10.10.1.0/24", "10.10.1.0/24")]
    [InlineData("2001:db8:10:5::/64", "2001:db8:10::/48")]
    public void Overlap_names_the_clashing_subnet(string candidate, string clashing)
    {
        string[] existing = ["10.20.0.0/24", "10.10.1.0/24", "2001:db8:10::/48", "172.16.0.0/12"];
        Assert.Equal(clashing, SubnetRules.FirstClash(Net(candidate), existing, c => c));
    }

    [Fact]
    public void Neighbours_and_other_families_do_not_clash()
    {
        string[] existing = ["10.10.1.0/24", "2001:db8:10::/48"];
        Assert.Null(SubnetRules.FirstClash(Net("10.10.2.0/24"), existing, c => c));
        Assert.Null(SubnetRules.FirstClash(Net("10.10.0.0/24"), existing, c => c));
        Assert.Null(SubnetRules.FirstClash(Net("2001:db8:11::/48"), existing, c => c));
    }

    [Fact]
    public void Free_space_of_a_parent_block_is_what_no_subnet_uses()
    {
        var free = SubnetRules.FreeSpace(Net("10.17.0.0/22"), [Net("10.17.1.0/24"), Net("10.17.2.0/25"), Net("192.168.0.0/24")]);
        Assert.Equal(["10.17.0.0/24", "10.17.2.128/25", "10.17.3.0/24"], free.Select(SubnetRules.Normalise));
        Assert.Empty(SubnetRules.FreeSpace(Net("10.17.0.0/24"), [Net("10.0.0.0/8")]));
        Assert.Equal(["10.17.0.0/24"], SubnetRules.FreeSpace(Net("10.17.0.0/24"), []).Select(SubnetRules.Normalise));
    }

    [Fact]
    public void Gateway_must_be_inside_the_subnet()
    {
        Assert.Null(SubnetRules.GatewayProblem(Net("10.10.1.0/24"), "10.10.1.1"));
        Assert.Null(SubnetRules.GatewayProblem(Net("10.10.1.0/24"), null));
        Assert.Contains("di luar", SubnetRules.GatewayProblem(Net("10.10.1.0/24"), "10.10.2.1"), StringComparison.Ordinal);
        Assert.Contains("bukan alamat IPv4", SubnetRules.GatewayProblem(Net("10.10.1.0/24"), "2001:db8::1"), StringComparison.Ordinal);
    }

    [Fact]
    public void Capacity_is_committed_bandwidth_per_unit_of_uplink_and_warns_above_the_threshold()
    {
        var fine = Capacity.Of([300, 100], [20, 20, 10], threshold: 4);
        Assert.Equal(400, fine.UplinkMbps);
        Assert.Equal(50, fine.CommittedDownMbps);
        Assert.Equal(0.13, fine.Ratio);
        Assert.False(fine.Warning);
        var over = Capacity.Of([100], Enumerable.Repeat(50, 9), threshold: 4);
        Assert.Equal(4.5, over.Ratio);
        Assert.True(over.Warning);
        Assert.Equal("1 : 4,5", over.RatioText);
        var none = Capacity.Of([], [10], threshold: 4);
        Assert.Null(none.Ratio);
        Assert.True(none.Warning);
        Assert.False(Capacity.Of([], [], 4).Warning);
    }

    [Theory]
    [InlineData(1_250_000_000L, "Rp 1.250.000.000")]
    [InlineData(0L, "Rp 0")]
    [InlineData(999L, "Rp 999")]
    [InlineData(-1_500_000L, "-Rp 1.500.000")]
    public void Rupiah_are_grouped_with_dots(long amount, string text) => Assert.Equal(text, Formats.Rupiah(amount));
}
