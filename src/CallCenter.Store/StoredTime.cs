namespace CallCenter.Store;

/// <summary>
/// Times are stored as UTC ticks (100 ns since 0001-01-01): an integer sorts correctly in SQL and
/// round-trips a <see cref="DateTimeOffset"/> exactly, which text or Unix seconds would not.
/// </summary>
internal static class StoredTime
{
    public static long ToStored(DateTimeOffset time) => time.UtcTicks;

    public static DateTimeOffset FromStored(long ticks) => new(ticks, TimeSpan.Zero);
}
