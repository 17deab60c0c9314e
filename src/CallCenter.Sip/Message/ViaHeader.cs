using System.Globalization;
using System.Text;

namespace CallCenter.Sip.Message;

/// <summary>
/// One Via element: <c>SIP/2.0/transport sent-by *( ; via-params )</c> (RFC 3261 §20.42, §18.2.1),
/// with received/rport (RFC 3581).
/// </summary>
public sealed class ViaHeader
{
    /// <summary>The RFC 3261 branch magic cookie (§8.1.1.7).</summary>
    public const string MagicCookie = "z9hG4bK";

    /// <summary>Builds a Via for a request we send.</summary>
    public ViaHeader(string transport, string host, int? port, string branch)
    {
        Transport = transport.ToUpperInvariant();
        Host = host;
        Port = port;
        Parameters.Set("branch", branch);
    }

    private ViaHeader(string protocolName, string protocolVersion, string transport, string host, int? port, SipParameters parameters)
    {
        ProtocolName = protocolName;
        ProtocolVersion = protocolVersion;
        Transport = transport;
        Host = host;
        Port = port;
        Parameters = parameters;
    }

    /// <summary>protocol-name of sent-protocol: "SIP" in everything we send (§20.42), as received otherwise.</summary>
    public string ProtocolName { get; } = "SIP";

    /// <summary>protocol-version of sent-protocol: "2.0" in everything we send, as received otherwise.</summary>
    public string ProtocolVersion { get; } = "2.0";

    /// <summary>Transport, upper-case (UDP, TCP, TLS, SCTP, WS…).</summary>
    public string Transport { get; }

    /// <summary>sent-by host.</summary>
    public string Host { get; }

    /// <summary>sent-by port, when given.</summary>
    public int? Port { get; }

    /// <summary>Via parameters in order.</summary>
    public SipParameters Parameters { get; } = new();

    /// <summary>The branch parameter, or null (RFC 2543 peers may omit it).</summary>
    public string? Branch => Parameters.Get("branch");

    /// <summary>True when the branch carries the RFC 3261 magic cookie (§17.2.3 matching applies).</summary>
    public bool HasRfc3261Branch => Branch is { } b && b.StartsWith(MagicCookie, StringComparison.Ordinal);

    /// <summary>The received parameter (§18.2.1).</summary>
    public string? Received => Parameters.Get("received");

    /// <summary>True when the rport parameter is present (RFC 3581 §4).</summary>
    public bool HasRport => Parameters.Contains("rport");

    /// <summary>The rport value when filled in.</summary>
    public int? RportValue => int.TryParse(Parameters.Get("rport"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;

    /// <summary>Parses one Via element or throws <see cref="FormatException"/>.</summary>
    public static ViaHeader Parse(string text) =>
        TryParse(text, out var via, out var error) ? via : throw new FormatException($"Invalid Via '{text}': {error}");

    /// <summary>Parses one Via element (already split at list commas) without throwing.</summary>
    public static bool TryParse(string text, out ViaHeader via, out string error)
    {
        via = null!;
        var s = text;
        var i = 0;
        // sent-protocol = protocol-name "/" protocol-version "/" transport, each a token (§25.1). Other versions than
        // 2.0 parse, so that a request from a SIP/7.0 element can still be answered 505 through its Via (RFC 4475
        // §3.1.2.16); the request version itself is checked by SipMessageValidator.
        if (!ReadProtocolPart(s, ref i, out var name) || !ExpectSlash(s, ref i) || !ReadProtocolPart(s, ref i, out var version)
            || !ExpectSlash(s, ref i) || !ReadProtocolPart(s, ref i, out var transport))
        {
            error = "Via must start with <protocol>/<version>/<transport>, e.g. SIP/2.0/UDP";
            return false;
        }

        i = SipSyntax.SkipWhite(s, i);
        if (!SipUri.TryReadHostPort(s, ref i, out var host, out var port, out error))
        {
            error = "Via sent-by: " + error;
            return false;
        }

        var parameters = new SipParameters();
        if (!SipParameters.TryParse(s, ref i, parameters, out error))
        {
            error = "Via parameters: " + error;
            return false;
        }

        via = new ViaHeader(name, version, transport.ToUpperInvariant(), host, port, parameters);
        return true;
    }

    private static bool ReadProtocolPart(string s, ref int i, out string part)
    {
        i = SipSyntax.SkipWhite(s, i);
        var start = i;
        while (i < s.Length && SipSyntax.IsTokenChar(s[i]))
        {
            i++;
        }

        part = s[start..i];
        return part.Length > 0;
    }

    private static bool ExpectSlash(string s, ref int i)
    {
        i = SipSyntax.SkipWhite(s, i);
        if (i < s.Length && s[i] == '/')
        {
            i++;
            return true;
        }

        return false;
    }

    /// <summary>The port a response goes to when nothing else says otherwise (§18.2.2).</summary>
    public int DefaultPort => Port ?? (Transport == "TLS" ? 5061 : 5060);

    /// <inheritdoc />
    public override string ToString()
    {
        var builder = new StringBuilder(80);
        builder.Append(ProtocolName).Append('/').Append(ProtocolVersion).Append('/').Append(Transport).Append(' ').Append(Host);
        if (Port is { } port)
        {
            builder.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        }

        Parameters.AppendTo(builder);
        return builder.ToString();
    }
}
