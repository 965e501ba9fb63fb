using System.Net;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Audit;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Accounts;

/// <summary>
/// Each account-security event is one row of the audit trail: a token created, a token revoked (alone or
/// by "sign out everywhere"), a session ended, a wrong password on the token form. Bookkeeping behind
/// them (throttle rows, session rows) adds nothing.
/// </summary>
public abstract class AccountAuditOnceTests(ClockApp app) : WithPersonas(app)
{
    private Task<List<AuditEntry>> RowsAfterAsync(long id) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Id > id).OrderBy(a => a.Id).ToListAsync());

    private async Task<long> LastIdAsync() => await app.WithDbAsync(db => db.AuditEntries.MaxAsync(a => (long?)a.Id)) ?? 0;

    private static string Describe(IEnumerable<AuditEntry> rows) => string.Join("; ", rows.Select(r => $"{r.Action} {r.EntityType} {r.EntityId}"));

    [Fact]
    public async Task Tokens_created_and_revoked_and_sessions_ended_are_each_recorded_once()
    {
        var person = (await Personas.CreateAsync(app)).EditorA;
        var client = await Personas.SignInAsync(app, person.Email);
        _ = await Personas.SignInAsync(app, person.Email);

        var mark = await LastIdAsync();
        var wrong = await Personas.PostFormAsync(client, "/admin/akun/token/Create", new() { ["Name"] = "x", ["ExpiresInDays"] = "7", ["CurrentPassword"] = "salah-salah" }, "/admin/akun/token");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var rows = await RowsAfterAsync(mark);
        Assert.True(rows.Count == 1 && rows[0].Action == AccountAudit.SignInFailed, Describe(rows));

        mark = await LastIdAsync();
        await Personas.PostFormAsync(client, "/admin/akun/token/Create", new() { ["Name"] = "skrip", ["ExpiresInDays"] = "7", ["CurrentPassword"] = Personas.Password }, "/admin/akun/token");
        var token = await app.WithDbAsync(db => db.AccessTokens.SingleAsync(t => t.User!.Email == person.Email && t.Name == "skrip"));
        rows = await RowsAfterAsync(mark);
        Assert.True(rows.Count == 1 && rows[0].Action == "create" && rows[0].EntityId == token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Describe(rows));

        mark = await LastIdAsync();
        await Personas.PostFormAsync(client, $"/admin/akun/token/Revoke?id={token.Id}", [], "/admin/akun/token");
        rows = await RowsAfterAsync(mark);
        Assert.True(rows.Count == 1 && rows[0].EntityType == nameof(PersonalAccessToken) && rows[0].After!.Contains("RevokedAt", StringComparison.Ordinal), Describe(rows));

        var sessions = await app.WithDbAsync(db => db.UserSessions.Where(s => s.User!.Email == person.Email && s.EndedAt == null).Select(s => s.Id).ToListAsync());
        mark = await LastIdAsync();
        var page = await client.GetOkAsync("/admin/akun/token");
        var mine = CurrentSessionOf(page, sessions);
        var otherSession = sessions.Single(id => id != mine);
        await Personas.PostFormAsync(client, $"/admin/akun/token/EndSession?id={Uri.EscapeDataString(otherSession)}", [], "/admin/akun/token");
        rows = await RowsAfterAsync(mark);
        Assert.True(rows.Count == 1 && rows[0].Action == AccountAudit.SessionsEnded, Describe(rows));

        // Two live tokens (the persona's and a new one) and one session: one row each.
        await Personas.PostFormAsync(client, "/admin/akun/token/Create", new() { ["Name"] = "kedua", ["ExpiresInDays"] = "7", ["CurrentPassword"] = Personas.Password }, "/admin/akun/token");
        var live = await app.WithDbAsync(db => db.AccessTokens.CountAsync(t => t.User!.Email == person.Email && t.RevokedAt == null));
        mark = await LastIdAsync();
        await Personas.PostFormAsync(client, "/admin/akun/token/SignOutEverywhere", [], "/admin/akun/token");
        rows = await RowsAfterAsync(mark);
        Assert.Equal(live, rows.Count(r => r.EntityType == nameof(PersonalAccessToken)));
        Assert.Equal(live, rows.Where(r => r.EntityType == nameof(PersonalAccessToken)).Select(r => r.EntityId).Distinct().Count());
        Assert.Single(rows, r => r.Action == AccountAudit.SessionsEnded);
        Assert.DoesNotContain(rows, r => r.Action == "tokens-revoked");
    }

    /// <summary>The session the page marks "(sesi ini)".</summary>
    private static string CurrentSessionOf(string page, List<string> sessions)
    {
        var at = page.IndexOf("(sesi ini)", StringComparison.Ordinal);
        var form = page.IndexOf("EndSession?id=", at, StringComparison.Ordinal) + "EndSession?id=".Length;
        var id = Uri.UnescapeDataString(page[form..page.IndexOf('"', form)]);
        return sessions.Single(s => s == id);
    }
}

public sealed class SqliteAccountAuditOnceTests(SqliteClockApp app) : AccountAuditOnceTests(app), IClassFixture<SqliteClockApp>;

public sealed class PostgresAccountAuditOnceTests(PostgresClockApp app) : AccountAuditOnceTests(app), IClassFixture<PostgresClockApp>;
