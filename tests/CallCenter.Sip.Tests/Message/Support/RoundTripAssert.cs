using CallCenter.Sip.Message;

namespace CallCenter.Sip.Tests.Message.Support;

/// <summary>Compares two messages the way a round trip must preserve them.</summary>
internal static class RoundTripAssert
{
    /// <summary>
    /// Same start line, same header names and values in the same order, same body. Content-Length is left out:
    /// the serialiser always writes exactly one, last, from the body (§20.14), so it is checked against the body.
    /// </summary>
    public static void Same(SipMessage expected, SipMessage actual)
    {
        switch (expected, actual)
        {
            case (SipRequest a, SipRequest b):
                Assert.Equal(a.Method, b.Method);
                Assert.Equal(a.RequestUriText, b.RequestUriText);
                break;
            case (SipResponse a, SipResponse b):
                Assert.Equal(a.StatusCode, b.StatusCode);
                Assert.Equal(a.ReasonPhrase, b.ReasonPhrase);
                break;
            default:
                Assert.Fail($"{expected.GetType().Name} became {actual.GetType().Name}");
                break;
        }

        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(HeadersWithoutLength(expected), HeadersWithoutLength(actual));
        Assert.Equal(expected.Body.ToArray(), actual.Body.ToArray());
        Assert.Equal(actual.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), actual.Headers[KnownHeader.ContentLength]);
    }

    private static List<(string Name, string Value)> HeadersWithoutLength(SipMessage message)
    {
        var headers = new List<(string, string)>();
        for (var i = 0; i < message.Headers.Count; i++)
        {
            if (message.Headers.IdAt(i) != KnownHeader.ContentLength)
            {
                headers.Add((message.Headers.NameAt(i), message.Headers.ValueAt(i)));
            }
        }

        return headers;
    }
}
