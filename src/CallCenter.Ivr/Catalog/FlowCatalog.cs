using System.Collections.Frozen;
using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Loading;
using CallCenter.Ivr.Prompts;
using CallCenter.Ivr.Validation;
using Microsoft.Extensions.Logging;

namespace CallCenter.Ivr.Catalog;

/// <summary>
/// The IVR flows the server runs: every flow of the flows folder, loaded at start and reloaded when a flow file
/// changes. A reload checks the whole folder again; when anything in it is an error the change is refused (every
/// problem is logged) and the flows loaded before stay in use, so a typo never takes a working line down. A good
/// change replaces all flows at once: a call already in a flow keeps the <see cref="FlowDefinition"/> it started
/// with (definitions are immutable), and the next call gets the new one.
/// </summary>
public sealed class FlowCatalog : IDisposable
{
    /// <summary>How long the folder must be quiet after a change before it is reloaded.</summary>
    public static readonly TimeSpan DefaultQuietPeriod = TimeSpan.FromMilliseconds(300);

    private static readonly Snapshot Empty = new(FrozenDictionary<string, FlowDefinition>.Empty, 0);

    private readonly IPromptCatalog _prompts;
    private readonly TimeProvider _time;
    private readonly ILogger<FlowCatalog> _logger;
    private readonly Lock _reloadLock = new();
    private volatile Snapshot _current = Empty;
    private FlowFolderWatcher? _watcher;
    private bool _disposed;

    /// <summary>A catalog of the flows in <paramref name="directory"/>, empty until <see cref="Load"/>.</summary>
    public FlowCatalog(string directory, IPromptCatalog prompts, TimeProvider time, ILogger<FlowCatalog> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        Directory = directory;
        _prompts = prompts;
        _time = time;
        _logger = logger;
    }

    /// <summary>Raised after every reload, accepted or refused (on the thread that reloaded).</summary>
    public event EventHandler<FlowReloadedEventArgs>? Reloaded;

    /// <summary>The flows folder.</summary>
    public string Directory { get; }

    /// <summary>How long the folder must be quiet after a change before it is reloaded; <see cref="DefaultQuietPeriod"/> unless set.</summary>
    public TimeSpan QuietPeriod { get; init; } = DefaultQuietPeriod;

    /// <summary>Flows that must be in every accepted set (e.g. one per dialled number); a set lacking one is refused.</summary>
    public IReadOnlyList<FlowRequirement> Requirements { get; init; } = [];

    /// <summary>
    /// The queues a <c>callback</c> node may name (the configuration's, and the implicit default one); a set with a node
    /// naming another is refused. Null when the queues are not known (the flows are then not checked for them).
    /// </summary>
    public IReadOnlySet<string>? KnownQueues { get; init; }

    /// <summary>The flows in use, by name; one consistent set (a reload swaps the whole set at once).</summary>
    public IReadOnlyDictionary<string, FlowDefinition> Flows => _current.Flows;

    /// <summary>0 before the first load, then 1, plus one for each accepted reload.</summary>
    public long Version => _current.Version;

    /// <summary>True once <see cref="StartWatching"/> has run (until disposed).</summary>
    public bool IsWatching => Volatile.Read(ref _watcher) is not null;

    /// <summary>The flow named <paramref name="name"/> in the current set, or null. Lock-free; for each new call.</summary>
    public FlowDefinition? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _current.Flows.GetValueOrDefault(name);
    }

    /// <summary>
    /// Loads the folder for the first time (logging warnings) and returns what was checked.
    /// </summary>
    /// <exception cref="FlowCatalogException">Any flow has an error; the message lists every problem.</exception>
    public FlowSet Load()
    {
        lock (_reloadLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            FlowSet checkedSet = Check();
            if (checkedSet.HasErrors)
            {
                throw new FlowCatalogException(Directory, checkedSet);
            }

            Accept(checkedSet);
            return checkedSet;
        }
    }

    /// <summary>
    /// Checks the folder again and swaps to the new flows when none has an error; otherwise logs every problem and
    /// keeps the flows in use. Raises <see cref="Reloaded"/> either way. True when the new flows were taken.
    /// </summary>
    public bool Reload()
    {
        FlowReloadedEventArgs outcome;
        lock (_reloadLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            FlowSet checkedSet = Check();
            if (checkedSet.HasErrors)
            {
                FlowCatalogLog.Refused(_logger, Directory, _current.Version, FlowProblemText.Lines(checkedSet));
                outcome = new FlowReloadedEventArgs(accepted: false, _current.Version, checkedSet);
            }
            else
            {
                Accept(checkedSet);
                outcome = new FlowReloadedEventArgs(accepted: true, _current.Version, checkedSet);
            }
        }

        // Outside the lock, so a handler that reads the catalog (or reloads it) cannot deadlock.
        Reloaded?.Invoke(this, outcome);
        return outcome.Accepted;
    }

    /// <summary>
    /// Starts watching the folder: after a flow file is created, changed, renamed or deleted and the folder has
    /// then been quiet for <see cref="QuietPeriod"/> (measured on the injected clock), the folder is reloaded.
    /// </summary>
    public void StartWatching()
    {
        lock (_reloadLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_watcher is not null)
            {
                return;
            }

            Volatile.Write(ref _watcher, new FlowFolderWatcher(Directory, QuietPeriod, _time, OnQuiet, OnWatchFailed));
            FlowCatalogLog.Watching(_logger, Directory);
        }
    }

    /// <summary>Stops watching; the flows stay readable.</summary>
    public void Dispose()
    {
        FlowFolderWatcher? watcher;
        lock (_reloadLock)
        {
            _disposed = true;
            watcher = _watcher;
            _watcher = null;
        }

        watcher?.Dispose();
    }

    /// <summary>What a file-system event does: restart the quiet period (tests call it to drive the timer alone).</summary>
    internal void NotifyChanged() => Volatile.Read(ref _watcher)?.Touch();

    private FlowSet Check()
    {
        FlowSet checkedSet = FlowSetLoader.LoadDirectory(Directory, _prompts);
        List<FlowProblem> missing = [.. MissingRequirements(checkedSet), .. UnknownCallbackQueues(checkedSet)];
        return missing.Count == 0 ? checkedSet : new FlowSet(checkedSet.FilesChecked, checkedSet.Flows, [.. checkedSet.Problems, .. missing]);
    }

    /// <summary>A callback node naming a queue the server does not have would refuse every caller it is meant for.</summary>
    private IEnumerable<FlowProblem> UnknownCallbackQueues(FlowSet checkedSet)
    {
        if (KnownQueues is not { } known)
        {
            yield break;
        }

        foreach (FlowDefinition flow in checkedSet.Flows.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            foreach (CallbackNode node in flow.Nodes.OfType<CallbackNode>())
            {
                if (node.Queue is { } queue && !known.Contains(queue.Name))
                {
                    yield return FlowProblem.Error(
                        flow.SourcePath,
                        queue.Position,
                        $"node \"{node.Id}\": \"queue\" names queue \"{queue.Name}\", but the configuration has no such queue{NameHint.For(queue.Name, known)}");
                }
            }
        }
    }

    private List<FlowProblem> MissingRequirements(FlowSet checkedSet)
    {
        var problems = new List<FlowProblem>();
        foreach (FlowRequirement requirement in Requirements)
        {
            if (checkedSet.Flows.ContainsKey(requirement.Flow))
            {
                continue;
            }

            string file = Path.Combine(Directory, requirement.Flow + FlowLoader.FileExtension);
            string why = File.Exists(file)
                ? $"which cannot be used until the errors in {file} are fixed"
                : $"but there is no {requirement.Flow}{FlowLoader.FileExtension} in {Directory}{NameHint.For(requirement.Flow, checkedSet.Flows.Keys)}";
            problems.Add(FlowProblem.Error(requirement.Source, requirement.Position, $"{requirement.NeededBy} sends calls to flow \"{requirement.Flow}\", {why}"));
        }

        return problems;
    }

    private void Accept(FlowSet checkedSet)
    {
        var next = new Snapshot(checkedSet.Flows.ToFrozenDictionary(StringComparer.Ordinal), _current.Version + 1);
        _current = next;
        FlowCatalogLog.Loaded(_logger, Directory, next.Version, string.Join(", ", next.Flows.Keys.Order(StringComparer.Ordinal)));
        if (checkedSet.WarningCount > 0)
        {
            FlowCatalogLog.Warnings(_logger, Directory, FlowProblemText.Lines(checkedSet.Problems.Where(p => !p.IsError)));
        }
    }

    private void OnQuiet()
    {
        try
        {
            Reload();
        }
        catch (ObjectDisposedException)
        {
            // The quiet period ended while the catalog was being disposed: nothing to reload into.
        }
        catch (Exception e)
        {
            // This runs on a timer thread, where an escaping exception would end the process; the flows in use
            // are still good, so log and keep them.
            FlowCatalogLog.ReloadFailed(_logger, Directory, e);
        }
    }

    private void OnWatchFailed(string reason) => FlowCatalogLog.WatchFailed(_logger, Directory, reason);

    /// <summary>One loaded set and its version, replaced as a whole so readers never see a mix.</summary>
    private sealed record Snapshot(FrozenDictionary<string, FlowDefinition> Flows, long Version);
}
