using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SatuPintu.Data;
using SatuPintu.Hosting;
using SatuPintu.Hosting.Cli;
using SatuPintu.Shared;

namespace SatuPintu.Accounts;

/// <summary>
/// Identity on the app's database, the cookie for the admin area, bearer tokens for the API,
/// the staff/admin policies, and the login rate limit.
/// </summary>
public static class AccountsFeature
{
    public const string LoginRateLimit = "login";
    private const string SmartScheme = "cookie-or-token";

    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                // Length over composition (NIST SP 800-63B); SignInThrottle's growing waits stop online guessing.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 5;
                // No hard lock: anyone could lock anyone out with it. Identity still counts failed codes
                // (TwoFactorAuthenticatorSignInAsync), so the count is set out of reach.
                o.Lockout.MaxFailedAccessAttempts = int.MaxValue;
                o.Lockout.AllowedForNewUsers = false;
                o.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorProvider.Name;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<SatuPintuDb>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorProvider>(OneTimeAuthenticatorProvider.Name)
            .AddClaimsPrincipalFactory<SatuPintuClaimsFactory>()
            .AddErrorDescriber<IndonesianIdentityErrors>();
        // A disabled account or a reset password changes the security stamp; sessions notice within a minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = Sessions.KeepOnRefresh;
        });

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "satupintu.masuk";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/admin/masuk";
            o.LogoutPath = "/admin/keluar";
            o.AccessDeniedPath = "/admin/ditolak";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // Identity's security stamp check comes first; then the session must still be open (see Sessions).
            var stampCheck = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async ctx =>
            {
                await stampCheck(ctx);
                await Sessions.ValidateAsync(ctx);
            };
            o.Events.OnSigningIn = Sessions.StartAsync;
        });

        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultForbidScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Path.StartsWithSegments("/api") ? TokenAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Access.StaffPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsStaff()))
            .AddPolicy(Access.AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(Access.AdminRole))
            .AddPolicy(ApiGroup.Policy, p => p.AddAuthenticationSchemes(TokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser());

        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            // Each capability authorizes its own Admin/ folder in its …Feature.cs; here the sign-in pages stay open.
            o.Conventions.AuthorizeFolder("/Accounts/Admin", Access.StaffPolicy);
            o.Conventions.AllowAnonymousToPage("/Accounts/Admin/Login");
            o.Conventions.AllowAnonymousToPage("/Accounts/Admin/Denied");
            o.Conventions.AllowAnonymousToPage("/Accounts/Admin/Logout");
            o.Conventions.AllowAnonymousToPage("/Accounts/Admin/LoginTwoFactor");
            o.Conventions.AllowAnonymousToPage("/Accounts/Admin/AcceptInvitation");
            o.Conventions.AllowAnonymousToPage("/Accounts/Admin/ForgotPassword");
            o.Conventions.AllowAnonymousToPage("/Accounts/Admin/ResetPassword");
            o.Conventions.AuthorizeFolder("/Accounts/Admin/Users", Access.AdminPolicy);
        });

        builder.AddValidatedOptions<Admin.AccountOptions, Admin.AccountOptionsValidator>(Admin.AccountOptions.Section);
        var attempts = builder.Configuration.GetSection(Admin.AccountOptions.Section).Get<Admin.AccountOptions>()?.LoginAttemptsPerMinute ?? 10;
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only password attempts count; showing the form is free.
            o.AddPolicy(LoginRateLimit, ctx => HttpMethods.IsPost(ctx.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = attempts, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("form"));
        });
        builder.Services.AddScoped<AdminBootstrap>();
        builder.Services.AddScoped<TokenIssuer>();
        builder.AddCliVerb(UserVerb.Verb);
        builder.AddCliVerb(TokenVerb.Verb);
        builder.Services.AddScoped<SignInThrottle>();
        builder.Services.AddScoped<AccountRevocation>();
        builder.Services.AddScoped<AccountLinks>();
        builder.Services.AddSingleton<AccountMail>();
    }

    public static void UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.Use(RequireTwoFactorForAdmins);
        app.Use(PasswordChange.Require);
    }

    /// <summary>With the setting on, an admin signed in without the second factor can only reach the 2FA page and sign out.</summary>
    private static Task RequireTwoFactorForAdmins(HttpContext context, RequestDelegate next)
    {
        var required = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Admin.AccountOptions>>().Value.RequireTwoFactorForAdmins;
        var path = context.Request.Path;
        if (required && path.StartsWithSegments("/admin") && !path.StartsWithSegments("/admin/akun/2fa") && !path.StartsWithSegments("/admin/keluar")
            && context.User.IsAdmin() && !context.User.HasClaim("amr", "mfa"))
        {
            context.Response.Redirect("/admin/akun/2fa");
            return Task.CompletedTask;
        }
        return next(context);
    }
}
