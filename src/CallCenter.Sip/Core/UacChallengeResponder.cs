using System.Diagnostics.CodeAnalysis;
using CallCenter.Auth;
using CallCenter.Sip.Message;

namespace CallCenter.Sip.Core;

/// <summary>
/// Answers a 401 (WWW-Authenticate) or 407 (Proxy-Authenticate) to one of our requests with digest credentials
/// (RFC 3261 §22.2 and §22.3, RFC 7616 §3.4, RFC 8760 for SHA-256). Of the challenges in the response the first one
/// we can answer wins: the server lists the algorithm it prefers first (RFC 8760 §2.4). Never throws for any
/// content of the response. Thread-safe (the nonce counts live in the shared <see cref="DigestClient"/>).
/// </summary>
public sealed class UacChallengeResponder(DigestClient client)
{
    /// <summary>
    /// Builds the answer to <paramref name="challenge"/> for <paramref name="request"/> (its method and Request-URI are
    /// what the digest covers, §22.4), or returns false with the reason.
    /// </summary>
    public bool TryAnswer(
        SipRequest request,
        SipResponse challenge,
        UacCredentials credentials,
        [NotNullWhen(true)] out ChallengeAnswer? answer,
        out string error)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(credentials);
        answer = null;
        var (challengeHeader, answerHeader) = challenge.StatusCode switch
        {
            401 => (KnownHeader.WwwAuthenticate, KnownHeader.Authorization),
            407 => (KnownHeader.ProxyAuthenticate, KnownHeader.ProxyAuthorization),
            _ => (KnownHeader.Unknown, KnownHeader.Unknown),
        };
        if (challengeHeader == KnownHeader.Unknown)
        {
            error = $"{challenge.StatusCode} is not a challenge";
            return false;
        }

        error = $"the {challenge.StatusCode} carries no {HeaderNames.Canonical(challengeHeader)}";
        foreach (var value in challenge.Headers.ValuesOf(challengeHeader))
        {
            if (!Usable(value, credentials, out var parsed, out error))
            {
                continue;
            }

            if (client.TryCreateAuthorization(parsed, credentials.Username, credentials.Secret, request.Method, request.RequestUriText, out var header, out error))
            {
                answer = new ChallengeAnswer(answerHeader, header, parsed.Realm, parsed.Stale);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A challenge that parses and is for our realm. Whether this library and our secret can answer it (qop, algorithm,
    /// a stored HA1's algorithm) is <see cref="DigestClient.TryCreateAuthorization"/>'s own check, not repeated here.
    /// </summary>
    private static bool Usable(string value, UacCredentials credentials, [NotNullWhen(true)] out DigestChallenge? challenge, out string error)
    {
        if (!DigestChallenge.TryParse(value, out challenge, out error))
        {
            return false;
        }

        if (credentials.Realm is { } realm && !string.Equals(realm, challenge.Realm, StringComparison.Ordinal))
        {
            error = $"the challenge is for realm '{challenge.Realm}', our credentials for '{realm}'";
            return false;
        }

        return true;
    }
}
