using CallCenter.Calls.Media;

namespace CallCenter.Calls.Tests.Media.Support;

/// <summary>The events one leg raised, from whichever thread raised them.</summary>
internal sealed class MediaEventLog
{
    private readonly Lock _lock = new();
    private readonly List<MediaEvent> _events = [];

    public void Add(MediaEvent e)
    {
        lock (_lock)
        {
            _events.Add(e);
        }
    }

    public IReadOnlyList<MediaEvent> Snapshot()
    {
        lock (_lock)
        {
            return [.. _events];
        }
    }

    /// <summary>The keys reported so far, in order.</summary>
    public string Digits => string.Concat(Snapshot().OfType<MediaEvent.Digit>().Select(d => d.Key));

    public int PromptsFinished => Snapshot().OfType<MediaEvent.PromptFinished>().Count();

    public int Inactivity => Snapshot().OfType<MediaEvent.Inactive>().Count();

    public void WaitForDigits(string digits) =>
        Eventually.True(() => Digits.Length >= digits.Length, $"digits '{digits}' (got '{Digits}')");
}
