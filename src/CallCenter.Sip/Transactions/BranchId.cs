using System.Security.Cryptography;
using CallCenter.Sip.Message;

namespace CallCenter.Sip.Transactions;

/// <summary>Via branch values for requests this element originates (RFC 3261 §8.1.1.7).</summary>
public static class BranchId
{
    /// <summary>
    /// A new branch: the magic cookie followed by 96 random bits in hex. §8.1.1.7 requires it to be unique across
    /// space and time; cryptographic randomness also keeps it unguessable, so an off-path attacker cannot forge
    /// responses that match our client transactions.
    /// </summary>
    public static string New()
    {
        Span<byte> random = stackalloc byte[12];
        RandomNumberGenerator.Fill(random);
        return ViaHeader.MagicCookie + Convert.ToHexStringLower(random);
    }
}
