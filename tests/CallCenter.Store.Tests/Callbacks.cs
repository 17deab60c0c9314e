namespace CallCenter.Store.Tests;

/// <summary>Builds callback requests for tests.</summary>
internal static class Callbacks
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public static NewCallback Request(
        string queue = "sales",
        int priority = 5,
        int arrivedMinutes = 0,
        string number = "+639171234567",
        string? callerName = "Ana Santos",
        IReadOnlyList<CallbackRequirement>? requirements = null) =>
        new(
            OriginalArrival: T0.AddMinutes(arrivedMinutes),
            Queue: queue,
            Priority: priority,
            Number: number,
            CallerName: callerName,
            TicketId: "T-1001",
            CallId: "a84b4c76e66710@pc33.example.com",
            DueAt: T0.AddMinutes(arrivedMinutes + 5),
            RequestedAt: T0.AddMinutes(arrivedMinutes + 4),
            Requirements: requirements);
}
