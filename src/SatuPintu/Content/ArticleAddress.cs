namespace SatuPintu.Content;

/// <summary>An address an article had before it was renamed: /berita/{old} answers 301 to the current one, so shared links keep working.</summary>
public sealed class ArticleAddress
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
}
