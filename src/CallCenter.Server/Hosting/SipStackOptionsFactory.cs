using System.Net;
using CallCenter.Sip.Stack;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Server.Hosting;

/// <summary>Turns the operator-facing <see cref="SipServerOptions"/> into the stack's options, refusing bad values clearly.</summary>
public static class SipStackOptionsFactory
{
    /// <summary>Builds stack options or throws <see cref="InvalidOperationException"/> naming the bad key.</summary>
    public static SipStackOptions Create(SipServerOptions sip)
    {
        if (sip.Port is < 0 or > 65535)
        {
            throw new InvalidOperationException($"Sip:Port must be 0–65535 (found {sip.Port}).");
        }

        var endpoints = new List<IPEndPoint>();
        foreach (var text in sip.Address.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IPAddress.TryParse(text, out var address))
            {
                throw new InvalidOperationException($"Sip:Address '{text}' is not an IP address.");
            }

            endpoints.Add(new IPEndPoint(address, sip.Port));
        }

        if (endpoints.Count == 0)
        {
            throw new InvalidOperationException("Sip:Address names no address.");
        }

        IPAddress? publicAddress = null;
        if (!string.IsNullOrWhiteSpace(sip.PublicAddress) && !IPAddress.TryParse(sip.PublicAddress, out publicAddress))
        {
            throw new InvalidOperationException($"Sip:PublicAddress '{sip.PublicAddress}' is not an IP address.");
        }

        if (sip.T1Milliseconds <= 0 || sip.T2Milliseconds < sip.T1Milliseconds || sip.T4Milliseconds <= 0)
        {
            throw new InvalidOperationException("Sip:T1Milliseconds, T2Milliseconds and T4Milliseconds must be positive with T2 ≥ T1.");
        }

        var transport = new SipTransportOptions
        {
            MaxDatagramSize = sip.MaxDatagramBytes,
            MaxHeaderBytes = sip.MaxHeaderBytes,
            MaxBodyBytes = sip.MaxBodyBytes,
            SocketBufferBytes = sip.SocketBufferBytes,
        };
        foreach (var endpoint in endpoints)
        {
            transport.ListenEndPoints.Add(endpoint);
        }

        return new SipStackOptions
        {
            Transport = transport,
            Timers = new SipTimerOptions
            {
                T1 = TimeSpan.FromMilliseconds(sip.T1Milliseconds),
                T2 = TimeSpan.FromMilliseconds(sip.T2Milliseconds),
                T4 = TimeSpan.FromMilliseconds(sip.T4Milliseconds),
            },
            PublicAddress = publicAddress,
            ProductName = sip.ProductName,
        };
    }
}
