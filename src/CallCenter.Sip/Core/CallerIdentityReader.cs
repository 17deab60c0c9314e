using CallCenter.Sip.Message;

namespace CallCenter.Sip.Core;

/// <summary>
/// Reads who is calling from an INVITE. From a trusted provider (RFC 3325 §9.1) the P-Asserted-Identity is believed
/// when present (its tel URI first, else its SIP URI), else From; from anyone else P-Asserted-Identity is ignored
/// (§9.1: only a trusted element may assert). A caller who asks for privacy (RFC 3323 §4.2 "user", RFC 3325 §9.3
/// "id") or writes the anonymous From of RFC 3323 §4.1.1.3 (anonymous@anonymous.invalid) has no number. Pure, and
/// never throws for any header content.
/// </summary>
public static class CallerIdentityReader
{
    /// <summary>The caller's identity in <paramref name="invite"/>; <paramref name="trusted"/> when it came from a trusted provider.</summary>
    public static CallerIdentity Read(SipRequest invite, bool trusted)
    {
        ArgumentNullException.ThrowIfNull(invite);
        if (AsksForPrivacy(invite))
        {
            return CallerIdentity.Withheld;
        }

        if (trusted && AssertedNumber(invite) is { } asserted)
        {
            return asserted.Length == 0 ? CallerIdentity.Withheld : new CallerIdentity(asserted, CallerIdentitySource.AssertedIdentity);
        }

        return invite.From is { } from && NumberOf(from.Uri) is { Length: > 0 } number
            ? new CallerIdentity(number, CallerIdentitySource.From)
            : CallerIdentity.Withheld;
    }

    /// <summary>RFC 3323 §4.2: Privacy is a list of priv-values separated by ';' (and, as a list header, by ',').</summary>
    private static bool AsksForPrivacy(SipRequest invite)
    {
        foreach (var element in invite.Headers.ElementsOf(KnownHeader.Privacy))
        {
            foreach (var value in element.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (value.Equals("id", StringComparison.OrdinalIgnoreCase) || value.Equals("user", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// RFC 3325 §9.1: one or two identities, at most one SIP/SIPS URI and one tel URI. The tel URI is the telephone
    /// number itself and is preferred. Null when no usable identity is asserted; empty when the asserted one is anonymous.
    /// </summary>
    private static string? AssertedNumber(SipRequest invite)
    {
        string? sipNumber = null;
        foreach (var element in invite.Headers.ElementsOf(KnownHeader.PAssertedIdentity))
        {
            if (!NameAddress.TryParse(element, out var identity, out _))
            {
                continue;
            }

            if (identity.Uri.Scheme == "tel")
            {
                return NumberOf(identity.Uri) ?? string.Empty;
            }

            if (identity.Uri.IsSip && sipNumber is null)
            {
                sipNumber = NumberOf(identity.Uri) ?? string.Empty;
            }
        }

        return sipNumber;
    }

    /// <summary>The number a URI names, or null for an anonymous or user-less one.</summary>
    private static string? NumberOf(SipUri uri)
    {
        if (uri.Host.Equals("anonymous.invalid", StringComparison.OrdinalIgnoreCase) || uri.User is not { } rawUser)
        {
            return null;
        }

        var user = uri.Scheme == "tel" ? rawUser : SipUri.Unescape(rawUser);
        if (uri.Scheme == "tel" || string.Equals(uri.Parameters.Get("user"), "phone", StringComparison.OrdinalIgnoreCase))
        {
            user = TelephoneNumber(user);
        }

        return user.Length == 0 || user.Equals("anonymous", StringComparison.OrdinalIgnoreCase) ? null : user;
    }

    /// <summary>
    /// RFC 3966 §5.1: a telephone-subscriber is the number with optional visual separators (- . ( )) and then
    /// parameters after ';' (§19.1.1 of RFC 3261 carries the same form in a SIP user part with user=phone).
    /// </summary>
    private static string TelephoneNumber(string subscriber)
    {
        var end = subscriber.IndexOf(';');
        var number = end < 0 ? subscriber : subscriber[..end];
        return string.Concat(number.Where(c => c is not ('-' or '.' or '(' or ')')));
    }
}
