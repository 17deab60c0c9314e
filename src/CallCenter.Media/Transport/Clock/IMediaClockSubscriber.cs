namespace CallCenter.Media.Transport.Clock;

/// <summary>
/// Something paced by the <see cref="MediaClock"/>: a call's prompt player or packet sender. <see cref="OnTick"/>
/// runs on the clock's one thread, one subscriber after the other: it must be quick (send a packet, prepare the
/// next) and never block, or every call's pacing suffers. Exceptions are caught, counted and logged.
/// </summary>
public interface IMediaClockSubscriber
{
    /// <summary>Called once per tick.</summary>
    void OnTick(in MediaTick tick);
}
