namespace CallCenter.Interop.Tests.Sipp;

/// <summary>The transports sipp tests use: one UDP socket (<c>-t u1</c>) or one TCP connection (<c>-t t1</c>).</summary>
public enum SippTransport
{
    /// <summary>UDP, single socket.</summary>
    Udp,

    /// <summary>TCP, single connection.</summary>
    Tcp,
}

/// <summary>Command-line spelling of <see cref="SippTransport"/>.</summary>
public static class SippTransportExtensions
{
    /// <summary>The <c>-t</c> argument.</summary>
    public static string ToSippMode(this SippTransport transport) => transport == SippTransport.Udp ? "u1" : "t1";

    /// <summary>The transport name as <c>/api/registrations</c> reports it.</summary>
    public static string ToApiName(this SippTransport transport) => transport == SippTransport.Udp ? "udp" : "tcp";
}
