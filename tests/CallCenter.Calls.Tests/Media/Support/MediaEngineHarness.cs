using System.Net;
using CallCenter.Calls.Media;
using CallCenter.Media.Transport;
using CallCenter.Media.Transport.Clock;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Calls.Tests.Media.Support;

/// <summary>
/// A real media engine on loopback: a receiver over its own 100-port slice of 30000–30999 (one slice per test
/// class, so classes running in parallel never compete for a port), a started media clock, the synthetic prompt
/// library, and 127.0.0.1 advertised in SDP. Legs and peers opened through it are disposed with it.
/// </summary>
internal sealed class MediaEngineHarness : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    /// <param name="portMin">First port of the test class's slice.</param>
    /// <param name="time">Time for the receiver (arrivals, inactivity) and the legs (DTMF); the system's by default.</param>
    /// <param name="configure">Changes to the transport options.</param>
    /// <param name="startClock">False leaves the clock stopped, so legs never send (for fuzzing negotiation with addresses that must not get packets).</param>
    public MediaEngineHarness(int portMin, TimeProvider? time = null, Action<MediaTransportOptions>? configure = null, bool startClock = true)
    {
        Options = new MediaTransportOptions { PortMin = portMin, PortMax = portMin + 99, ReceiveThreads = 2 };
        configure?.Invoke(Options);
        Time = time ?? TimeProvider.System;
        Ports = new RtpPortPool(Options);
        Receiver = new MediaReceiver(Options, Ports, Time);
        Clock = new MediaClock(new MediaClockOptions { Priority = MediaClockPriority.Normal });
        if (startClock)
        {
            Clock.Start();
        }
        Engine = new MediaEngine(Receiver, Clock, TestPrompts.Library, IPAddress.Loopback, Time, NullLoggerFactory.Instance);
    }

    public MediaTransportOptions Options { get; }

    public TimeProvider Time { get; }

    public RtpPortPool Ports { get; }

    public MediaReceiver Receiver { get; }

    public MediaClock Clock { get; }

    public MediaEngine Engine { get; }

    /// <summary>A leg created the way the call layer creates them, with its events recorded.</summary>
    public TestLeg Open(string legId)
    {
        var events = new MediaEventLog();
        var media = (RtpCallMedia)Engine.Create(legId, events.Add);
        _owned.Add(media);
        return new TestLeg(media, events);
    }

    /// <summary>A leg whose peer has answered <paramref name="formats"/> (see <see cref="PeerSdp.Offer"/>) from <paramref name="peer"/>.</summary>
    public TestLeg Answered(RtpPeer peer, string formats, string direction = "sendrecv")
    {
        var leg = Open("leg-" + peer.Port);
        var negotiation = leg.Media.AnswerOffer(PeerSdp.Offer(peer.Port, formats, direction));
        Assert.True(negotiation.Accepted, negotiation.Warning);
        return leg;
    }

    public RtpPeer Peer()
    {
        var peer = new RtpPeer();
        _owned.Add(peer);
        return peer;
    }

    /// <summary>True when no callback of any leg has thrown, on the receive threads or the clock thread.</summary>
    public void AssertNothingThrew()
    {
        Assert.Equal(0, Receiver.HandlerFailures);
        Assert.Equal(0, Clock.GetStatistics().SubscriberFailures);
    }

    public void Dispose()
    {
        _owned.ForEach(o => o.Dispose());
        Engine.Dispose();
        Clock.Dispose();
    }
}

/// <summary>A leg under test and what it reported.</summary>
internal sealed record TestLeg(RtpCallMedia Media, MediaEventLog Events)
{
    public IPEndPoint RtpEndPoint => new(IPAddress.Loopback, Media.LocalPort);
}
