using System.Globalization;
using System.Text;

namespace CallCenter.Calls.Tests.Media.Support;

/// <summary>SDP offers as the phones and trunks we meet write them (CRLF lines, rtpmap for every format).</summary>
internal static class PeerSdp
{
    private static readonly Dictionary<string, string> RtpMaps = new()
    {
        ["0"] = "PCMU/8000",
        ["8"] = "PCMA/8000",
        ["18"] = "G729/8000",
        ["96"] = "telephone-event/8000",
        ["97"] = "PCMA/8000",
        ["101"] = "telephone-event/8000",
    };

    /// <summary>An offer for audio on 127.0.0.1:<paramref name="port"/> with <paramref name="formats"/>, e.g. "0 101".</summary>
    public static string Offer(int port, string formats, string direction = "sendrecv", string connection = "IN IP4 127.0.0.1", string extraMediaLines = "")
    {
        var sdp = new StringBuilder()
            .Append("v=0\r\n")
            .Append("o=caller 2890844526 2890844526 IN IP4 127.0.0.1\r\n")
            .Append("s=-\r\n")
            .Append(CultureInfo.InvariantCulture, $"c={connection}\r\n")
            .Append("t=0 0\r\n")
            .Append(CultureInfo.InvariantCulture, $"m=audio {port} RTP/AVP {formats}\r\n");
        foreach (var format in formats.Split(' '))
        {
            sdp.Append(CultureInfo.InvariantCulture, $"a=rtpmap:{format} {RtpMaps[format]}\r\n");
            if (RtpMaps[format].StartsWith("telephone-event", StringComparison.Ordinal))
            {
                sdp.Append(CultureInfo.InvariantCulture, $"a=fmtp:{format} 0-16\r\n");
            }
        }

        return sdp.Append("a=ptime:20\r\n").Append(extraMediaLines).Append(CultureInfo.InvariantCulture, $"a={direction}\r\n").ToString();
    }
}
