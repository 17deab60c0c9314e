namespace CallCenter.Media.Rtcp;

/// <summary>
/// The compound RTCP packet a participant of a two-party session sends (RFC 3550 §6.1): an SR when it has been
/// sending RTP (§6.4.1), else an RR (§6.4.2), with at most one report block — about the one peer's source — then the
/// SDES CNAME that every compound must carry (§6.5.1), then a BYE when the participant is leaving (§6.6).
/// </summary>
/// <param name="Ssrc">Our synchronization source.</param>
/// <param name="SenderInfo">Sender information for an SR; null for an RR.</param>
/// <param name="ReportBlock">What we received from the peer's source; null when nothing has been received.</param>
/// <param name="Goodbye">True to end the compound with a BYE for <paramref name="Ssrc"/>.</param>
public readonly record struct RtcpReport(uint Ssrc, RtcpSenderInfo? SenderInfo, RtcpReportBlock? ReportBlock, bool Goodbye)
{
    /// <summary>A buffer this long holds any report: SR with one block, a 255-octet CNAME and a BYE.</summary>
    public const int MaxLength = 28 + RtcpReportBlock.Length + 268 + 8;

    /// <summary>True when the report is an SR.</summary>
    public bool IsSenderReport => SenderInfo is not null;

    /// <summary>Writes the compound packet; false (nothing usable written) when <paramref name="destination"/> is too small.</summary>
    /// <param name="destination">Where to write; <see cref="MaxLength"/> octets always suffice.</param>
    /// <param name="canonicalName">Our CNAME, 1 to 255 octets of UTF-8.</param>
    /// <param name="written">Octets written.</param>
    /// <exception cref="ArgumentException">The CNAME is empty or longer than 255 octets.</exception>
    public bool TryWrite(Span<byte> destination, ReadOnlySpan<byte> canonicalName, out int written)
    {
        written = 0;
        var writer = new RtcpCompoundWriter(destination);
        ReadOnlySpan<RtcpReportBlock> blocks = ReportBlock is { } block ? [block] : [];
        bool ok = SenderInfo is { } info
            ? writer.TryWriteSenderReport(Ssrc, info, blocks)
            : writer.TryWriteReceiverReport(Ssrc, blocks);
        ok = ok && writer.TryWriteCanonicalName(Ssrc, canonicalName);
        if (ok && Goodbye)
        {
            ok = writer.TryWriteGoodbye([Ssrc], default);
        }

        if (ok)
        {
            written = writer.Length;
        }

        return ok;
    }
}
