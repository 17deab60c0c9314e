namespace CallCenter.Sip.Transport;

/// <summary>
/// Finds where one SIP message ends in a byte stream (RFC 3261 §18.3). Pure and allocation-free except for the
/// reason text of an invalid stream.
/// </summary>
/// <remarks>
/// The header section ends at the first empty line (CRLFCRLF). On a stream the body length is known only from
/// Content-Length, so that header is mandatory there (RFC 3261 §18.3, §20.14); without it the stream is invalid.
/// </remarks>
public static class SipStreamFramer
{
    private static ReadOnlySpan<byte> HeaderTerminator => "\r\n\r\n"u8;

    /// <summary>
    /// Looks at the start of <paramref name="buffer"/> and says whether it holds a whole message, leading
    /// keep-alive line breaks, not enough bytes yet, or something that cannot be framed. Never throws on any input.
    /// </summary>
    /// <param name="buffer">Unconsumed stream bytes.</param>
    /// <param name="maxHeaderBytes">Largest header section accepted, start line and blank line included.</param>
    /// <param name="maxBodyBytes">Largest Content-Length accepted.</param>
    public static FrameResult TryFrame(ReadOnlySpan<byte> buffer, int maxHeaderBytes, int maxBodyBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxHeaderBytes, HeaderTerminator.Length);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBodyBytes);

        if (buffer.IsEmpty)
        {
            return FrameResult.NeedMore;
        }

        // RFC 3261 §7.5: CRLFs before a start line are ignored; RFC 5626 §3.5.1 uses CRLFCRLF as a ping.
        int lineBreaks = CountLeadingLineBreaks(buffer);
        if (lineBreaks > 0)
        {
            return FrameResult.KeepAlive(lineBreaks);
        }

        // Only the first maxHeaderBytes bytes may hold the header section, so the search never looks further.
        int searched = Math.Min(buffer.Length, maxHeaderBytes);
        int terminator = buffer[..searched].IndexOf(HeaderTerminator);
        if (terminator < 0)
        {
            return buffer.Length >= maxHeaderBytes
                ? FrameResult.Invalid($"header section exceeds {maxHeaderBytes} bytes")
                : FrameResult.NeedMore;
        }

        int headerLength = terminator + HeaderTerminator.Length;

        // Header lines run from after the start line up to and including the CRLF of the last header line.
        var headerBlock = buffer[..(terminator + 2)];
        var outcome = ContentLengthReader.Read(headerBlock, maxBodyBytes, out int bodyLength);
        if (outcome != null)
        {
            return FrameResult.Invalid(outcome);
        }

        int messageLength = headerLength + bodyLength;
        return buffer.Length >= messageLength ? FrameResult.Message(messageLength) : FrameResult.NeedMore;
    }

    private static int CountLeadingLineBreaks(ReadOnlySpan<byte> buffer)
    {
        int index = buffer.IndexOfAnyExcept((byte)'\r', (byte)'\n');
        return index < 0 ? buffer.Length : index;
    }
}
