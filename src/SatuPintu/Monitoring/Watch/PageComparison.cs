namespace SatuPintu.Monitoring.Watch;

/// <summary>Comparing two looks at a page: cloaking (browser vs search engine) and drift (baseline vs now).</summary>
public static class PageComparison
{
    /// <summary>How alike two normalised texts are, 0 … 1: the Jaccard index of their word triples.</summary>
    public static double Similarity(string a, string b)
    {
        if (a == b)
        {
            return 1;
        }
        var x = Shingles(a);
        var y = Shingles(b);
        if (x.Count == 0 && y.Count == 0)
        {
            return 1;
        }
        var common = x.Count(y.Contains);
        return (double)common / (x.Count + y.Count - common);
    }

    private static HashSet<string> Shingles(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (words.Length < 3)
        {
            set.UnionWith(words);
            return set;
        }
        for (var i = 0; i + 2 < words.Length; i++)
        {
            set.Add($"{words[i]} {words[i + 1]} {words[i + 2]}");
        }
        return set;
    }

    /// <summary>
    /// What the search engine is shown and a browser is not: judol findings and foreign link domains only
    /// the crawler gets, or a text too unlike the browser's (below <paramref name="minSimilarity"/>).
    /// </summary>
    public static IReadOnlyList<Finding> Cloaking(PageInspection browser, PageInspection crawler, double minSimilarity)
    {
        var findings = new List<Finding>();
        var seen = browser.Findings.Select(f => (f.Kind, f.Subject)).ToHashSet();
        foreach (var f in crawler.Findings.Where(f => !seen.Contains((f.Kind, f.Subject))))
        {
            findings.Add(new Finding(FindingKinds.Cloaking, f.Subject, "Hanya untuk mesin pencari (Googlebot): " + f.What, f.Where, f.Snippet));
        }
        var browserHosts = browser.Outbound.Select(o => o.Host).ToHashSet();
        foreach (var link in crawler.Outbound.Where(o => !browserHosts.Contains(o.Host) && !Domains.IsTrusted(o.Host)).GroupBy(o => o.Host).Select(g => g.First()))
        {
            if (!findings.Any(f => f.Subject == link.Host))
            {
                findings.Add(new Finding(FindingKinds.Cloaking, link.Host, $"Tautan ke {link.Host} hanya untuk mesin pencari (Googlebot)", link.Where, link.Snippet));
            }
        }
        var similarity = Similarity(browser.Text, crawler.Text);
        if (similarity < minSimilarity)
        {
            findings.Add(new Finding(FindingKinds.Cloaking, "isi-berbeda", $"Isi untuk mesin pencari berbeda dari isi untuk pengunjung (kemiripan {similarity:P0})", "body",
                crawler.Text.Length > 240 ? crawler.Text[..240] + "…" : crawler.Text));
        }
        return findings;
    }

    /// <summary>Words in <paramref name="now"/> that the baseline did not have, for the evidence of a drift finding.</summary>
    public static string NewWords(string baseline, string now)
    {
        var old = baseline.Split(' ').ToHashSet(StringComparer.Ordinal);
        var added = now.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !old.Contains(w)).Distinct().Take(30);
        return string.Join(' ', added);
    }
}
