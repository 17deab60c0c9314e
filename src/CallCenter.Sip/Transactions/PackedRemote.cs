using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Transactions;

/// <summary>
/// A <see cref="SipRemote"/> kept inline: an IPv4 address and port as numbers rather than an
/// <see cref="IPEndPoint"/> and <see cref="IPAddress"/> object pair (about 70 bytes on the heap), for state held
/// by hundreds of thousands of completed transactions. Other address families keep their endpoint.
/// </summary>
internal readonly struct PackedRemote
{
    private readonly IPEndPoint? _endPoint;
    private readonly uint _ipv4;
    private readonly int _port;
    private readonly SipTransportKind _transport;
    private readonly long _connectionId;

    public PackedRemote(SipRemote remote)
    {
        _transport = remote.Transport;
        _connectionId = remote.ConnectionId;
        var endPoint = remote.EndPoint;
        Span<byte> address = stackalloc byte[4];
        if (endPoint.AddressFamily == AddressFamily.InterNetwork && endPoint.Address.TryWriteBytes(address, out var written) && written == 4)
        {
            _ipv4 = BinaryPrimitives.ReadUInt32BigEndian(address);
            _port = endPoint.Port;
        }
        else
        {
            _endPoint = endPoint;
        }
    }

    /// <summary>The remote as a <see cref="SipRemote"/> (a new endpoint object for IPv4).</summary>
    public SipRemote Unpack()
    {
        if (_endPoint is not null)
        {
            return new SipRemote(_transport, _endPoint, _connectionId);
        }

        Span<byte> address = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(address, _ipv4);
        return new SipRemote(_transport, new IPEndPoint(new IPAddress(address), _port), _connectionId);
    }
}
