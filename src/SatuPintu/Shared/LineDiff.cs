namespace SatuPintu.Shared;

/// <summary>A readable line diff (longest common subsequence): enough for articles of a few hundred lines.</summary>
public static class LineDiff
{
    public enum Change { Same, Removed, Added }

    public sealed record Line(Change Change, string Text);

    public const int MaxLines = 2000;

    public static IReadOnlyList<Line> Compare(string before, string after)
    {
        var a = Split(before);
        var b = Split(after);
        // Beyond this the table gets large; show the whole text as replaced instead.
        if (a.Length > MaxLines || b.Length > MaxLines)
        {
            return [.. a.Select(l => new Line(Change.Removed, l)), .. b.Select(l => new Line(Change.Added, l))];
        }
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        var result = new List<Line>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                result.Add(new Line(Change.Same, a[x++]));
                y++;
            }
            else if (lcs[x + 1, y] >= lcs[x, y + 1])
            {
                result.Add(new Line(Change.Removed, a[x++]));
            }
            else
            {
                result.Add(new Line(Change.Added, b[y++]));
            }
        }
        result.AddRange(a[x..].Select(l => new Line(Change.Removed, l)));
        result.AddRange(b[y..].Select(l => new Line(Change.Added, l)));
        return result;
    }

    private static string[] Split(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
}
