using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SatuPintu.Data;

namespace SatuPintu.Accounts;

/// <summary>Adds one claim per OPD role (and the e-mail) to the signed-in principal, for cookie and token alike.</summary>
internal sealed class SatuPintuClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, SatuPintuDb db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.Email is not null && !identity.HasClaim(c => c.Type == ClaimTypes.Email))
        {
            identity.AddClaim(new Claim(ClaimTypes.Email, user.Email));
        }
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(PasswordChange.Claim, "1"));
        }
        var memberships = await db.OpdMemberships.AsNoTracking().Where(m => m.UserId == user.Id).ToListAsync();
        foreach (var m in memberships)
        {
            identity.AddClaim(new Claim(Access.ClaimFor(m.Role), m.OpdId.ToString(CultureInfo.InvariantCulture)));
        }
        return identity;
    }
}
