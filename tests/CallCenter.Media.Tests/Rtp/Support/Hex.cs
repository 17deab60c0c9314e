namespace CallCenter.Media.Tests.Rtp.Support;

/// <summary>Test vectors are written as spaced hex, the way packet dumps show them.</summary>
internal static class Hex
{
    public static byte[] Bytes(string spacedHex) => Convert.FromHexString(spacedHex.Replace(" ", string.Empty).Replace("\n", string.Empty));
}
