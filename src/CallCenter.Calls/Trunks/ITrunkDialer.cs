using CallCenter.Calls.Legs;

namespace CallCenter.Calls.Trunks;

/// <summary>Places calls to the phone network through the configured trunk (callbacks).</summary>
public interface ITrunkDialer
{
    /// <summary>
    /// Normalises <paramref name="number"/> to E.164 with the trunk's default region, or returns false with the reason
    /// (too short, not a valid number…). Used to validate a number the caller keyed in before it is stored.
    /// </summary>
    bool TryNormalize(string number, out string e164, out string error);

    /// <summary>
    /// Calls <paramref name="e164"/> through the trunk with our SDP offer, From the trunk's caller id; events arrive
    /// through <paramref name="onEvent"/> in order, like an agent leg's. Challenges (401/407) are answered with the
    /// trunk's credentials.
    /// </summary>
    IAgentLeg Dial(string e164, string offerSdp, Action<AgentLegEvent> onEvent);
}
