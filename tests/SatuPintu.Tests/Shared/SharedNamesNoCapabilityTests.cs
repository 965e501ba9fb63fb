using System.Text.RegularExpressions;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Shared;

/// <summary>Shared holds what several capabilities use, so it names none of them (no using, no qualified name).</summary>
public sealed partial class SharedNamesNoCapabilityTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [GeneratedRegex(@"SatuPintu\.(Accounts|Content|Directory|Audit|Changes|Network)\b")]
    private static partial Regex Capability();

    [Fact]
    public void No_file_under_Shared_refers_to_a_capability()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SatuPintu.slnx")))
        {
            root = root.Parent;
        }
        Assert.NotNull(root);
        var shared = Path.Combine(root.FullName, "src", "SatuPintu", "Shared");
        var files = System.IO.Directory.EnumerateFiles(shared, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(files);
        var found = files.SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => Capability().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}").ToList();
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public async Task The_admin_layout_still_shows_the_menu_by_role()
    {
        var people = await Personas.CreateAsync(app);
        var admin = await (await Personas.SignInAsync(app, people.Admin.Email)).GetOkAsync("/admin/artikel");
        Assert.Contains("aria-label=\"Menu admin\"", admin, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/audit\"", admin, StringComparison.Ordinal);
        var editor = await (await Personas.SignInAsync(app, people.EditorA.Email)).GetOkAsync("/admin/artikel");
        Assert.Contains("aria-current=\"page\"", editor, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/audit\"", editor, StringComparison.Ordinal);
    }
}
