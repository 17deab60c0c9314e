using CallCenter.Sip.Message;

namespace CallCenter.Sip.Registrar;

/// <summary>One Contact of a REGISTER after its expiry has been decided (§10.3 step 6).</summary>
/// <param name="Uri">The parsed Contact URI.</param>
/// <param name="Text">The Contact URI as registered.</param>
/// <param name="ExpiresSeconds">Granted lifetime; 0 removes the binding.</param>
/// <param name="Q">Preference from the q parameter.</param>
public readonly record struct ContactUpdate(SipUri Uri, string Text, long ExpiresSeconds, double Q)
{
    /// <summary>
    /// The identity used to find an existing binding: the parts of the URI that §19.1.4 compares
    /// (scheme, unescaped user, host case-insensitively, port, transport).
    /// </summary>
    public static string KeyOf(SipUri uri) =>
        string.Concat(uri.Scheme, ":", uri.UnescapedUser, "@", uri.Host.ToLowerInvariant(), ":", uri.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture), ";", uri.Transport);
}
