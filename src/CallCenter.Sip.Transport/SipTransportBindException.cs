using System.Net;
using System.Net.Sockets;

namespace CallCenter.Sip.Transport;

/// <summary>A listen endpoint could not be bound (for example, the port is already in use).</summary>
public sealed class SipTransportBindException : Exception
{
    public SipTransportBindException(SipTransportKind transport, IPEndPoint endPoint, SocketException inner)
        : base($"Cannot bind SIP {transport.ToString().ToUpperInvariant()} listener to {endPoint}: {Describe(inner)}", inner)
    {
        Transport = transport;
        EndPoint = endPoint;
    }

    /// <summary>The transport whose socket failed to bind.</summary>
    public SipTransportKind Transport { get; }

    /// <summary>The endpoint that was asked for.</summary>
    public IPEndPoint EndPoint { get; }

    private static string Describe(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.AddressAlreadyInUse => "the port is already in use",
        SocketError.AddressNotAvailable => "the address is not assigned to this host",
        SocketError.AccessDenied => "permission denied (ports below 1024 need privileges)",
        _ => $"{e.SocketErrorCode} ({e.Message})",
    };
}
