using CallCenter.Ivr.Catalog;
using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Loading;
using Microsoft.Extensions.Logging;
using static CallCenter.Ivr.Tests.Catalog.FlowFolder;
using static CallCenter.Ivr.Tests.Loading.FlowTestSupport;

namespace CallCenter.Ivr.Tests.Catalog;

/// <summary>Loading the flows folder at start and reloading it by hand: what is kept, what is swapped, what is refused.</summary>
public sealed class FlowCatalogTests : IDisposable
{
    private const string BadMain = "flow: main\ndescription: v2\nstart: bye\nnodes:\n  bye:\n    type: hangupp\n";

    private readonly FlowFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private FlowCatalog LoadedCatalog()
    {
        _folder.Write("main", TransferTo("main", "survey"));
        _folder.Write("survey", Hangup("survey"));
        FlowCatalog catalog = _folder.NewCatalog();
        catalog.Load();
        return catalog;
    }

    [Fact]
    public void Before_loading_the_catalog_is_empty_at_version_0()
    {
        using FlowCatalog catalog = _folder.NewCatalog();

        Assert.Empty(catalog.Flows);
        Assert.Equal(0, catalog.Version);
        Assert.Null(catalog.Find("main"));
    }

    [Fact]
    public void Load_makes_every_flow_findable_by_name_at_version_1()
    {
        using FlowCatalog catalog = LoadedCatalog();

        Assert.Equal(["main", "survey"], catalog.Flows.Keys.Order());
        Assert.Equal(1, catalog.Version);
        Assert.Equal("survey", catalog.Find("survey")!.Name);
        Assert.Null(catalog.Find("sales"));
        Assert.False(catalog.IsWatching);
    }

    [Fact]
    public void Load_with_errors_throws_listing_every_problem_by_file_line_and_column()
    {
        _folder.Write("main", BadMain);
        _folder.Write("survey", TransferTo("survey", "nowhere"));
        using FlowCatalog catalog = _folder.NewCatalog();

        var error = Assert.Throws<FlowCatalogException>(() => catalog.Load());

        Assert.Equal(2, error.CheckedSet.ErrorCount);
        Assert.StartsWith($"the IVR flows in {_folder.Path} have errors:\n", error.Message, StringComparison.Ordinal);
        Assert.Contains(_folder.FileOf("main") + ":6:11: error: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(_folder.FileOf("survey") + ":4:3: error: node \"go\": \"flow\" names flow \"nowhere\"", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("2 flows checked: 2 errors, 0 warnings", error.Message, StringComparison.Ordinal);
        Assert.Empty(catalog.Flows);
        Assert.Equal(0, catalog.Version);
    }

    [Fact]
    public void Load_of_a_missing_folder_names_it()
    {
        Directory.Delete(_folder.Path, recursive: true);
        Directory.CreateDirectory(_folder.Path + "-other");
        try
        {
            using FlowCatalog catalog = _folder.NewCatalog();

            var error = Assert.Throws<FlowCatalogException>(() => catalog.Load());

            Assert.Contains("the flows folder does not exist", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(_folder.Path + "-other");
            Directory.CreateDirectory(_folder.Path);
        }
    }

    [Fact]
    public void Warnings_do_not_stop_a_load_and_are_logged()
    {
        _folder.Write("main", Hangup("main"));
        using FlowCatalog catalog = _folder.NewCatalog(CatalogWithout(["en", "tl"], "tl/goodbye"));

        FlowSet loaded = catalog.Load();

        Assert.Equal(1, loaded.WarningCount);
        Assert.NotNull(catalog.Find("main"));
        var warning = Assert.Single(_folder.Logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains(_folder.FileOf("main") + ":5:3: warning: node \"bye\": prompt \"goodbye\" is not recorded in tl", warning.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_good_edit_swaps_to_the_new_definition_and_counts_a_version()
    {
        using FlowCatalog catalog = LoadedCatalog();
        FlowDefinition before = catalog.Find("survey")!;
        _folder.Write("survey", Hangup("survey", "v2"));

        bool accepted = catalog.Reload();

        Assert.True(accepted);
        Assert.Equal(2, catalog.Version);
        Assert.Equal("v2", catalog.Find("survey")!.Description);
        Assert.Equal("v1", before.Description);
    }

    [Fact]
    public void A_call_in_progress_keeps_the_definition_object_it_started_with()
    {
        using FlowCatalog catalog = LoadedCatalog();
        FlowDefinition runningCall = catalog.Find("survey")!;
        FlowNode runningNode = runningCall["bye"];
        _folder.Write("survey", "flow: survey\ndescription: v2\nstart: thanks\nnodes:\n  thanks:\n    type: hangup\n");

        Assert.True(catalog.Reload());

        Assert.NotSame(runningCall, catalog.Find("survey"));
        Assert.Equal("bye", runningCall.Start);
        Assert.Same(runningNode, runningCall["bye"]);
        Assert.Equal("thanks", catalog.Find("survey")!.Start);
    }

    [Fact]
    public void A_bad_edit_is_refused_the_old_version_stays_and_every_problem_is_logged()
    {
        using FlowCatalog catalog = LoadedCatalog();
        FlowDefinition main = catalog.Find("main")!;
        FlowDefinition survey = catalog.Find("survey")!;
        _folder.Write("main", BadMain);
        _folder.Write("survey", "flow: survey\nstart: nowhere\nnodes:\n  bye:\n    type: hangup\n");

        bool accepted = catalog.Reload();

        Assert.False(accepted);
        Assert.Equal(1, catalog.Version);
        Assert.Same(main, catalog.Find("main"));
        Assert.Same(survey, catalog.Find("survey"));
        var refused = Assert.Single(_folder.Logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("refused; the flows of version 1 stay in use", refused.Text, StringComparison.Ordinal);
        Assert.Contains(_folder.FileOf("main") + ":6:11: error: ", refused.Text, StringComparison.Ordinal);
        Assert.Contains(_folder.FileOf("survey") + ":2:8: error: \"start\" names node \"nowhere\"", refused.Text, StringComparison.Ordinal);
        Assert.EndsWith("2 flows checked: 2 errors, 0 warnings", refused.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_refused_edit_is_fixed_the_next_reload_takes_it()
    {
        using FlowCatalog catalog = LoadedCatalog();
        _folder.Write("survey", "flow: survey\nstart: nowhere\n");
        Assert.False(catalog.Reload());
        _folder.Write("survey", Hangup("survey", "v3"));

        Assert.True(catalog.Reload());

        Assert.Equal(2, catalog.Version);
        Assert.Equal("v3", catalog.Find("survey")!.Description);
    }

    [Fact]
    public void A_deleted_flow_nothing_refers_to_is_dropped()
    {
        using FlowCatalog catalog = LoadedCatalog();
        _folder.Write("extra", Hangup("extra"));
        Assert.True(catalog.Reload());
        File.Delete(_folder.FileOf("extra"));

        Assert.True(catalog.Reload());

        Assert.Null(catalog.Find("extra"));
        Assert.Equal(["main", "survey"], catalog.Flows.Keys.Order());
        Assert.Equal(3, catalog.Version);
    }

    [Fact]
    public void Deleting_a_flow_another_one_transfers_to_is_refused()
    {
        using FlowCatalog catalog = LoadedCatalog();
        File.Delete(_folder.FileOf("survey"));

        Assert.False(catalog.Reload());

        Assert.NotNull(catalog.Find("survey"));
        Assert.Equal(1, catalog.Version);
    }

    [Fact]
    public void Deleting_a_required_flow_is_refused_naming_what_needs_it()
    {
        _folder.Write("main", Hangup("main"));
        _folder.Write("survey", Hangup("survey"));
        using FlowCatalog catalog = new(_folder.Path, CatalogWithout(["en"]), _folder.Time, _folder.Logger)
        {
            Requirements = [new FlowRequirement("survey", "config/callcenter.yaml", new FlowPosition(72, 10), "number \"200\"")],
        };
        catalog.Load();
        File.Delete(_folder.FileOf("survey"));

        Assert.False(catalog.Reload());

        Assert.NotNull(catalog.Find("survey"));
        var refused = Assert.Single(_folder.Logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(
            $"config/callcenter.yaml:72:10: error: number \"200\" sends calls to flow \"survey\", but there is no survey.yaml in {_folder.Path}",
            refused.Text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_flow_missing_at_start_stops_the_load_with_a_hint()
    {
        _folder.Write("survey", Hangup("survey"));
        using FlowCatalog catalog = new(_folder.Path, CatalogWithout(["en"]), _folder.Time, _folder.Logger)
        {
            Requirements = [new FlowRequirement("survy", "cc.yaml", new FlowPosition(3, 10), "number \"200\"")],
        };

        var error = Assert.Throws<FlowCatalogException>(() => catalog.Load());

        Assert.Contains(
            $"cc.yaml:3:10: error: number \"200\" sends calls to flow \"survy\", but there is no survy.yaml in {_folder.Path} (did you mean \"survey\"?)",
            error.Message,
            StringComparison.Ordinal);
    }

    private const string AfterHours = "flow: main\nstart: book\nnodes:\n  book:\n    type: callback\n    queue: genral\n    next: bye\n    refused: bye\n  bye:\n    type: hangup\n";

    [Fact]
    public void A_callback_node_naming_a_queue_the_server_lacks_stops_the_load_where_it_is_written()
    {
        _folder.Write("main", AfterHours);
        using FlowCatalog catalog = new(_folder.Path, CatalogWithout(["en"]), _folder.Time, _folder.Logger)
        {
            KnownQueues = new HashSet<string>(["general", "sales", "default"]),
        };

        var error = Assert.Throws<FlowCatalogException>(() => catalog.Load());

        Assert.Contains(
            $"{_folder.FileOf("main")}:6:12: error: node \"book\": \"queue\" names queue \"genral\", but the configuration has no such queue (did you mean \"general\"?)",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void An_edit_naming_an_unknown_queue_is_refused_and_a_known_one_accepted()
    {
        _folder.Write("main", AfterHours.Replace("genral", "general", StringComparison.Ordinal));
        using FlowCatalog catalog = new(_folder.Path, CatalogWithout(["en"]), _folder.Time, _folder.Logger)
        {
            KnownQueues = new HashSet<string>(["general"]),
        };
        catalog.Load();
        _folder.Write("main", AfterHours.Replace("genral", "billing", StringComparison.Ordinal));

        Assert.False(catalog.Reload());
        Assert.Equal("general", Assert.IsType<CallbackNode>(catalog.Find("main")!["book"]).Queue!.Value.Name);
    }

    [Fact]
    public void Without_known_queues_callback_queues_are_not_checked()
    {
        _folder.Write("main", AfterHours);
        using FlowCatalog catalog = _folder.NewCatalog();

        catalog.Load();

        Assert.NotNull(catalog.Find("main"));
    }

    [Fact]
    public void A_required_flow_with_errors_is_reported_as_unusable()
    {
        _folder.Write("main", BadMain);
        using FlowCatalog catalog = new(_folder.Path, CatalogWithout(["en"]), _folder.Time, _folder.Logger)
        {
            Requirements = [new FlowRequirement("main", "cc.yaml", new FlowPosition(2, 10), "number \"100\"")],
        };

        var error = Assert.Throws<FlowCatalogException>(() => catalog.Load());

        Assert.Contains($"cc.yaml:2:10: error: number \"100\" sends calls to flow \"main\", which cannot be used until the errors in {_folder.FileOf("main")} are fixed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reloaded_reports_accepted_and_refused_reloads_with_what_was_checked()
    {
        using FlowCatalog catalog = LoadedCatalog();
        var seen = new List<FlowReloadedEventArgs>();
        catalog.Reloaded += (_, e) => seen.Add(e);

        catalog.Reload();
        _folder.Write("survey", "flow: survey\n");
        catalog.Reload();

        Assert.Equal([(true, 2L), (false, 2L)], seen.Select(e => (e.Accepted, e.Version)));
        Assert.False(seen[0].CheckedSet.HasErrors);
        Assert.True(seen[1].CheckedSet.HasErrors);
    }

    [Fact]
    public void After_dispose_the_flows_stay_readable_but_reloads_are_refused()
    {
        FlowCatalog catalog = LoadedCatalog();
        catalog.StartWatching();

        catalog.Dispose();

        Assert.False(catalog.IsWatching);
        Assert.NotNull(catalog.Find("main"));
        Assert.Throws<ObjectDisposedException>(() => catalog.Reload());
        Assert.Throws<ObjectDisposedException>(() => catalog.StartWatching());
    }
}
