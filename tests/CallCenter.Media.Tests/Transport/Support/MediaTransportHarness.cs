using System.Net;
using CallCenter.Media.Rtp;
using CallCenter.Media.Transport;

namespace CallCenter.Media.Tests.Transport.Support;

/// <summary>A port pool and a receiver on loopback, with everything opened disposed at the end.</summary>
internal sealed class MediaTransportHarness : IDisposable
{
    public static readonly RtpPayloadTypeSet PcmuAndEvents = RtpPayloadTypeSet.Of(0, 101);

    private readonly List<IDisposable> _owned = [];

    public MediaTransportHarness(int portMin, bool useEpoll, TimeProvider? time = null, Action<MediaTransportOptions>? configure = null)
    {
        Options = new MediaTransportOptions
        {
            PortMin = portMin,
            PortMax = portMin + 599,
            UseEpoll = useEpoll,
            ReceiveThreads = 2,
        };
        configure?.Invoke(Options);
        Ports = new RtpPortPool(Options);
        Receiver = new MediaReceiver(Options, Ports, time);
    }

    public MediaTransportOptions Options { get; }

    public RtpPortPool Ports { get; }

    public MediaReceiver Receiver { get; }

    public RtpEndpoint Open(RecordingHandler handler) =>
        Receiver.OpenEndpoint(IPAddress.Loopback, handler, PcmuAndEvents);

    public UdpPeer Peer()
    {
        var peer = new UdpPeer();
        _owned.Add(peer);
        return peer;
    }

    public void Dispose()
    {
        Receiver.Dispose();
        _owned.ForEach(o => o.Dispose());
    }
}
