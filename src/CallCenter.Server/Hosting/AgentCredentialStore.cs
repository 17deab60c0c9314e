using CallCenter.Auth;
using CallCenter.Config;
using CallCenter.Sip.Core;

namespace CallCenter.Server.Hosting;

/// <summary>Digest secrets of the configured agents (extension = SIP user name).</summary>
public sealed class AgentCredentialStore(CallCenterConfig config) : ISipCredentialStore
{
    /// <inheritdoc />
    public DigestSecret? Find(string username)
    {
        if (!config.TryGetAgent(username, out var agent))
        {
            return null;
        }

        return agent.Secret.Kind == AgentSecretKind.Ha1
            ? DigestSecret.FromHa1(agent.Secret.RevealHa1Hex())
            : DigestSecret.FromPassword(agent.Secret.RevealPassword());
    }
}
