using System.Text;

namespace SatuPintu.Search;

/// <summary>
/// What a person typed, made safe: control characters out, at most <see cref="MaxLength"/>
/// characters and <see cref="MaxWords"/> words kept, text in double quotes taken as a phrase (an
/// unbalanced quote runs to the end). No query syntax: "title:[*" is just the words "title".
/// </summary>
public sealed record QueryText(string Text, IReadOnlyList<string> Words, IReadOnlyList<string> Phrases)
{
    public const int MaxLength = 200;
    public const int MaxWords = 12;

    public bool IsEmpty => Words.Count == 0 && Phrases.Count == 0;

    public static QueryText Parse(string? raw)
    {
        var sb = new StringBuilder();
        foreach (var c in (raw ?? "").AsSpan(0, Math.Min((raw ?? "").Length, MaxLength * 4)))
        {
            sb.Append(char.IsControl(c) || char.IsSurrogate(c) ? ' ' : c);
        }
        var text = string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
        }
        var words = new List<string>();
        var phrases = new List<string>();
        var parts = text.Split('"');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i].Trim();
            if (part.Length == 0)
            {
                continue;
            }
            if (i % 2 == 1 && part.Contains(' ', StringComparison.Ordinal))
            {
                phrases.Add(part);
            }
            else
            {
                words.AddRange(part.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }
        return new QueryText(text, words.Take(MaxWords).ToList(), phrases.Take(3).ToList());
    }
}
