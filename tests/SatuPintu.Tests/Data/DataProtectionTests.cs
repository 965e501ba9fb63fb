using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Data;

/// <summary>
/// The data-protection keys live in the database: a sign-in cookie and an antiforgery token issued
/// by one app instance are accepted by a second instance on the same database (another web node,
/// or the app after a restart with a fresh data folder).
/// </summary>
public abstract class DataProtectionTests(SatuPintuApp app) : WithPersonas(app)
{
    [Fact]
    public async Task A_cookie_and_a_form_token_of_one_instance_work_on_a_second_instance()
    {
        var cookies = new System.Net.CookieContainer();
        using var first = app.CreateDefaultClient(new CookieContainerHandler(cookies));
        await using var node = Node.Beside(app);
        using var second = node.CreateDefaultClient(new CookieContainerHandler(cookies));

        // The form comes from the first instance, the post goes to the second.
        var form = await first.GetOkAsync("/admin/masuk");
        using var login = await second.PostAsync(new Uri("/admin/masuk", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = People.Admin.Email, ["Password"] = Personas.Password, ["__RequestVerificationToken"] = Personas.AntiforgeryToken(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        // The sign-in cookie the second issued opens the admin area on the first.
        var (status, _) = await first.FetchAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, status);
    }
}

public sealed class SqliteDataProtectionTests(SqliteApp app) : DataProtectionTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDataProtectionTests(PostgresApp app) : DataProtectionTests(app), IClassFixture<PostgresApp>;
