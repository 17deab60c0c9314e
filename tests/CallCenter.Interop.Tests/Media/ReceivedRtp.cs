namespace CallCenter.Interop.Tests.Media;

/// <summary>
/// One RTP packet (RFC 3550 §5.1) as a test socket received it: when it arrived (<see cref="System.Diagnostics.Stopwatch"/>
/// ticks, so arrivals can be compared at sub-millisecond precision), its header fields and a copy of its payload.
/// </summary>
public sealed record ReceivedRtp(long ArrivalTicks, byte PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc, byte[] Payload);
