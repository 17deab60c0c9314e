using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Prompts;

namespace CallCenter.Ivr.Loading;

/// <summary>
/// Loads every flow in a folder (<c>ivr-flows/*.yaml</c>) as one set: each file is checked alone, then the
/// transfers between them (<c>transfer: flow: NAME</c> must name a flow of the set that can be used). This is what
/// <c>flows check</c> prints and what the server loads.
/// </summary>
public static class FlowSetLoader
{
    /// <summary>Loads and checks every <c>*.yaml</c> file directly in <paramref name="directory"/>.</summary>
    public static FlowSet LoadDirectory(string directory, IPromptCatalog prompts)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(prompts);
        if (!FlowDirectory.TryList(directory, out IReadOnlyList<string> files, out List<FlowProblem> problems))
        {
            return new FlowSet(0, new Dictionary<string, FlowDefinition>(), problems);
        }

        var sources = new List<FlowSource>(files.Count);
        foreach (string file in files)
        {
            if (FlowFileText.TryRead(file, out string? text, out FlowProblem? readProblem))
            {
                sources.Add(new FlowSource(file, text));
            }
            else
            {
                problems.Add(readProblem);
            }
        }

        return Check(sources, prompts, problems, files.Count);
    }

    /// <summary>Checks flow files given as text, as one set.</summary>
    public static FlowSet Load(IEnumerable<FlowSource> files, IPromptCatalog prompts)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(prompts);
        FlowSource[] sources = [.. files];
        return Check(sources, prompts, [], sources.Length);
    }

    private static FlowSet Check(IReadOnlyList<FlowSource> sources, IPromptCatalog prompts, List<FlowProblem> problems, int fileCount)
    {
        var drafts = new Dictionary<string, FlowDraft>(StringComparer.Ordinal);
        var usable = new Dictionary<string, FlowDefinition>(StringComparer.Ordinal);
        var fileNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (FlowSource source in sources)
        {
            string name = FlowNameCheck.NameOf(source.Path);
            fileNames.Add(name);
            (FlowLoadResult result, FlowDraft? draft) = FlowLoader.ReadDraft(source.Text, source.Path, prompts, name);
            problems.AddRange(result.Problems);
            if (draft is not null)
            {
                drafts.TryAdd(name, draft);
            }

            if (result.Flow is not null)
            {
                usable.TryAdd(name, result.Flow);
            }
        }

        foreach ((string name, FlowDraft draft) in drafts)
        {
            List<FlowProblem> missing = TransferCheck.MissingFlows(draft.Flow, fileNames);
            if (missing.Count > 0)
            {
                problems.AddRange(missing);
                usable.Remove(name);
            }
        }

        RemoveBrokenTransfers(usable, fileNames, problems);
        IReadOnlyList<FlowProblem> ordered = [.. problems.OrderBy(p => p.Source, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column)];
        return new FlowSet(fileCount, usable, ordered);
    }

    /// <summary>
    /// Leaves out, with an error, each flow that transfers to a flow of the set that cannot be used; repeated
    /// until none is left, since leaving one out can break another that transfers to it.
    /// </summary>
    private static void RemoveBrokenTransfers(Dictionary<string, FlowDefinition> usable, HashSet<string> fileNames, List<FlowProblem> problems)
    {
        bool removed;
        do
        {
            removed = false;
            foreach (FlowDefinition flow in usable.Values.ToList())
            {
                List<FlowProblem> broken = TransferCheck.UnusableFlows(flow, fileNames, usable);
                if (broken.Count > 0)
                {
                    problems.AddRange(broken);
                    usable.Remove(flow.Name);
                    removed = true;
                }
            }
        }
        while (removed);
    }
}
