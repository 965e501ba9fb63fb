namespace SatuPintu.Tests.Infrastructure;

/// <summary>The shared test corpora (feeds, XSS vectors, Indonesian text) beside the repository, in ../shared/corpora.</summary>
public static class Corpus
{
    public static string Path(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "corpora", name);
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"shared/corpora/{name} not found above {AppContext.BaseDirectory}: the repository is expected beside the shared folder.");
    }
}
