using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Auth.Tests;

internal static class TestClock
{
    public static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Start);
}
