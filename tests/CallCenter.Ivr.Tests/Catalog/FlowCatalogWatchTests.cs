using CallCenter.Ivr.Catalog;
using static CallCenter.Ivr.Tests.Catalog.FlowFolder;

namespace CallCenter.Ivr.Tests.Catalog;

/// <summary>
/// Hot reload: file-system events restart a quiet period on the injected clock, and the folder is reloaded once it
/// ends. The clock is fake, so the quiet period is exact; file-system events arrive on their own thread, so those
/// tests wait for them (bounded) while moving the clock on.
/// </summary>
public sealed class FlowCatalogWatchTests : IDisposable
{
    private static readonly TimeSpan Quiet = FlowCatalog.DefaultQuietPeriod;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    private readonly FlowFolder _folder = new();
    private readonly FlowCatalog _catalog;

    public FlowCatalogWatchTests()
    {
        _folder.Write("main", TransferTo("main", "survey"));
        _folder.Write("survey", Hangup("survey"));
        _catalog = _folder.NewCatalog();
        _catalog.Load();
    }

    public void Dispose()
    {
        _catalog.Dispose();
        _folder.Dispose();
    }

    /// <summary>Moves the fake clock on by a quiet period each time round until <paramref name="done"/> holds.</summary>
    private void ClockOnUntil(Func<bool> done, string what) =>
        Eventually.Holds(
            () =>
            {
                _folder.Time.Advance(Quiet);
                return done();
            },
            what);

    [Fact]
    public void A_change_reloads_only_after_the_folder_has_been_quiet_for_the_quiet_period()
    {
        _catalog.StartWatching();

        _catalog.NotifyChanged();
        _folder.Time.Advance(Quiet - Tick);
        Assert.Equal(1, _catalog.Version);

        // Another event (the same save, or the next one) starts the wait again.
        _catalog.NotifyChanged();
        _folder.Time.Advance(Quiet - Tick);
        Assert.Equal(1, _catalog.Version);

        _folder.Time.Advance(Tick);
        Assert.Equal(2, _catalog.Version);
    }

    [Fact]
    public void Many_events_in_a_row_make_one_reload()
    {
        _catalog.StartWatching();
        int reloads = 0;
        _catalog.Reloaded += (_, _) => reloads++;

        for (int i = 0; i < 10; i++)
        {
            _catalog.NotifyChanged();
            _folder.Time.Advance(TimeSpan.FromMilliseconds(50));
        }

        _folder.Time.Advance(Quiet);
        Assert.Equal(1, reloads);
    }

    [Fact]
    public void Without_watching_changes_are_not_picked_up()
    {
        _catalog.NotifyChanged();
        _folder.Time.Advance(Quiet * 10);

        Assert.Equal(1, _catalog.Version);
    }

    [Fact]
    public void Saving_a_good_edit_swaps_the_flow_in()
    {
        _catalog.StartWatching();
        Assert.True(_catalog.IsWatching);

        _folder.Write("survey", Hangup("survey", "v2"));

        ClockOnUntil(() => _catalog.Find("survey")!.Description == "v2", "the edited survey flow is in use");
        Assert.True(_catalog.Version >= 2);
    }

    [Fact]
    public void Saving_a_bad_edit_is_refused_and_the_old_flow_keeps_running()
    {
        _catalog.StartWatching();
        var before = _catalog.Find("survey");
        bool refused = false;
        _catalog.Reloaded += (_, e) => refused |= !e.Accepted;

        _folder.Write("survey", "flow: survey\nstart: nowhere\n");

        ClockOnUntil(() => refused, "the broken edit was checked and refused");
        Assert.Same(before, _catalog.Find("survey"));
        Assert.Equal(1, _catalog.Version);
    }

    [Fact]
    public void Adding_and_deleting_a_file_is_picked_up()
    {
        _catalog.StartWatching();

        _folder.Write("extra", Hangup("extra"));
        ClockOnUntil(() => _catalog.Find("extra") is not null, "the new flow is loaded");

        File.Delete(_folder.FileOf("extra"));
        ClockOnUntil(() => _catalog.Find("extra") is null, "the deleted flow is gone");
        Assert.NotNull(_catalog.Find("main"));
    }

    [Fact]
    public void Renaming_a_temporary_file_over_a_flow_file_is_a_change()
    {
        _catalog.StartWatching();
        string temporary = Path.Combine(_folder.Path, "survey.yaml.tmp");
        File.WriteAllText(temporary, Hangup("survey", "v2"));

        File.Move(temporary, _folder.FileOf("survey"), overwrite: true);

        ClockOnUntil(() => _catalog.Find("survey")!.Description == "v2", "the renamed-in survey flow is in use");
    }

    [Theory]
    [InlineData("main.yaml", null, true)]
    [InlineData("main.yaml", "main.yaml.tmp", true)]
    [InlineData("main.yaml.bak", "main.yaml", true)]
    [InlineData("notes.txt", null, false)]
    [InlineData("old.yml", null, false)]
    [InlineData(".main.yaml.swp", null, false)]
    [InlineData("4913", null, false)]
    [InlineData(null, null, false)]
    public void Only_events_about_flow_files_count(string? name, string? oldName, bool counts)
    {
        Assert.Equal(counts, FlowFolderWatcher.IsFlowChange(name, oldName));
    }

    [Fact]
    public void Dispose_stops_watching()
    {
        _catalog.StartWatching();

        _catalog.Dispose();
        _catalog.NotifyChanged();
        _folder.Time.Advance(Quiet * 10);

        Assert.False(_catalog.IsWatching);
        Assert.Equal(1, _catalog.Version);
    }
}
