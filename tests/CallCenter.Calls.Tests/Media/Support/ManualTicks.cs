using CallCenter.Calls.Media;
using CallCenter.Media.Transport.Clock;

namespace CallCenter.Calls.Tests.Media.Support;

/// <summary>
/// Drives a leg as the media clock would, from the test thread: with the harness's clock left stopped and time
/// faked, what a leg sends on each tick — RTP frames and RTCP reports — is exactly determined.
/// </summary>
internal static class ManualTicks
{
    public static void Tick(this RtpCallMedia leg, int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            ((IMediaClockSubscriber)leg).OnTick(new MediaTick(i, 0, TimeSpan.Zero));
        }
    }
}
