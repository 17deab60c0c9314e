using CallCenter.Media.Audio;
using CallCenter.Media.G711;

namespace CallCenter.Calls.Media;

/// <summary>
/// What one leg sends each 20 ms when it is not bridged: the next frame of a prompt list, a looping tone,
/// or silence. Pure and single-threaded: the leg calls it under its own lock from the media clock.
/// </summary>
public sealed class FramePlayer(G711Law law)
{
    private IReadOnlyList<Prompt> _prompts = [];
    private int _promptIndex;
    private int _frameIndex;
    private bool _loop;

    /// <summary>The law frames are produced in.</summary>
    public G711Law Law { get; set; } = law;

    /// <summary>True while prompts or a tone are playing.</summary>
    public bool IsPlaying => _promptIndex < _prompts.Count;

    /// <summary>Starts <paramref name="prompts"/> from their beginning, replacing what was playing.</summary>
    public void Play(IReadOnlyList<Prompt> prompts, bool loop = false)
    {
        _prompts = prompts;
        _promptIndex = 0;
        _frameIndex = 0;
        _loop = loop;
    }

    /// <summary>Stops playback; silence follows.</summary>
    public void Stop() => _prompts = [];

    /// <summary>
    /// The frame to send now; <paramref name="finished"/> is true, exactly once, when it is the last frame of a
    /// non-looping playback.
    /// </summary>
    public ReadOnlyMemory<byte> NextFrame(out bool finished)
    {
        finished = false;
        if (_promptIndex >= _prompts.Count)
        {
            return G711Frame.Silence(Law);
        }

        var prompt = _prompts[_promptIndex];
        var frame = prompt.GetFrame(Law, _frameIndex);
        if (++_frameIndex >= prompt.FrameCount)
        {
            _frameIndex = 0;
            if (++_promptIndex >= _prompts.Count)
            {
                if (_loop)
                {
                    _promptIndex = 0;
                }
                else
                {
                    _prompts = [];
                    _promptIndex = 0;
                    finished = true;
                }
            }
        }

        return frame;
    }
}
