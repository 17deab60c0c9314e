using System.Security.Cryptography;

namespace CallCenter.Sip.Transactions;

/// <summary>Random To/From tags (RFC 3261 §19.3: at least 32 bits of randomness).</summary>
internal static class RandomTag
{
    /// <summary>64 random bits in hex.</summary>
    public static string New()
    {
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        return Convert.ToHexStringLower(random);
    }
}
