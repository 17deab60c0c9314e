namespace CallCenter.Store.Tests;

public sealed class ConcurrencyTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Readers_on_several_threads_see_complete_lists_while_a_writer_adds()
    {
        var store = new CallbackStore(_temp.Open());
        const int Writes = 40;

        Task writer = Task.Run(() =>
        {
            for (int i = 0; i < Writes; i++)
            {
                store.Create(Callbacks.Request(arrivedMinutes: i));
            }
        });
        Task<bool>[] readers = [.. Enumerable.Range(0, 4).Select(_ => Task.Run(() => ReadUntilDone(store, writer)))];

        await writer;
        bool[] allOrdered = await Task.WhenAll(readers);

        Assert.All(allOrdered, Assert.True);
        Assert.Equal(Writes, store.ListPending().Count);
    }

    [Fact]
    public async Task Writers_on_several_threads_lose_no_rows()
    {
        CallCenterDatabase database = _temp.Open();
        var log = new AgentStateLog(database);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(agent => Task.Run(() =>
        {
            for (int i = 0; i < 10; i++)
            {
                log.Append(new AgentStateEntry(Callbacks.T0.AddSeconds(i), $"100{agent}", "available", null));
            }
        })));

        Assert.All(Enumerable.Range(0, 4), agent => Assert.Equal(10, log.Query($"100{agent}", Callbacks.T0, Callbacks.T0.AddHours(1)).Count));
    }

    // Every snapshot a reader sees must be a committed prefix: arrivals strictly increasing.
    private static bool ReadUntilDone(CallbackStore store, Task writer)
    {
        bool ordered = true;
        do
        {
            IReadOnlyList<CallbackRecord> pending = store.ListPending();
            for (int i = 1; i < pending.Count; i++)
            {
                ordered &= pending[i - 1].OriginalArrival < pending[i].OriginalArrival;
            }
        }
        while (!writer.IsCompleted);

        return ordered;
    }
}
