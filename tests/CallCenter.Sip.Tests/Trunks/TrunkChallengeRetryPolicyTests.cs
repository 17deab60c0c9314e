using CallCenter.Sip.Core;

namespace CallCenter.Sip.Tests.Trunks;

/// <summary>When a challenged request is sent again with credentials (RFC 3261 §22.2, RFC 7616 §3.3 stale).</summary>
public sealed class TrunkChallengeRetryPolicyTests
{
    [Fact]
    public void The_first_401_and_the_first_407_are_answered()
    {
        var policy = default(ChallengeRetryPolicy);

        Assert.True(policy.Allows(401, stale: false));
        Assert.True(policy.Allows(407, stale: false));
        Assert.True(policy.After(407).Allows(401, stale: false));
    }

    [Fact]
    public void A_second_challenge_of_the_same_kind_means_the_credentials_were_refused_unless_stale()
    {
        var answered = default(ChallengeRetryPolicy).After(401);

        Assert.False(answered.Allows(401, stale: false));
        Assert.True(answered.Allows(401, stale: true));
    }

    [Fact]
    public void Stale_nonces_cannot_loop_forever()
    {
        var policy = default(ChallengeRetryPolicy);
        for (var i = 0; i < ChallengeRetryPolicy.MaxRetries; i++)
        {
            Assert.True(policy.Allows(401, stale: true));
            policy = policy.After(401);
        }

        Assert.False(policy.Allows(401, stale: true));
        Assert.Equal(ChallengeRetryPolicy.MaxRetries, policy.Count);
    }

    [Fact]
    public void Other_statuses_are_never_retried() => Assert.False(default(ChallengeRetryPolicy).Allows(403, stale: true));
}
