using CallCenter.Ivr.Loading;

namespace CallCenter.Ivr.Catalog;

/// <summary>
/// Watches a flows folder and calls back once the flow files have been quiet for a while. Saving a file in an
/// editor is several file-system events (write to a temporary file, rename it over the old one, change the
/// attributes); waiting for the last of them means a reload sees the finished file, and one save is one reload.
/// </summary>
internal sealed class FlowFolderWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly ITimer _quietTimer;
    private readonly TimeSpan _quietPeriod;
    private readonly Action<string> _failed;

    /// <summary>Starts watching <paramref name="directory"/>; <paramref name="changed"/> runs on a timer thread.</summary>
    public FlowFolderWatcher(string directory, TimeSpan quietPeriod, TimeProvider time, Action changed, Action<string> failed)
    {
        _quietPeriod = quietPeriod;
        _failed = failed;
        _quietTimer = time.CreateTimer(_ => changed(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        // Every name is watched and the flow files picked out here: an editor's rename of "main.yaml.tmp" over
        // "main.yaml" must count, and a watcher filter may test only one of the two names.
        _watcher = new FileSystemWatcher(directory)
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += OnChanged;
        _watcher.Created += OnChanged;
        _watcher.Deleted += OnChanged;
        _watcher.Renamed += OnRenamed;
        _watcher.Error += OnError;
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Restarts the quiet period: the callback runs once nothing has changed for that long.</summary>
    public void Touch() => _quietTimer.Change(_quietPeriod, Timeout.InfiniteTimeSpan);

    /// <summary>Stops watching; a callback already due may still run.</summary>
    public void Dispose()
    {
        _watcher.EnableRaisingEvents = false;
        _watcher.Dispose();
        _quietTimer.Dispose();
    }

    /// <summary>True when an event about <paramref name="name"/> (renamed from <paramref name="oldName"/>, if it was) concerns a flow file.</summary>
    internal static bool IsFlowChange(string? name, string? oldName = null) => IsFlowFile(name) || IsFlowFile(oldName);

    private static bool IsFlowFile(string? name) =>
        name is not null && name.EndsWith(FlowLoader.FileExtension, StringComparison.Ordinal);

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        if (IsFlowChange(e.Name))
        {
            Touch();
        }
    }

    private void OnRenamed(object sender, RenamedEventArgs e)
    {
        if (IsFlowChange(e.Name, e.OldName))
        {
            Touch();
        }
    }

    // The kernel's event queue overflowed (or similar): some changes were lost, so reload everything anyway.
    private void OnError(object sender, ErrorEventArgs e)
    {
        _failed(e.GetException().Message);
        Touch();
    }
}
