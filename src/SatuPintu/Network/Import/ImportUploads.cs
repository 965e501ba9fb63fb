using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace SatuPintu.Network.Import;

/// <summary>
/// An uploaded file kept between its preview and the "Impor" button, under the data folder, keyed
/// by a random id; deleted once imported, and swept after a day if nobody pressed the button.
/// </summary>
public sealed class ImportUploads(IOptions<Data.DataOptions> options, TimeProvider time)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    private string Folder => Path.Combine(options.Value.DataDirFullPath, "network-import");

    public async Task<string> SaveAsync(MemoryStream data, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Folder);
        Sweep();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await File.WriteAllBytesAsync(PathOf(id)!, data.ToArray(), ct);
        return id;
    }

    /// <summary>The saved bytes, or null for an unknown, malformed or swept id.</summary>
    public async Task<MemoryStream?> LoadAsync(string? id, CancellationToken ct) =>
        PathOf(id) is { } path && File.Exists(path) ? new MemoryStream(await File.ReadAllBytesAsync(path, ct)) : null;

    public void Delete(string? id)
    {
        if (PathOf(id) is { } path)
        {
            File.Delete(path);
        }
    }

    /// <summary>Only 32 hex digits name a file, so an id can never walk out of the folder.</summary>
    private string? PathOf(string? id) =>
        id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower) ? Path.Combine(Folder, id + ".upload") : null;

    private void Sweep()
    {
        var cutoff = time.GetUtcNow().UtcDateTime - KeepFor;
        foreach (var file in new DirectoryInfo(Folder).EnumerateFiles("*.upload"))
        {
            if (file.LastWriteTimeUtc < cutoff)
            {
                file.Delete();
            }
        }
    }
}
