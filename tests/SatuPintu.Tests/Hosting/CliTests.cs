using Microsoft.Data.Sqlite;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Hosting;

/// <summary>
/// The maintenance verbs, run in-process through the executable's entry point (<see cref="Cli"/>), and as a
/// real process of the built executable where the process is what is tested. The tests are split over two
/// classes (two xunit collections) that run side by side.
/// </summary>
public abstract class CliProcess : IDisposable
{
    protected string DataDir { get; } = Path.Combine(Path.GetTempPath(), "satupintu-tests", Guid.NewGuid().ToString("N"));

    protected Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => Cli.InProcessAsync(Cli.Environment(DataDir), args);

    /// <summary>A real process, its first input line piped to stdin (a password is only read from a redirected stdin).</summary>
    protected Task<(int Exit, string Out, string Err)> RunWithInputAsync(string? stdin, params string[] args) => Cli.ProcessAsync(Cli.Environment(DataDir), stdin, args);

    protected long Count(string table)
    {
        using var conn = new SqliteConnection($"Data Source={Path.Combine(DataDir, "satupintu.db")};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)cmd.ExecuteScalar()!;
    }

    protected string? Scalar(string sql)
    {
        using var conn = new SqliteConnection($"Data Source={Path.Combine(DataDir, "satupintu.db")};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar()?.ToString();
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            SatuPintuApp.TryDelete(DataDir);
        }
    }
}

/// <summary>Seeding, help and argument errors.</summary>
public sealed class CliTests : CliProcess
{
    [Fact]
    public async Task Seed_creates_the_demo_then_grows_articles_deterministically()
    {
        var (exit, output, _) = await RunAsync("seed");
        Assert.Equal(0, exit);
        Assert.Contains("data demo", output, StringComparison.Ordinal);
        Assert.Equal(34, Count("Opds"));
        var before = Count("Articles");

        (exit, output, var progress) = await RunAsync("seed", "--articles", "25");
        Assert.Equal(0, exit);
        Assert.Contains("25 artikel", output, StringComparison.Ordinal);
        // Not a terminal: the progress bar degrades to plain lines on stderr (at most a few for a short run), without escape codes.
        Assert.DoesNotContain("\u001b[", progress, StringComparison.Ordinal);
        Assert.Equal(before + 25, Count("Articles"));
        Assert.Equal(34, Count("Opds"));
    }

    [Fact]
    public async Task The_built_executable_exits_with_the_verbs_code_and_writes_its_streams()
    {
        // The other cases run the same entry point in-process; this one is about the process around it.
        var (exit, output, _) = await RunWithInputAsync(null, "--help");
        Assert.Equal(0, exit);
        Assert.Contains("Kode keluar", output, StringComparison.Ordinal);
        (exit, output, var error) = await RunWithInputAsync(null, "seed", "--articles", "abc");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("galat:", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(DataDir, "satupintu.db")));
        (exit, output, _) = await RunWithInputAsync(null, "seed");
        Assert.Equal(0, exit);
        Assert.Contains("data demo", output, StringComparison.Ordinal);
        Assert.Equal(34, Count("Opds"));
    }

    [Theory]
    [InlineData("--articles", "abc")]
    [InlineData("--articles", "0")]
    [InlineData("--articles", "-5")]
    [InlineData("--articles", "99999999999")]
    [InlineData("--articles")]
    [InlineData("--bogus", "1")]
    [InlineData("stray")]
    public async Task Seed_refuses_bad_arguments_with_exit_code_2_and_changes_nothing(params string[] args)
    {
        var (exit, _, error) = await RunAsync(["seed", .. args]);
        Assert.Equal(2, exit);
        Assert.Contains("galat:", error, StringComparison.Ordinal);
        Assert.Contains("Pemakaian: SatuPintu seed", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(DataDir, "satupintu.db")));
    }

    [Fact]
    public async Task Every_verb_has_help()
    {
        var (exit, output, _) = await RunAsync("--help");
        Assert.Equal(0, exit);
        Assert.Contains("seed", output, StringComparison.Ordinal);
        Assert.Contains("Kode keluar", output, StringComparison.Ordinal);
        (exit, output, _) = await RunAsync("seed", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("--articles N", output, StringComparison.Ordinal);
        foreach (var verb in new[] { "help", "user", "user add", "user reset-password", "user disable", "token", "token create" })
        {
            (exit, output, _) = await RunAsync([.. verb.Split(' '), "--help"]);
            Assert.Equal(0, exit);
            Assert.StartsWith($"Pemakaian: SatuPintu {(verb == "help" ? "" : verb)}", output, StringComparison.Ordinal);
        }
        (exit, output, _) = await RunAsync("help");
        Assert.Equal(0, exit);
        Assert.Contains("token", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(DataDir, "satupintu.db")));
    }

    [Theory]
    [InlineData("hapus-semua", "perintah tidak dikenal: 'hapus-semua'")]
    [InlineData("seed --articles", "opsi --articles memerlukan nilai")]
    [InlineData("seed --bogus 1", "opsi tidak dikenal: --bogus")]
    [InlineData("user disable", "--email wajib diisi")]
    [InlineData("user disable --email a@b.id --role admin", "opsi tidak dikenal: --role")]
    [InlineData("user reset-password --email bukan-surel", "surel tidak valid: 'bukan-surel'")]
    [InlineData("user add --email a@b.id", "--role wajib diisi")]
    [InlineData("token hapus", "subperintah tidak dikenal: 'hapus'")]
    [InlineData("token create --name x", "--email wajib diisi")]
    [InlineData("token create --email a@b.id --name x --expires 366", "--expires harus bilangan bulat 1..365 hari, bukan '366'")]
    public async Task Bad_arguments_name_the_argument_in_one_error_line(string args, string message)
    {
        var (exit, output, error) = await RunAsync(args.Split(' '));
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith($"galat: {message}\n", error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Pemakaian: SatuPintu", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(DataDir, "satupintu.db")));
    }
}

/// <summary>The account verbs: users and tokens.</summary>
public sealed class CliAccountTests : CliProcess
{
    [Fact]
    public async Task First_start_prints_the_admin_password_once()
    {
        var (_, first, _) = await RunAsync("seed");
        // Not the guessable admin@satupintu.local of old: a random address, printed with the password.
        Assert.Matches(@"surel     : admin-[a-z2-9]{12}@satupintu\.local", first);
        Assert.Contains("kata sandi:", first, StringComparison.Ordinal);
        var (_, second, _) = await RunAsync("seed");
        Assert.DoesNotContain("kata sandi:", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_add_with_a_role_in_an_opd_then_a_token_printed_alone_on_the_last_line()
    {
        var (exit, output, error) = await RunWithInputAsync("kata-sandi-editor-panjang", "user", "add", "--email", "editor@dinkes.kepahiangkab.go.id", "--role", "editor", "--opd", "dinkes");
        Assert.True(exit == 0, error);
        Assert.Contains("editor Dinas Kesehatan", output, StringComparison.Ordinal);
        Assert.DoesNotContain("kata-sandi-editor-panjang", output, StringComparison.Ordinal);
        Assert.Equal("Editor", Scalar("SELECT m.Role FROM OpdMemberships m JOIN AspNetUsers u ON u.Id = m.UserId JOIN Opds o ON o.Id = m.OpdId WHERE u.Email = 'editor@dinkes.kepahiangkab.go.id' AND o.Slug = 'dinkes'"));

        (exit, output, error) = await RunAsync("token", "create", "--email", "editor@dinkes.kepahiangkab.go.id", "--name", "skrip situs", "--expires", "30");
        Assert.True(exit == 0, error);
        var token = output.TrimEnd().Split('\n')[^1].Trim();
        Assert.StartsWith("sp_", token, StringComparison.Ordinal);
        Assert.Equal(SatuPintu.Accounts.AccessTokens.Hash(token), Scalar("SELECT Hash FROM AccessTokens WHERE Name = 'skrip situs'"));
        Assert.Equal("cli:token create", Scalar("SELECT Actor FROM AuditEntries WHERE EntityType = 'PersonalAccessToken' ORDER BY Id DESC LIMIT 1"));

        (exit, output, _) = await RunAsync("user", "disable", "--email", "editor@dinkes.kepahiangkab.go.id");
        Assert.Equal(0, exit);
        Assert.NotNull(Scalar("SELECT DisabledAt FROM AspNetUsers WHERE Email = 'editor@dinkes.kepahiangkab.go.id'"));
        Assert.NotNull(Scalar("SELECT RevokedAt FROM AccessTokens WHERE Name = 'skrip situs'"));

        (exit, output, _) = await RunAsync("user", "add", "--email", "kabid@dinkes.kepahiangkab.go.id", "--role", "reviewer", "--opd", "dinkes");
        Assert.Equal(0, exit);
        (exit, output, error) = await RunAsync("token", "create", "--email", "kabid@dinkes.kepahiangkab.go.id", "--name", "tanpa batas");
        Assert.True(exit == 0, error);
        // Without --expires the token lives the longest allowed, not for ever.
        Assert.NotNull(Scalar("SELECT ExpiresAt FROM AccessTokens WHERE Name = 'tanpa batas'"));
        Assert.Equal(2, (await RunAsync("token", "create", "--email", "kabid@dinkes.kepahiangkab.go.id", "--name", "x", "--expires", "366")).Exit);

        (exit, output, _) = await RunAsync("user", "reset-password", "--email", "kabid@dinkes.kepahiangkab.go.id");
        Assert.Equal(0, exit);
        Assert.Matches("Kata sandi baru \\(ditampilkan sekali\\): \\S{20}", output);
        Assert.Contains("semua tokennya dicabut", output, StringComparison.Ordinal);
        Assert.NotNull(Scalar("SELECT RevokedAt FROM AccessTokens WHERE Name = 'tanpa batas'"));
        Assert.Equal("update", Scalar("SELECT Action FROM AuditEntries WHERE Actor = 'cli:user reset-password' AND EntityType = 'PersonalAccessToken' AND After LIKE '%RevokedAt%'"));
    }

    [Theory]
    [InlineData("user")]
    [InlineData("user", "hapus", "--email", "a@b.id")]
    [InlineData("user", "add", "--role", "admin")]
    [InlineData("user", "add", "--email", "bukan-surel", "--role", "admin")]
    [InlineData("user", "add", "--email", "a@b.id", "--role", "raja")]
    [InlineData("user", "add", "--email", "a@b.id", "--role", "editor")]
    [InlineData("user", "add", "--email", "a@b.id", "--role", "admin", "--opd", "dinkes")]
    [InlineData("token")]
    [InlineData("token", "create", "--email", "a@b.id")]
    [InlineData("token", "create", "--email", "a@b.id", "--name", "x", "--expires", "0")]
    [InlineData("token", "create", "--email", "a@b.id", "--name", "x", "--expires", "lama")]
    public async Task Account_verbs_refuse_bad_arguments_with_exit_code_2_before_touching_anything(params string[] args)
    {
        var (exit, _, error) = await RunAsync(args);
        Assert.Equal(2, exit);
        Assert.Contains("galat:", error, StringComparison.Ordinal);
        Assert.Contains("Pemakaian", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(DataDir, "satupintu.db")));
    }

    [Theory]
    [InlineData("user", "add", "--email", "a@b.id", "--role", "editor", "--opd", "tidak-ada")]
    [InlineData("user", "reset-password", "--email", "tidak@ada.id")]
    [InlineData("token", "create", "--email", "tidak@ada.id", "--name", "x")]
    public async Task Unknown_people_and_opds_are_clear_errors(params string[] args)
    {
        var (exit, _, error) = await RunAsync(args);
        Assert.Equal(2, exit);
        Assert.Contains("tidak ditemukan", error, StringComparison.Ordinal);
    }
}
