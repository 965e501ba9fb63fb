using System.Text;
using SatuPintu.Syndication.Parsing;
using SatuPintu.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SatuPintu.Tests.Syndication;

/// <summary>
/// Every file of the Universal Feed Parser corpus through our parser, in process: none may throw
/// anything but <see cref="FeedFormatException"/>; of the expectations about what we import, the
/// share that holds may not fall below the floor we reached (figures in docs/SYNDICATION.md).
/// </summary>
public sealed class FeedConformanceTests(ITestOutputHelper output)
{
    /// <summary>Mapped expectations that hold, after the deliberate differences below; the floor reached, minus a little.</summary>
    private const double Floor = 0.95;

    [Fact]
    public void Corpus_never_crashes_and_the_mapped_expectations_hold()
    {
        var root = Path.Combine(Corpus.Path("feeds"), "feedparser");
        var byCategory = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        var crashes = new List<string>();
        var failures = new List<string>();
        foreach (var file in System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (FeedparserExpectations.Read(root, file) is not { } c)
            {
                continue;
            }
            var parts = c.RelativePath.Split('/');
            var category = parts[0] == "wellformed" ? $"{parts[0]}/{parts[1]}" : parts[0];
            ParsedFeed? feed = null;
            try
            {
                feed = FeedParser.Parse(File.ReadAllBytes(file), c.ContentType, c.BaseUri);
            }
            catch (FeedFormatException)
            {
                // Refused with a message: not a crash; its mapped expectations count as failed.
            }
            catch (Exception e)
            {
                crashes.Add($"{c.RelativePath}: {e.GetType().Name} {e.Message}");
            }
            var verdict = Deliberate(category, c) ? FeedparserExpectations.Verdict.NotMapped : FeedparserExpectations.Check(feed, c.Expect);
            if (!byCategory.TryGetValue(category, out var counts))
            {
                byCategory[category] = counts = new int[3];
            }
            counts[(int)verdict]++;
            if (verdict == FeedparserExpectations.Verdict.Fail)
            {
                failures.Add($"{c.RelativePath}: {c.Expect}");
            }
        }
        var table = new StringBuilder("| category | files | mapped | pass | rate |\n|---|---|---|---|---|\n");
        foreach (var (category, n) in byCategory)
        {
            var mapped = n[0] + n[1];
            table.Append(System.Globalization.CultureInfo.InvariantCulture, $"| {category} | {n.Sum()} | {mapped} | {n[0]} | {(mapped == 0 ? "–" : $"{100.0 * n[0] / mapped:0.0} %")} |\n");
        }
        var pass = byCategory.Values.Sum(n => n[0]);
        var all = byCategory.Values.Sum(n => n[0] + n[1]);
        table.Append(System.Globalization.CultureInfo.InvariantCulture, $"| **all** | {byCategory.Values.Sum(n => n.Sum())} | {all} | {pass} | {100.0 * pass / all:0.0} % |\n");
        output.WriteLine(table.ToString());
        output.WriteLine("Failing:\n" + string.Join('\n', failures));

        Assert.Empty(crashes);
        Assert.True(all > 500, $"only {all} expectations mapped");
        Assert.True((double)pass / all >= Floor, $"{pass} of {all} mapped expectations hold, below {Floor:P0}");
    }

    /// <summary>
    /// What we do not do on purpose (docs/SYNDICATION.md): Microsoft CDF; feedparser's own sanitizer (ours is
    /// the admin area's HtmlCleaner); RFC 3023's "text/* without charset is US-ASCII", which real servers
    /// contradict by sending UTF-8 as text/xml; an author written with an e-mail address (we publish only the name).
    /// </summary>
    private static bool Deliberate(string category, FeedparserExpectations.Case c) =>
        category is "wellformed/cdf" or "wellformed/sanitize"
        || (c.Expect.Contains("['author'] ==", StringComparison.Ordinal) && c.Expect.Contains('@', StringComparison.Ordinal))
        || (c.Expect.Contains("encoding == 'us-ascii'", StringComparison.Ordinal) && c.ContentType is { } t && t.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            && FeedDecoding.CharsetOf(t) is null);
}
