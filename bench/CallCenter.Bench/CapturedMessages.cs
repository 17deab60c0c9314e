using System.Reflection;

namespace CallCenter.Bench;

/// <summary>
/// SIP requests captured on the wire from baresip 1.0.0 (Debian 12 package) registering and dialling
/// against a UDP listener; kept byte for byte, CRLF line ends included. How they were captured is in
/// bench/README.md.
/// </summary>
public static class CapturedMessages
{
    /// <summary>An INVITE with a PCMU/PCMA/telephone-event SDP offer (846 bytes, 341-byte body).</summary>
    public static byte[] Invite() => Load("baresip-invite.sip");

    /// <summary>A REGISTER answering a 401 challenge with a Digest Authorization header (708 bytes).</summary>
    public static byte[] RegisterWithAuthorization() => Load("baresip-register-authorized.sip");

    private static byte[] Load(string fileName)
    {
        var name = "Messages." + fileName;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();

        // A checkout that turned CRLF into LF would silently benchmark an invalid message; refuse it instead.
        if (bytes.AsSpan().IndexOf("\r\n"u8) < 0)
        {
            throw new InvalidOperationException($"'{fileName}' has lost its CRLF line ends (check .gitattributes).");
        }

        return bytes;
    }
}
