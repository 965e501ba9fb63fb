namespace SatuPintu.Network;

/// <summary>
/// The one transition table of a site's connection. Forward moves go one step at a time
/// (planned → funded → installed → connected); postponing and decommissioning need a reason;
/// a postponed site resumes at most one step past where it was postponed.
/// </summary>
public static class Lifecycle
{
    public const int ReasonMaxLength = 500;

    private static readonly ConnectionState[] Forward = [ConnectionState.Planned, ConnectionState.Funded, ConnectionState.Installed, ConnectionState.Connected];

    /// <summary>Indonesian label of a state, as visitors and admins read it.</summary>
    public static string Label(this ConnectionState state) => state switch
    {
        ConnectionState.Planned => "direncanakan",
        ConnectionState.Funded => "didanai",
        ConnectionState.Installed => "terpasang, belum tersambung",
        ConnectionState.Connected => "tersambung",
        ConnectionState.Postponed => "ditunda",
        ConnectionState.Decommissioned => "tidak dipakai lagi",
        _ => state.ToString(),
    };

    /// <summary>The lowercase name the API speaks ("connected").</summary>
    public static string ApiName(this ConnectionState state) => state.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out ConnectionState state)
    {
        state = default;
        return !string.IsNullOrWhiteSpace(value) && !int.TryParse(value, out _)
            && Enum.TryParse(value.Trim(), ignoreCase: true, out state) && Enum.IsDefined(state);
    }

    /// <summary>Why the move is refused, in Indonesian, or null when it is allowed.</summary>
    /// <param name="postponedFrom">For a postponed site: the state it was in before; null if unknown.</param>
    public static string? Refusal(ConnectionState from, ConnectionState to, string? reason, ConnectionState? postponedFrom = null)
    {
        if (from == to)
        {
            return $"Lokasi ini sudah berstatus {to.Label()}.";
        }
        if (reason is { Length: > ReasonMaxLength })
        {
            return $"Alasan paling panjang {ReasonMaxLength} karakter.";
        }
        var hasReason = !string.IsNullOrWhiteSpace(reason);
        if (to is ConnectionState.Postponed or ConnectionState.Decommissioned && !hasReason)
        {
            return $"Perubahan ke {to.Label()} wajib disertai alasan, misalnya \"anggaran belum tersedia\".";
        }
        return from switch
        {
            ConnectionState.Decommissioned => to == ConnectionState.Planned ? null
                : "Lokasi yang tidak dipakai lagi hanya dapat direncanakan ulang (ke direncanakan).",
            ConnectionState.Postponed => Resume(to, postponedFrom, hasReason),
            _ when to is ConnectionState.Postponed or ConnectionState.Decommissioned => null,
            _ => Step(from, to, hasReason),
        };
    }

    private static string? Step(ConnectionState from, ConnectionState to, bool hasReason)
    {
        var a = Array.IndexOf(Forward, from);
        var b = Array.IndexOf(Forward, to);
        if (b == a + 1)
        {
            return null;
        }
        if (b > a)
        {
            return $"Tidak dapat langsung dari {from.Label()} ke {to.Label()}: harus {Forward[a + 1].Label()} lebih dulu.";
        }
        // Going back (e.g. equipment removed) is allowed only with a reason, so the history explains it.
        return hasReason ? null : $"Mundur dari {from.Label()} ke {to.Label()} wajib disertai alasan.";
    }

    private static string? Resume(ConnectionState to, ConnectionState? postponedFrom, bool hasReason)
    {
        if (to == ConnectionState.Decommissioned)
        {
            return null;
        }
        var before = postponedFrom is { } p && Array.IndexOf(Forward, p) >= 0 ? Array.IndexOf(Forward, p) : 0;
        var target = Array.IndexOf(Forward, to);
        if (target <= before + 1)
        {
            return null;
        }
        return $"Lokasi ini ditunda saat {Forward[before].Label()}; dilanjutkan paling jauh ke {Forward[before + 1].Label()}, bukan langsung {to.Label()}.";
    }

    /// <summary>The states a site may move to now, for the admin form's choices.</summary>
    public static IEnumerable<ConnectionState> Allowed(ConnectionState from, ConnectionState? postponedFrom) =>
        Enum.GetValues<ConnectionState>().Where(to => Refusal(from, to, "alasan", postponedFrom) is null);
}
