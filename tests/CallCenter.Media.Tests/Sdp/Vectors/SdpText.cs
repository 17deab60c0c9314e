using CallCenter.Media.Sdp;

namespace CallCenter.Media.Tests.Sdp.Vectors;

/// <summary>Turns the LF-separated raw strings of the vectors into wire text, and parses it.</summary>
public static class SdpText
{
    /// <summary>Each line ended by CRLF, as on the wire.</summary>
    public static string Crlf(string lines) => lines.ReplaceLineEndings("\n").Replace("\n", "\r\n") + "\r\n";

    /// <summary>Parses wire text, failing the test with the parser's error when it does not parse.</summary>
    public static SessionDescription Parse(string wireText)
    {
        var result = SessionDescription.Parse(wireText);
        Assert.True(result.Success, $"{result.Error} in:\n{wireText}");
        return result.Description!;
    }
}
