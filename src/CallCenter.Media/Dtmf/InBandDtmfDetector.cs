namespace CallCenter.Media.Dtmf;

/// <summary>
/// Finds key presses in the audio of one call: 8 kHz, 16-bit linear PCM (for example decoded G.711), fed
/// in frames of any length (usually 20 ms). Each 20 ms window, sliding by 5 ms, must pass the level,
/// evenness, relative-peak, twist, signal-to-noise and harmonic checks of <see cref="InBandDtmfDetectorOptions"/>;
/// a key is reported once it has sounded for <see cref="InBandDtmfDetectorOptions.MinToneDuration"/> and then
/// stopped for <see cref="InBandDtmfDetectorOptions.MinPause"/>, with the start and length measured to about 5 ms.
/// Not thread-safe: feed one stream from one thread.
/// </summary>
public sealed class InBandDtmfDetector
{
    /// <summary>The only sample rate accepted (narrowband telephony).</summary>
    public const int SampleRate = DtmfToneAnalyzer.SampleRate;

    private const int WindowsPerPauseOverlap = DtmfToneAnalyzer.SubBlocksPerWindow - 1;

    private readonly DtmfToneAnalyzer _analyzer;
    private readonly short[] _subBlock = new short[DtmfToneAnalyzer.SubBlockLength];
    private readonly int _minToneWindows;
    private readonly int _pauseWindows;
    private int _subBlockFill;
    private long _samples;
    private DateTimeOffset _origin;

    private char? _candidate;
    private int _candidateWindows;
    private long _candidateStart;

    private char? _active;
    private long _activeStart;
    private long _activeLastEnd;
    private int _misses;

    /// <summary>Creates a detector for one audio stream.</summary>
    public InBandDtmfDetector(InBandDtmfDetectorOptions? options = null)
    {
        options ??= new InBandDtmfDetectorOptions();
        options.Validate();
        _analyzer = new DtmfToneAnalyzer(options);
        var hop = DtmfToneAnalyzer.HopDuration;
        // A tone of length T fills (T − window) / hop + 1 consecutive windows.
        _minToneWindows = (int)Math.Round((options.MinToneDuration - DtmfToneAnalyzer.WindowDuration) / hop) + 1;
        // A pause of length P spoils P / hop windows plus the three that overlap its edges.
        _pauseWindows = (int)Math.Round(options.MinPause / hop) + WindowsPerPauseOverlap;
    }

    /// <summary>The key currently sounding, once it has lasted the minimum duration (for barge-in).</summary>
    public char? ActiveDigit => _active;

    /// <summary>
    /// Analyses the next frame and returns the presses that ended in it.
    /// </summary>
    /// <param name="samples">Consecutive 8 kHz samples following the previous frame.</param>
    /// <param name="startTime">When the frame's first sample was captured or received.</param>
    public IReadOnlyList<DtmfEvent> Process(ReadOnlySpan<short> samples, DateTimeOffset startTime)
    {
        _origin = startTime - SamplesToTime(_samples);
        List<DtmfEvent>? ended = null;
        while (!samples.IsEmpty)
        {
            var take = Math.Min(samples.Length, _subBlock.Length - _subBlockFill);
            samples[..take].CopyTo(_subBlock.AsSpan(_subBlockFill));
            samples = samples[take..];
            _subBlockFill += take;
            _samples += take;
            if (_subBlockFill == _subBlock.Length)
            {
                _subBlockFill = 0;
                var verdict = _analyzer.Analyze(_subBlock, out var digit);
                OnWindow(verdict == DtmfWindowVerdict.Key ? digit : null, ref ended);
            }
        }

        return ended ?? (IReadOnlyList<DtmfEvent>)[];
    }

    /// <summary>Ends the stream: reports a key still sounding, and forgets all audio.</summary>
    public IReadOnlyList<DtmfEvent> Flush()
    {
        List<DtmfEvent>? ended = null;
        if (_active is { } digit)
        {
            (ended ??= []).Add(CreateEvent(digit));
        }

        Reset();
        return ended ?? (IReadOnlyList<DtmfEvent>)[];
    }

    /// <summary>Forgets all audio and any key in progress (after a gap or a codec change).</summary>
    public void Reset()
    {
        _analyzer.Reset();
        _subBlockFill = 0;
        _active = null;
        _candidate = null;
        _candidateWindows = 0;
        _misses = 0;
    }

    private void OnWindow(char? digit, ref List<DtmfEvent>? ended)
    {
        var windowEnd = _samples;
        if (_active is { } active)
        {
            if (digit == active)
            {
                _activeLastEnd = windowEnd;
                _misses = 0;
            }
            else if (++_misses >= _pauseWindows)
            {
                (ended ??= []).Add(CreateEvent(active));
                _active = null;
                _candidate = null;
                _candidateWindows = 0;
            }

            return;
        }

        if (digit is null)
        {
            _candidate = null;
            _candidateWindows = 0;
            return;
        }

        if (digit != _candidate)
        {
            _candidate = digit;
            _candidateWindows = 0;
            _candidateStart = windowEnd - DtmfToneAnalyzer.WindowLength;
        }

        if (++_candidateWindows >= _minToneWindows)
        {
            _active = digit;
            _activeStart = _candidateStart;
            _activeLastEnd = windowEnd;
            _misses = 0;
        }
    }

    private DtmfEvent CreateEvent(char digit) =>
        new(digit, DtmfMethod.InBand, _origin + SamplesToTime(_activeStart), SamplesToTime(_activeLastEnd - _activeStart));

    private static TimeSpan SamplesToTime(long samples) => TimeSpan.FromTicks(samples * TimeSpan.TicksPerSecond / SampleRate);
}
