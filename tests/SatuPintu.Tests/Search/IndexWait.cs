namespace SatuPintu.Tests.Search;

/// <summary>A bounded poll for the background indexer (the change feed is read every 250 ms); not a timing assertion.</summary>
internal static class IndexWait
{
    public static async Task UntilAsync(Func<Task<bool>> check, string failure = "the index did not follow the change")
    {
        for (var i = 0; i < 100 && !await check(); i++)
        {
            await Task.Delay(100);
        }
        Assert.True(await check(), failure);
    }
}
