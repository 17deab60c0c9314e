using CallCenter.Media.Dtmf;

namespace CallCenter.Media.Tests.Dtmf.Support;

/// <summary>Feeds audio to an <see cref="InBandDtmfDetector"/> frame by frame, as the media layer would.</summary>
internal static class DetectorRun
{
    public static readonly DateTimeOffset Origin = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>All presses found in the signal followed by 200 ms of silence.</summary>
    public static List<DtmfEvent> Detect(double[] signal, int frameLength = 160, InBandDtmfDetectorOptions? options = null) =>
        Detect(TestSignals.ToPcm(TestSignals.Concat(signal, TestSignals.Silence(200))), frameLength, options);

    public static List<DtmfEvent> Detect(short[] pcm, int frameLength = 160, InBandDtmfDetectorOptions? options = null)
    {
        var detector = new InBandDtmfDetector(options);
        var events = new List<DtmfEvent>();
        for (var offset = 0; offset < pcm.Length; offset += frameLength)
        {
            var frame = pcm.AsSpan(offset, Math.Min(frameLength, pcm.Length - offset));
            var frameTime = Origin + TimeSpan.FromTicks(offset * TimeSpan.TicksPerSecond / TestSignals.SampleRate);
            events.AddRange(detector.Process(frame, frameTime));
        }

        return events;
    }

    public static string Digits(IEnumerable<DtmfEvent> events) => string.Concat(events.Select(e => e.Digit));
}
