using System.Security.Claims;
using SatuPintu.Accounts;

namespace SatuPintu.Network;

/// <summary>
/// Who may do what with the network registry: Diskominfo admins change it; people with the
/// read-only "Pimpinan" role (the regency's leadership) see every admin report and change nothing.
/// </summary>
public static class NetworkAccess
{
    public const string PimpinanRole = "Pimpinan";

    /// <summary>Policy of the Network/Admin folder: admins and pimpinan.</summary>
    public const string ReadPolicy = "network-read";

    public static bool MayChangeNetwork(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true && user.IsAdmin();

    public static bool MaySeeNetworkAdmin(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && (user.IsAdmin() || user.IsInRole(PimpinanRole));
}
