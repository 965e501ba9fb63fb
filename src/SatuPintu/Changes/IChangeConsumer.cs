namespace SatuPintu.Changes;

/// <summary>
/// Something a node keeps up to date from the change feed: the output cache, the public catalog,
/// later the search index. <see cref="ChangeFeedPoller"/> calls consumers in <see cref="Order"/>
/// with each batch of new rows (in id order; a burst arrives as one batch). A consumer that must
/// survive a restart (a persistent index) stores the last id it applied with its own data and asks
/// the feed for what came after; node-local consumers start from the newest row.
/// </summary>
public interface IChangeConsumer
{
    /// <summary>Lower runs first: the catalog rebuilds before the cache drops pages built from the old one.</summary>
    int Order { get; }

    Task ApplyAsync(IReadOnlyList<PublicChange> changes, CancellationToken ct);
}
