using System.Threading.Channels;

namespace CallCenter.Media.Dtmf;

/// <summary>
/// The single key stream of one call, whatever carried each press. A phone may report the same press twice
/// (RFC 4733 packets and the tones left in its audio, or RFC 4733 and SIP INFO); a report is dropped when an
/// already accepted press of the same key, first reported by a different method, started within
/// <see cref="DtmfMergerOptions.Window"/> of it. Matching is one to one: each method can confirm a press only
/// once, so "11" reported by two methods is still two presses. Reports of one method are never merged with
/// each other; each receiver already removes its own duplicates.
/// Thread-safe: RTP, audio and SIP threads may offer reports concurrently.
/// </summary>
public sealed class DtmfMerger
{
    private readonly object _gate = new();
    private readonly DtmfMergerOptions _options;
    private readonly LinkedList<AcceptedPress> _recent = new();
    private readonly Channel<DtmfEvent> _digits = Channel.CreateUnbounded<DtmfEvent>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Creates the merger of one call.</summary>
    public DtmfMerger(DtmfMergerOptions? options = null)
    {
        _options = options ?? new DtmfMergerOptions();
        _options.Validate();
    }

    /// <summary>The accepted presses, in the order they were accepted (the IVR reads its keys here).</summary>
    public ChannelReader<DtmfEvent> Digits => _digits.Reader;

    /// <summary>
    /// Offers a report; returns true and publishes it on <see cref="Digits"/> when it is a new press, false
    /// when it repeats a press already accepted from another method.
    /// </summary>
    public bool Offer(DtmfEvent report)
    {
        ArgumentNullException.ThrowIfNull(report);
        lock (_gate)
        {
            if (FindUnconfirmedMatch(report) is { } press)
            {
                press.ConfirmedBy.Add(report.Method);
                return false;
            }

            _recent.AddFirst(new AcceptedPress(report));
            if (_recent.Count > _options.RememberedPresses)
            {
                _recent.RemoveLast();
            }

            _digits.Writer.TryWrite(report);
            return true;
        }
    }

    /// <summary>Ends the stream (call over): readers see completion after the last press.</summary>
    public void Complete() => _digits.Writer.TryComplete();

    /// <summary>The closest accepted press of the same key that this report's method has not yet confirmed.</summary>
    private AcceptedPress? FindUnconfirmedMatch(DtmfEvent report)
    {
        AcceptedPress? best = null;
        var bestDistance = TimeSpan.MaxValue;
        foreach (var press in _recent)
        {
            var distance = (press.Report.StartTime - report.StartTime).Duration();
            if (press.Report.Digit == report.Digit
                && !press.ConfirmedBy.Contains(report.Method)
                && distance <= _options.Window
                && distance < bestDistance)
            {
                best = press;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>An accepted press and the methods that have reported it (the first one included).</summary>
    private sealed class AcceptedPress(DtmfEvent report)
    {
        public DtmfEvent Report { get; } = report;

        public HashSet<DtmfMethod> ConfirmedBy { get; } = [report.Method];
    }
}
