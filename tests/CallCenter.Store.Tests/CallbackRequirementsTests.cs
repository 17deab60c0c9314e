using Microsoft.Data.Sqlite;

namespace CallCenter.Store.Tests;

public sealed class CallbackRequirementsTests : IDisposable
{
    private readonly TempDatabase _temp = new();
    private readonly CallbackStore _store;

    public CallbackRequirementsTests() => _store = new CallbackStore(_temp.Open());

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Requirements_and_the_request_time_are_stored_and_survive_a_restart()
    {
        CallbackRecord created = _store.Create(Callbacks.Request(
            queue: "default", requirements: [new("support", 1), new("lang-ms", 3)]));

        CallbackRecord reloaded = new CallbackStore(_temp.Open()).ListPending().Single();

        Assert.Equal(Callbacks.T0.AddMinutes(4), created.RequestedAt);
        Assert.Equal(created.RequestedAt, reloaded.RequestedAt);
        Assert.Equal([new CallbackRequirement("support", 1), new CallbackRequirement("lang-ms", 3)], reloaded.Requirements!);
        Assert.Equal(reloaded.Requirements!, _store.Get(created.Id)!.Requirements!);
    }

    [Fact]
    public void No_requirements_means_the_queues_own_and_stays_apart_from_an_empty_list()
    {
        long queueOwn = _store.Create(Callbacks.Request(requirements: null)).Id;
        long none = _store.Create(Callbacks.Request(requirements: [])).Id;

        Assert.Null(_store.Get(queueOwn)!.Requirements);
        Assert.Empty(_store.Get(none)!.Requirements!);
    }

    [Theory]
    [InlineData("lang-\"tl\"")]
    [InlineData("naïve\\skill")]
    [InlineData("line\nbreak")]
    [InlineData("{\"skill\": 1}")]
    public void Any_skill_name_round_trips(string skill)
    {
        long id = _store.Create(Callbacks.Request(requirements: [new(skill, 10)])).Id;

        Assert.Equal([new CallbackRequirement(skill, 10)], _store.Get(id)!.Requirements!);
    }

    [Fact]
    public void A_requirement_without_a_skill_name_is_refused()
    {
        Assert.Throws<ArgumentException>(() => _store.Create(Callbacks.Request(requirements: [new(" ", 2)])));
        Assert.Empty(_store.ListPending());
    }

    [Fact]
    public void Text_that_is_not_json_is_refused_by_the_database()
    {
        long id = _store.Create(Callbacks.Request()).Id;

        var error = Assert.Throws<SqliteException>(() => _temp.Execute($"UPDATE callbacks SET requirements = 'billing:3' WHERE id = {id}"));

        Assert.Contains("CHECK constraint failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Requirements_edited_into_the_wrong_shape_are_reported_with_the_callback()
    {
        long id = _store.Create(Callbacks.Request()).Id;
        _temp.Execute($$"""UPDATE callbacks SET requirements = '[{"skill": "billing"}]' WHERE id = {{id}}""");

        var error = Assert.Throws<StoreException>(() => _store.Get(id));

        Assert.Equal(
            $$"""callback {{id}} has unreadable skill requirements (an entry is not {"skill": NAME, "min": LEVEL}): [{"skill": "billing"}]. Correct or clear the row's requirements column, or cancel the callback.""",
            error.Message);
    }

    [Theory]
    [InlineData("{}", "not a JSON array")]
    [InlineData("[1]", "an entry is not {\"skill\": NAME, \"min\": LEVEL}")]
    [InlineData("[{\"skill\": \"\", \"min\": 1}]", "an entry is not {\"skill\": NAME, \"min\": LEVEL}")]
    [InlineData("[{\"skill\": \"a\", \"min\": \"3\"}]", "an entry is not {\"skill\": NAME, \"min\": LEVEL}")]
    [InlineData("[{\"skill\": \"a\", \"min\": 2.5}]", "an entry is not {\"skill\": NAME, \"min\": LEVEL}")]
    public void The_column_reader_names_what_is_wrong(string stored, string expected)
    {
        Assert.False(RequirementsColumn.TryRead(stored, out var requirements, out string? error));

        Assert.Null(requirements);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void The_column_reader_never_throws_on_random_text()
    {
        var random = new Random(20261124);
        const string Alphabet = "[]{}\",:0123456789.-eE skilmn\\u\n\t\0é";
        for (int i = 0; i < 5000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);

            bool read = RequirementsColumn.TryRead(text, out var requirements, out string? error);

            Assert.True(read ? requirements is not null && error is null : requirements is null && error is not null, text);
        }
    }
}
