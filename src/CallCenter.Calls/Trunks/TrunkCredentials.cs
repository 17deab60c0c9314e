using CallCenter.Auth;
using CallCenter.Config;
using CallCenter.Sip.Core;

namespace CallCenter.Calls.Trunks;

/// <summary>The digest credentials a trunk's <c>register:</c> section gives, for its REGISTERs and its calls' challenges.</summary>
public static class TrunkCredentials
{
    /// <summary>The credentials of <paramref name="trunk"/>, or null when it authenticates by address only.</summary>
    public static UacCredentials? Of(TrunkConfig trunk)
    {
        ArgumentNullException.ThrowIfNull(trunk);
        if (trunk.Register is not { } register)
        {
            return null;
        }

        var secret = register.Secret.Kind == AgentSecretKind.Ha1
            ? DigestSecret.FromHa1(register.Secret.RevealHa1Hex())
            : DigestSecret.FromPassword(register.Secret.RevealPassword());
        return new UacCredentials(register.Username, secret, register.Realm);
    }
}
