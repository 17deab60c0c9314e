using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using CallCenter.Auth.Parsing;

namespace CallCenter.Auth;

/// <summary>
/// The client (UAC) side of Digest: answers a 401/407 challenge from a trunk or proxy with
/// Authorization / Proxy-Authorization credentials (RFC 3261 §22.2–§22.3, RFC 7616 §3.4).
/// Keeps the nonce count per nonce so a nonce can be reused for later requests (nc=00000001,
/// 00000002, …), remembering a bounded number of nonces. Thread-safe.
/// </summary>
public sealed class DigestClient
{
    /// <summary>How many nonces' counters are remembered; older ones are forgotten.</summary>
    public const int MaxRememberedNonces = 64;

    private const int CnonceBytes = 16;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, uint> _nonceCounts = new(StringComparer.Ordinal);
    private readonly Queue<string> _nonceOrder = new();

    /// <summary>
    /// True when this library can answer <paramref name="challenge"/>: it offers qop "auth" or no
    /// qop at all (auth-int is not supported), and a "-sess" algorithm comes with a qop.
    /// </summary>
    public static bool CanAnswer(DigestChallenge challenge, out string error)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        error = string.Empty;
        if (challenge.QopOptions.Count > 0 && !challenge.OffersQopAuth)
        {
            error = $"challenge offers qop '{string.Join(',', challenge.QopOptions)}' but only 'auth' is supported";
        }
        else if (challenge.QopOptions.Count == 0 && challenge.Algorithm.IsSession)
        {
            error = $"{challenge.Algorithm.Name} needs a qop, but the challenge offers none";
        }

        return error.Length == 0;
    }

    /// <summary>
    /// Picks the challenge to answer from the WWW-Authenticate / Proxy-Authenticate values of one
    /// response, in header order: the first that parses and can be answered (RFC 8760 §2: the
    /// server lists its preferred algorithm first). Never throws for any header content.
    /// </summary>
    public static bool TrySelectChallenge(
        IEnumerable<string?> headerValues, [NotNullWhen(true)] out DigestChallenge? challenge, out string error)
    {
        ArgumentNullException.ThrowIfNull(headerValues);
        string? firstError = null;
        foreach (string? headerValue in headerValues)
        {
            if (DigestChallenge.TryParse(headerValue, out challenge, out error) && CanAnswer(challenge, out error))
            {
                return true;
            }

            firstError ??= error;
        }

        challenge = null;
        error = firstError ?? "no challenge present";
        return false;
    }

    /// <summary>
    /// Answers <paramref name="challenge"/> with a password; throws when the challenge cannot be
    /// answered (use <see cref="TryCreateAuthorization"/> to get the reason instead).
    /// </summary>
    /// <exception cref="InvalidOperationException">The challenge or inputs cannot be answered.</exception>
    public string CreateAuthorization(DigestChallenge challenge, string username, string password, string method, string digestUri)
    {
        ArgumentNullException.ThrowIfNull(password);
        return TryCreateAuthorization(challenge, username, DigestSecret.FromPassword(password), method, digestUri, out string? value, out string error)
            ? value
            : throw new InvalidOperationException(error);
    }

    /// <summary>
    /// Builds the Authorization / Proxy-Authorization value for <paramref name="challenge"/>:
    /// qop=auth with a fresh cnonce and the next nc for this nonce when "auth" is offered,
    /// otherwise the RFC 2069 form.
    /// </summary>
    /// <param name="challenge">The parsed challenge.</param>
    /// <param name="username">The username (hashed on the wire when the challenge sets userhash).</param>
    /// <param name="secret">The password or a stored HA1 for the challenge's realm.</param>
    /// <param name="method">The request method, e.g. "INVITE".</param>
    /// <param name="digestUri">The Request-URI of the request being authorized (RFC 3261 §22.4).</param>
    /// <param name="headerValue">The header value on success.</param>
    /// <param name="error">Why no answer could be built.</param>
    public bool TryCreateAuthorization(
        DigestChallenge challenge, string username, DigestSecret secret, string method, string digestUri,
        [NotNullWhen(true)] out string? headerValue, out string error)
    {
        headerValue = TryCreateCredentials(challenge, username, secret, method, digestUri, out DigestCredentials? credentials, out error)
            ? credentials.ToHeaderValue()
            : null;
        return headerValue is not null;
    }

    /// <summary>As <see cref="TryCreateAuthorization"/>, returning the credentials object.</summary>
    public bool TryCreateCredentials(
        DigestChallenge challenge, string username, DigestSecret secret, string method, string digestUri,
        [NotNullWhen(true)] out DigestCredentials? credentials, out string error)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(digestUri);
        credentials = null;
        if (!CanAnswer(challenge, out error))
        {
            return false;
        }

        if (HeaderCharacters.ContainsControl(username) || HeaderCharacters.ContainsControl(digestUri))
        {
            error = "username and digest-uri must not contain control characters";
            return false;
        }

        DigestAlgorithm algorithm = challenge.Algorithm;
        if (!secret.CanAnswer(algorithm))
        {
            error = $"the stored HA1 cannot answer {algorithm.Name}";
            return false;
        }

        string? qop = challenge.OffersQopAuth ? "auth" : null;
        string? cnonce = qop is null ? null : CreateCnonce();
        string? nonceCount = qop is null ? null : NextNonceCount(challenge.Nonce).ToString("x8", CultureInfo.InvariantCulture);

        // The hash always covers the real username; userhash only changes what is sent (RFC 7616 §3.4.4).
        var parameters = new DigestResponseParameters(
            method, digestUri, username, challenge.Realm, challenge.Nonce, cnonce, nonceCount, qop);
        string response = DigestCalculator.ComputeResponse(algorithm, secret, parameters);
        string wireUsername = challenge.UserHash ? DigestCalculator.ComputeUserHash(algorithm, username, challenge.Realm) : username;

        credentials = new DigestCredentials(wireUsername, challenge.Realm, challenge.Nonce, digestUri, response)
        {
            Algorithm = algorithm,
            Cnonce = cnonce,
            Opaque = challenge.Opaque,
            Qop = qop,
            NonceCount = nonceCount,
            UserHash = challenge.UserHash,
        };
        return true;
    }

    private static string CreateCnonce()
    {
        Span<byte> random = stackalloc byte[CnonceBytes];
        RandomNumberGenerator.Fill(random);
        return Convert.ToHexStringLower(random);
    }

    private uint NextNonceCount(string nonce)
    {
        lock (_gate)
        {
            if (_nonceCounts.TryGetValue(nonce, out uint last))
            {
                _nonceCounts[nonce] = last + 1;
                return last + 1;
            }

            if (_nonceCounts.Count >= MaxRememberedNonces && _nonceOrder.TryDequeue(out string? oldest))
            {
                _nonceCounts.Remove(oldest);
            }

            _nonceCounts.Add(nonce, 1);
            _nonceOrder.Enqueue(nonce);
            return 1;
        }
    }
}
