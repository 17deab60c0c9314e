using CallCenter.Media.Tests.Rtp.Support;

namespace CallCenter.Media.Tests.Rtcp;

/// <summary>Hand-built RTCP packets (RFC 3550 §6.4–6.7), each commented field by field.</summary>
internal static class RtcpVectors
{
    /// <summary>
    /// SR, RC=1, length 12 words: SSRC 11223344; NTP E8000000.80000000; RTP ts 8000; 100 packets; 16000 octets;
    /// block for AABBCCDD: fraction 0x40, cumulative -2, ext. highest 0x00010005, jitter 16, LSR 12345678, DLSR 1 s.
    /// </summary>
    public static readonly byte[] SenderReport = Hex.Bytes(
        "81 C8 00 0C 11 22 33 44 E8 00 00 00 80 00 00 00 00 00 1F 40 00 00 00 64 00 00 3E 80 "
        + "AA BB CC DD 40 FF FF FE 00 01 00 05 00 00 00 10 12 34 56 78 00 01 00 00");

    /// <summary>RR, RC=0, length 1 word: SSRC 55667788, no blocks.</summary>
    public static readonly byte[] EmptyReceiverReport = Hex.Bytes("80 C9 00 01 55 66 77 88");

    /// <summary>RR, RC=2: SSRC 55667788, two blocks, the second with a cumulative loss of 7.</summary>
    public static readonly byte[] ReceiverReportTwoBlocks = Hex.Bytes(
        "82 C9 00 0D 55 66 77 88 "
        + "00 00 00 01 00 00 00 00 00 00 00 0A 00 00 00 00 00 00 00 00 00 00 00 00 "
        + "00 00 00 02 1A 00 00 07 00 02 FF FF 00 00 01 00 AB CD EF 01 00 00 80 00");

    /// <summary>SDES, SC=1, length 3 words: SSRC 11223344, CNAME "alice", null terminator (already aligned).</summary>
    public static readonly byte[] SdesCname = Hex.Bytes("81 CA 00 03 11 22 33 44 01 05 61 6C 69 63 65 00");

    /// <summary>
    /// SDES, SC=2: chunk 1 SSRC 01020304 with NAME "bo" and TOOL "x" then nulls to the boundary; chunk 2 SSRC
    /// 0A0B0C0D with no items (one null octet and three of padding).
    /// </summary>
    public static readonly byte[] SdesTwoChunks = Hex.Bytes(
        "82 CA 00 05 01 02 03 04 02 02 62 6F 06 01 78 00 0A 0B 0C 0D 00 00 00 00");

    /// <summary>BYE, SC=1, length 2 words: SSRC 11223344, reason "bye" (length octet 3).</summary>
    public static readonly byte[] ByeWithReason = Hex.Bytes("81 CB 00 02 11 22 33 44 03 62 79 65");

    /// <summary>BYE, SC=2, no reason.</summary>
    public static readonly byte[] ByeTwoSources = Hex.Bytes("82 CB 00 02 11 22 33 44 55 66 77 88");

    /// <summary>APP, subtype 0, length 2 words: SSRC 11223344, name "TEST".</summary>
    public static readonly byte[] App = Hex.Bytes("80 CC 00 02 11 22 33 44 54 45 53 54");

    /// <summary>RR with the P bit: SSRC 55667788 then 4 padding octets ending in the count 4.</summary>
    public static readonly byte[] PaddedReceiverReport = Hex.Bytes("A0 C9 00 02 55 66 77 88 00 00 00 04");

    /// <summary>A transport-layer feedback packet (PT 205, RFC 4585), a type this code does not interpret.</summary>
    public static readonly byte[] Feedback = Hex.Bytes("81 CD 00 02 11 22 33 44 55 66 77 88");

    public static byte[] Concat(params byte[][] packets) => packets.SelectMany(p => p).ToArray();
}
