using System.Text.RegularExpressions;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Accounts;

/// <summary>
/// The admin menu names each place once for each role: a union merge of the menu once wrote
/// "Jejak audit" twice, and the page still rendered.
/// </summary>
[Collection(Hosts.SqlitePortal)]
public sealed partial class AdminMenuTests(SqliteApp app) : WithPersonas(app)
{
    [Fact]
    public async Task Each_menu_entry_appears_once_for_each_role()
    {
        foreach (var (person, mustHave) in new[] { (People.Admin, "Jejak audit"), (People.EditorA, "Artikel"), (People.ReviewerA, "Artikel") })
        {
            var html = await (await Personas.SignInAsync(app, person.Email)).GetOkAsync("/admin");
            var menu = Menu().Match(html);
            Assert.True(menu.Success, $"{person.Email}: no admin menu");
            var links = Link().Matches(menu.Value).Select(m => (Href: m.Groups[1].Value, Text: m.Groups[2].Value.Trim())).ToList();
            Assert.Contains(links, l => l.Text == mustHave);
            Assert.Empty(links.GroupBy(l => l.Href).Where(g => g.Count() > 1).Select(g => g.Key));
            Assert.Empty(links.GroupBy(l => l.Text).Where(g => g.Count() > 1).Select(g => g.Key));
        }
    }

    [GeneratedRegex("<nav[^>]*aria-label=\"Menu admin\"[^>]*>.*?</nav>", RegexOptions.Singleline)]
    private static partial Regex Menu();

    [GeneratedRegex("<a href=\"([^\"]*)\"[^>]*>([^<]*)</a>")]
    private static partial Regex Link();
}
