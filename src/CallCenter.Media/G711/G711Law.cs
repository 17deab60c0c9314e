namespace CallCenter.Media.G711;

/// <summary>The two companding laws of ITU-T G.711.</summary>
public enum G711Law
{
    /// <summary>μ-law, RTP payload type 0 "PCMU" (RFC 3551 §4.5.14); North America and Japan.</summary>
    MuLaw,

    /// <summary>A-law, RTP payload type 8 "PCMA" (RFC 3551 §4.5.14); most other networks.</summary>
    ALaw,
}

/// <summary>RTP facts about each <see cref="G711Law"/>.</summary>
public static class G711LawExtensions
{
    /// <summary>The static RTP payload type: 0 for PCMU, 8 for PCMA (RFC 3551 §6, Table 4).</summary>
    public static byte PayloadType(this G711Law law) => law switch
    {
        G711Law.MuLaw => 0,
        G711Law.ALaw => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(law), law, "Unknown G.711 law."),
    };

    /// <summary>The encoding name used in SDP <c>a=rtpmap</c>: "PCMU" or "PCMA".</summary>
    public static string EncodingName(this G711Law law) => law switch
    {
        G711Law.MuLaw => "PCMU",
        G711Law.ALaw => "PCMA",
        _ => throw new ArgumentOutOfRangeException(nameof(law), law, "Unknown G.711 law."),
    };

    /// <summary>
    /// The code a zero sample encodes to: 0xFF for μ-law, 0xD5 for A-law (which has no zero
    /// level; 0xD5 decodes to +8, the smallest positive step).
    /// </summary>
    public static byte SilenceCode(this G711Law law) => law switch
    {
        G711Law.MuLaw => MuLaw.SilenceCode,
        G711Law.ALaw => ALaw.SilenceCode,
        _ => throw new ArgumentOutOfRangeException(nameof(law), law, "Unknown G.711 law."),
    };
}
