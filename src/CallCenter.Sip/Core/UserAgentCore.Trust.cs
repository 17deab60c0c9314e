using CallCenter.Sip.Transactions;

namespace CallCenter.Sip.Core;

/// <summary>
/// Which callers we take without a digest challenge, and who they are: requests from a trusted provider's addresses
/// (a trunk, RFC 3325 §2.3) need no credentials and may assert the caller's identity; anyone else must either be
/// one of our users proving it (§22) or be let in explicitly by <see cref="AcceptAnonymousCallers"/>.
/// </summary>
public sealed partial class UserAgentCore
{
    /// <summary>The providers' networks (the trunks' addresses); nobody by default. Replace it, do not mutate it.</summary>
    public TrustedSources TrustedSources { get; set; } = TrustedSources.None;

    /// <summary>True when <paramref name="source"/> is a trusted provider's address.</summary>
    public bool IsTrustedSource(SipRemote source) => TrustedSources.TryMatch(source.EndPoint.Address, out _);

    /// <summary>
    /// Who calls in <paramref name="invite"/>: P-Asserted-Identity from a trusted provider when present, else From;
    /// no number when the caller is anonymous or asked for privacy (see <see cref="CallerIdentityReader"/>).
    /// </summary>
    public CallerIdentity ResolveCaller(ServerTransaction invite)
    {
        ArgumentNullException.ThrowIfNull(invite);
        return CallerIdentityReader.Read(invite.Request, IsTrustedSource(invite.Source));
    }

    /// <summary>
    /// A new INVITE needs no credentials when it does not claim to be one of our users and carries none, and it comes
    /// from a trusted provider or <see cref="AcceptAnonymousCallers"/> lets the public in. A request naming one of our
    /// users in From is always challenged, from any address: it could otherwise act as that agent.
    /// </summary>
    private bool MayCallWithoutCredentials(ServerTransaction transaction)
    {
        var request = transaction.Request;
        if (_authenticator.IsKnownUser(request.From!.Uri.UnescapedUser) || request.Headers.Contains(Message.KnownHeader.Authorization))
        {
            return false;
        }

        return AcceptAnonymousCallers || IsTrustedSource(transaction.Source);
    }
}
