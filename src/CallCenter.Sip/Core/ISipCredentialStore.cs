using CallCenter.Auth;

namespace CallCenter.Sip.Core;

/// <summary>Where the UA core finds a user's digest secret (the agents of the configuration file).</summary>
public interface ISipCredentialStore
{
    /// <summary>The secret of <paramref name="username"/>, or null when no such user exists.</summary>
    DigestSecret? Find(string username);
}
