namespace SatuPintu.Tests.Infrastructure;

/// <summary>
/// The shared hosts: each collection boots one app (and its personas) for all its classes, instead
/// of one per class. xunit runs collections in parallel and the tests of one collection one after
/// another, so a host's database only changes under the test that is running; that keeps tests that
/// compare row counts before and after safe. Two collections per kind keep both cores busy.
/// Classes that need special settings, exhaust a limit of the host (the login rate limit) or write
/// behind the app's back (leaving its public read model stale for the next class) keep their own
/// IClassFixture host.
/// </summary>
public static class Hosts
{
    public const string SqliteContent = "sqlite host: content";
    public const string SqlitePortal = "sqlite host: portal";
    public const string PostgresContent = "postgres host: content";
    public const string PostgresPortal = "postgres host: portal";
    public const string ManyLoginsAdmin = "many-logins host: admin";
    public const string ManyLoginsAccounts = "many-logins host: accounts";
}

[CollectionDefinition(Hosts.SqliteContent)]
public sealed class SqliteContentHost : ICollectionFixture<SqliteApp>;

[CollectionDefinition(Hosts.SqlitePortal)]
public sealed class SqlitePortalHost : ICollectionFixture<SqliteApp>;

[CollectionDefinition(Hosts.PostgresContent)]
public sealed class PostgresContentHost : ICollectionFixture<PostgresApp>;

[CollectionDefinition(Hosts.PostgresPortal)]
public sealed class PostgresPortalHost : ICollectionFixture<PostgresApp>;

[CollectionDefinition(Hosts.ManyLoginsAdmin)]
public sealed class ManyLoginsAdminHost : ICollectionFixture<ManyLoginsApp>;

[CollectionDefinition(Hosts.ManyLoginsAccounts)]
public sealed class ManyLoginsAccountsHost : ICollectionFixture<ManyLoginsApp>;
