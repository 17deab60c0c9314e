using CallCenter.Sip.Message;

namespace CallCenter.Sip.Core;

/// <summary>
/// Why <see cref="UasRequestChecks"/> refuses a request: the status code and reason phrase to send, a longer
/// <paramref name="Detail"/> for logs (it may quote the request, so it never goes on the wire), and the header
/// fields the response must carry (Allow for 405, Unsupported for 420, Accept / Accept-Encoding for 415…).
/// </summary>
public sealed record UasRejection(int StatusCode, string ReasonPhrase, string Detail, IReadOnlyList<(KnownHeader Header, string Value)> Headers)
{
    /// <summary>The value of the first extra header of this kind, or null.</summary>
    public string? HeaderValue(KnownHeader header)
    {
        foreach (var (name, value) in Headers)
        {
            if (name == header)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Builds the response (§8.2.6): the mandatory copied headers, a To tag, then the extra headers.</summary>
    public SipResponse CreateResponse(SipRequest request, string? toTag)
    {
        var response = ResponseFactory.Create(request, StatusCode, ReasonPhrase, toTag);
        foreach (var (header, value) in Headers)
        {
            response.Headers.Add(header, value);
        }

        return response;
    }
}
