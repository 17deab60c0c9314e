using System.Net;
using CallCenter.Auth;
using CallCenter.Sip.Core;
using CallCenter.Sip.Tests.Core.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Sip.Tests.Trunks;

/// <summary>A registrar whose address cannot be found is a failed attempt, retried like any other.</summary>
public sealed class TrunkRegistrationResolveTests
{
    [Fact]
    public async Task An_unknown_host_fails_the_attempt_and_is_asked_again_after_the_back_off()
    {
        await using var harness = await CoreHarness.StartAsync();
        var lookups = 0;
        await using var registration = Registration(harness, (_, _) =>
        {
            Interlocked.Increment(ref lookups);
            return Task.FromResult<IPAddress?>(null);
        });

        registration.Start();
        var failing = await StatusAsync(registration, s => s.ConsecutiveFailures == 1);
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        await StatusAsync(registration, s => s.ConsecutiveFailures == 2);

        Assert.Equal("cannot resolve registrar.provider.test", failing.LastError);
        Assert.Equal(2, Volatile.Read(ref lookups));
    }

    [Fact]
    public async Task An_unexpected_error_is_a_failed_attempt_not_the_end_of_the_registration()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var registration = Registration(harness, (_, _) => throw new InvalidOperationException("resolver broke"));

        registration.Start();
        var failing = await StatusAsync(registration, s => s.State == OutboundRegistrationState.Failing);

        Assert.Equal("InvalidOperationException: resolver broke", failing.LastError);
        Assert.Equal(harness.Time.GetUtcNow().AddSeconds(30), failing.NextAttemptAt);
    }

    private static OutboundRegistration Registration(CoreHarness harness, Func<string, CancellationToken, Task<IPAddress?>> resolve) =>
        new(
            harness.Core,
            new OutboundRegistrationOptions
            {
                Name = "carrier",
                Host = "registrar.provider.test",
                Credentials = new UacCredentials("trunkuser", DigestSecret.FromPassword("s3cret"), null),
            },
            harness.Time,
            NullLogger.Instance,
            resolve);

    private static async Task<OutboundRegistrationStatus> StatusAsync(OutboundRegistration registration, Func<OutboundRegistrationStatus, bool> match)
    {
        var reached = new TaskCompletionSource<OutboundRegistrationStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChange(OutboundRegistrationStatus status)
        {
            if (match(status))
            {
                reached.TrySetResult(status);
            }
        }

        registration.StatusChanged += OnChange;
        try
        {
            OnChange(registration.Status);
            return await reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            registration.StatusChanged -= OnChange;
        }
    }
}
