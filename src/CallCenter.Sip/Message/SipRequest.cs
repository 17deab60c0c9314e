using System.Text;

namespace CallCenter.Sip.Message;

/// <summary>A SIP request (RFC 3261 §7.1).</summary>
public sealed class SipRequest : SipMessage
{
    private SipUri? _requestUri;

    internal SipRequest(string method, string requestUriText, SipHeaders headers, ReadOnlyMemory<byte> body)
        : base(headers, body)
    {
        Method = method;
        RequestUriText = requestUriText;
    }

    /// <summary>Builds a request to send.</summary>
    public SipRequest(string method, SipUri requestUri)
        : base(new SipHeaders(), ReadOnlyMemory<byte>.Empty)
    {
        Method = method;
        _requestUri = requestUri;
        RequestUriText = requestUri.ToString();
    }

    /// <summary>The method, case-sensitive (§7.1).</summary>
    public string Method { get; }

    /// <summary>Request-URI exactly as on the start line.</summary>
    public string RequestUriText { get; private set; }

    /// <summary>Request-URI parsed, or null when it is not a valid URI.</summary>
    public SipUri? RequestUri
    {
        get
        {
            if (_requestUri is null && SipUri.TryParse(RequestUriText, out var uri, out _))
            {
                _requestUri = uri;
            }

            return _requestUri;
        }
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _requestUri = value;
            RequestUriText = value.ToString();
        }
    }

    internal override void WriteStartLine(StringBuilder builder) =>
        builder.Append(Method).Append(' ').Append(RequestUriText).Append(' ').Append(Version).Append("\r\n");
}
