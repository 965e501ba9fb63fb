using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Accounts;
using SatuPintu.Data;

namespace SatuPintu.Tests.Infrastructure;

/// <summary>
/// The people of the authorization tests, made through the app's own UserManager: an admin, and an
/// editor and a reviewer of OPD A (Dinas Kesehatan). OPD B (Dinas Sosial) has no one here.
/// Each has a personal access token; cookie sessions come from the real login form.
/// </summary>
public sealed partial class Personas
{
    public const string OpdA = "dinkes";
    public const string OpdB = "dinsos";
    public const string Password = "kata-sandi-uji-yang-panjang";

    public sealed record Person(string Name, string Email, string Token, int TokenId);

    public required Person Admin { get; init; }
    public required Person EditorA { get; init; }
    public required Person ReviewerA { get; init; }

    public static async Task<Personas> CreateAsync(SatuPintuApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        var issuer = scope.ServiceProvider.GetRequiredService<TokenIssuer>();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        async Task<Person> Make(string name, Func<AppUser, Task> grant)
        {
            var email = $"{name}-{suffix}@uji.kepahiangkab.go.id";
            var user = new AppUser { UserName = email, Email = email, DisplayName = name };
            var result = await users.CreateAsync(user, Password);
            Assert.True(result.Succeeded, string.Join(";", result.Errors.Select(e => e.Description)));
            await grant(user);
            var (token, record) = await issuer.IssueAsync(user, "uji", 30);
            return new Person(name, email, token, record.Id);
        }
        async Task Member(AppUser u, OpdRole role)
        {
            var opd = await db.Opds.SingleAsync(o => o.Slug == OpdA);
            db.OpdMemberships.Add(new OpdMembership { UserId = u.Id, OpdId = opd.Id, Role = role });
            await db.SaveChangesAsync();
        }
        return new Personas
        {
            Admin = await Make("admin", u => users.AddToRoleAsync(u, Access.AdminRole)),
            EditorA = await Make("editor", u => Member(u, OpdRole.Editor)),
            ReviewerA = await Make("reviewer", u => Member(u, OpdRole.Reviewer)),
        };
    }

    public IEnumerable<Person> All => [Admin, EditorA, ReviewerA];

    public static HttpClient Api(SatuPintuApp app, Person? person)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (person is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", person.Token);
        }
        return client;
    }

    /// <summary>A browser-like client signed in through /admin/masuk (cookies kept, redirects not followed).</summary>
    public static async Task<HttpClient> SignInAsync(SatuPintuApp app, string email, string password = Password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostFormAsync(client, "/admin/masuk", new() { ["Email"] = email, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"login of {email} answered {(int)response.StatusCode}");
        return client;
    }

    /// <summary>GETs <paramref name="formPage"/> (or <paramref name="url"/>), takes its antiforgery token and posts the form.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(new Uri(formPage ?? url, UriKind.Relative));
        var token = AntiforgeryToken(page);
        Assert.False(string.IsNullOrEmpty(token), $"no antiforgery token on {formPage ?? url}");
        fields["__RequestVerificationToken"] = token;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>The antiforgery token of the first form on a page, as a browser would send it back; empty if there is none.</summary>
    public static string AntiforgeryToken(string html) => AntiforgeryRegex().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryRegex();
}
