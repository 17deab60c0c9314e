using CallCenter.Auth;
using CallCenter.Sip.Message;

namespace CallCenter.Sip.Core;

/// <summary>
/// Digest authentication of requests we act on as a UAS (REGISTER, and INVITE from agents):
/// RFC 3261 §22.2 with RFC 7616/8760 algorithms. Unknown users and wrong passwords both end in 403,
/// so responses never reveal which extensions exist.
/// </summary>
public sealed class RequestAuthenticator(DigestServer server, ISipCredentialStore credentials)
{
    /// <summary>Outcome labels, for metrics.</summary>
    public const string Authorized = "authorized";
    public const string Challenged = "challenged";
    public const string StaleNonce = "stale";
    public const string Rejected = "rejected";
    public const string Malformed = "malformed";

    /// <summary>True when <paramref name="user"/> is one of ours (an agent), whose requests must be authenticated.</summary>
    public bool IsKnownUser(string? user) => user is not null && credentials.Find(user) is not null;

    /// <summary>Authenticates with the Authorization header; builds the 401/403/400 otherwise.</summary>
    public AuthDecision Authenticate(SipRequest request, string toTag)
    {
        var header = request.Headers[KnownHeader.Authorization];

        // RFC 4475 §3.3.7 (regaut01): credentials in a scheme we do not know are answered with a challenge.
        if (header is not null && !header.TrimStart().StartsWith("Digest", StringComparison.OrdinalIgnoreCase))
        {
            header = null;
        }

        var verification = server.Verify(header, request.Method, (user, _, _) => credentials.Find(user));
        return verification.Outcome switch
        {
            // RFC 7616 §3.4.6 / RFC 3261 §22.4: the credentials must be for this request's URI, else they could
            // be lifted from a request to another target; a mismatch is answered 400.
            DigestVerificationOutcome.Authorized when !DigestUriMatches(verification.DigestUri, request) =>
                new AuthDecision(null, ResponseFactory.Create(request, 400, "Authorization uri does not match the Request-URI", toTag), Malformed),
            DigestVerificationOutcome.Authorized => new AuthDecision(verification.Username, null, Authorized),
            DigestVerificationOutcome.Missing => new AuthDecision(null, Challenge(request, toTag, stale: false), Challenged),
            DigestVerificationOutcome.Stale => new AuthDecision(null, Challenge(request, toTag, stale: true), StaleNonce),
            // Wrong password and unknown user end here alike. Other refusals (a nonce from before a restart, a replayed
            // nonce count, a foreign realm) get fresh challenges so a well-behaved phone recovers by itself.
            DigestVerificationOutcome.Rejected when verification.Reason == DigestServer.BadCredentialsReason =>
                new AuthDecision(null, ResponseFactory.Create(request, 403, "Forbidden", toTag), Rejected),
            DigestVerificationOutcome.Rejected => new AuthDecision(null, Challenge(request, toTag, stale: false), Challenged),
            // The verifier's reason may quote the header and is meant for logs only, never for the wire.
            _ => new AuthDecision(null, ResponseFactory.Create(request, 400, "Bad Authorization header", toTag), Malformed),
        };
    }

    /// <summary>Same text, or two SIP URIs equivalent under §19.1.4 (a phone may re-encode the Request-URI).</summary>
    private static bool DigestUriMatches(string? digestUri, SipRequest request)
    {
        if (digestUri is null)
        {
            return false;
        }

        if (string.Equals(digestUri, request.RequestUriText, StringComparison.Ordinal))
        {
            return true;
        }

        return request.RequestUri is { } requestUri && SipUri.TryParse(digestUri, out var credentialsUri, out _)
            && requestUri.IsEquivalentTo(credentialsUri);
    }

    private SipResponse Challenge(SipRequest request, string toTag, bool stale)
    {
        var response = ResponseFactory.Create(request, 401, "Unauthorized", toTag);
        foreach (var challenge in server.CreateChallenges(stale))
        {
            response.Headers.Add(KnownHeader.WwwAuthenticate, challenge);
        }

        return response;
    }
}
