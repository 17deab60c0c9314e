using System.Globalization;
using System.Text;

namespace CallCenter.Sip.Message;

/// <summary>A SIP response (RFC 3261 §7.2).</summary>
public sealed class SipResponse : SipMessage
{
    internal SipResponse(int statusCode, string reasonPhrase, SipHeaders headers, ReadOnlyMemory<byte> body)
        : base(headers, body)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
    }

    /// <summary>Builds an empty response; see <see cref="ResponseFactory"/> for one that answers a request.</summary>
    public SipResponse(int statusCode, string? reasonPhrase = null)
        : this(statusCode, reasonPhrase ?? ReasonPhrases.For(statusCode), new SipHeaders(), ReadOnlyMemory<byte>.Empty)
    {
    }

    /// <summary>Status code 100–699.</summary>
    public int StatusCode { get; }

    /// <summary>Reason phrase (may be empty).</summary>
    public string ReasonPhrase { get; }

    /// <summary>1xx.</summary>
    public bool IsProvisional => StatusCode < 200;

    /// <summary>2xx.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    internal override void WriteStartLine(StringBuilder builder) =>
        builder.Append(Version).Append(' ').Append(StatusCode.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(ReasonPhrase).Append("\r\n");
}
