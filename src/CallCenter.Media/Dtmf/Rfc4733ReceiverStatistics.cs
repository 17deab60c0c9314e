namespace CallCenter.Media.Dtmf;

/// <summary>Counters of one <see cref="Rfc4733Receiver"/>, for diagnostics and metrics.</summary>
/// <param name="Packets">Telephone-event packets received.</param>
/// <param name="MalformedPackets">Packets whose payload was not a whole number of event blocks.</param>
/// <param name="DuplicateBlocks">Blocks that repeated an event already known (end retransmissions, duplicates).</param>
/// <param name="IgnoredBlocks">Blocks for events that are not DTMF keys (hook flash, fax and modem tones…).</param>
/// <param name="Digits">Key presses reported.</param>
/// <param name="LostStarts">Presses first seen on a packet without the marker bit: the start packet was lost.</param>
/// <param name="MissingEnds">Presses closed without an end packet (timed out or followed by another event).</param>
public readonly record struct Rfc4733ReceiverStatistics(
    long Packets,
    long MalformedPackets,
    long DuplicateBlocks,
    long IgnoredBlocks,
    long Digits,
    long LostStarts,
    long MissingEnds);
