using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Tests.Runtime;

/// <summary>
/// Builds flow definitions in code for the runtime tests (no loader involved): nodes are added in order and the
/// first one is the start unless <see cref="StartAt"/> says otherwise. Defaults follow the flow file format.
/// </summary>
internal sealed class TestFlow(string name)
{
    private static readonly FlowPosition At = FlowPosition.File;

    private readonly List<FlowNode> _nodes = [];
    private readonly Dictionary<string, BusinessCalendar> _calendars = new(StringComparer.Ordinal);
    private string? _start;
    private string _language = "en";

    public static PromptList Prompts(params string[] names) => new(names, At);

    public static NodeRef To(string id) => new(id, At);

    public TestFlow StartAt(string id)
    {
        _start = id;
        return this;
    }

    public TestFlow Language(string language)
    {
        _language = language;
        return this;
    }

    public TestFlow Play(string id, string next, bool interruptible = true, params string[] prompts) =>
        Add(new PlayNode(id, At, Prompts(prompts), interruptible, To(next)));

    public TestFlow Menu(
        string id,
        string fallback,
        string keys,
        string[]? prompts = null,
        int retries = 2,
        double timeoutSeconds = 5,
        string[]? noInput = null,
        string[]? invalid = null)
    {
        // keys: "1=english 2=filipino" — key=target pairs.
        var choices = keys.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => new MenuChoice(pair[0], To(pair[2..])))
            .ToArray();
        return Add(new MenuNode(
            id, At, Prompts(prompts ?? ["menu"]), choices, TimeSpan.FromSeconds(timeoutSeconds), retries,
            Prompts(noInput ?? ["no-input"]), Prompts(invalid ?? ["invalid-choice"]), To(fallback)));
    }

    public TestFlow Collect(
        string id,
        string variable,
        string next,
        string fallback,
        int maxDigits,
        int minDigits = 1,
        char? terminator = '#',
        double firstDigitSeconds = 8,
        double interDigitSeconds = 4,
        string? pattern = null,
        int retries = 2,
        string[]? prompts = null)
    {
        DigitPattern? compiled = null;
        if (pattern is not null)
        {
            Assert.True(DigitPattern.TryCreate(pattern, out compiled, out string? error), error);
        }

        return Add(new CollectNode(
            id, At, Prompts(prompts ?? ["enter-digits"]), variable, minDigits, maxDigits, terminator,
            TimeSpan.FromSeconds(firstDigitSeconds), TimeSpan.FromSeconds(interDigitSeconds), compiled, retries,
            Prompts("no-input"), Prompts("invalid-choice"), To(next), To(fallback)));
    }

    public TestFlow Say(string id, string next, params SayItem[] items) => Add(new SayNode(id, At, items, To(next)));

    public TestFlow Set(string id, string next, params (string Name, string Value)[] values) =>
        Add(new SetNode(id, At, [.. values.Select(v => new VariableAssignment(v.Name, v.Value, At))], To(next)));

    public TestFlow Branch(string id, string otherwise, params (BranchCondition[] Conditions, string Target)[] rules) =>
        Add(new BranchNode(id, At, [.. rules.Select(r => new BranchRule(r.Conditions, To(r.Target), At))], To(otherwise)));

    public TestFlow Queue(string id, string[] skills, int? priority = null, string? noAgent = null) =>
        Add(new QueueNode(id, At, skills, priority, noAgent is null ? null : To(noAgent)));

    public TestFlow TransferToFlow(string id, string flow) => Add(new TransferNode(id, At, flow, null));

    public TestFlow TransferToUri(string id, string uri) => Add(new TransferNode(id, At, null, uri));

    public TestFlow Hangup(string id, params string[] prompts) => Add(new HangupNode(id, At, Prompts(prompts)));

    /// <summary>A calendar open <paramref name="opens"/>–<paramref name="closes"/> on the given days, in <paramref name="zone"/>.</summary>
    public TestFlow Calendar(string calendar, string zone, string opens, string closes, DayOfWeek[] days, params string[] holidays)
    {
        var hours = days.Select(d => new OpeningHours(d, TimeOnly.Parse(opens), TimeOnly.Parse(closes))).ToArray();
        var closed = holidays.Select(DateOnly.Parse).ToHashSet();
        _calendars[calendar] = new BusinessCalendar(calendar, TimeZoneInfo.FindSystemTimeZoneById(zone), hours, closed, At);
        return this;
    }

    public FlowDefinition Build() =>
        new(name, name + ".yaml", "test flow", _language, _start ?? _nodes[0].Id, _nodes, _calendars);

    private TestFlow Add(FlowNode node)
    {
        _nodes.Add(node);
        return this;
    }
}

/// <summary>Branch conditions, briefly.</summary>
internal static class When
{
    private static readonly FlowPosition At = FlowPosition.File;

    public static BranchCondition[] Equal(string variable, string value) => [new VariableCondition(At, variable, VariableTest.Equals, value, null)];

    public static BranchCondition[] NotEqual(string variable, string value) => [new VariableCondition(At, variable, VariableTest.NotEquals, value, null)];

    public static BranchCondition[] IsSet(string variable) => [new VariableCondition(At, variable, VariableTest.IsSet, null, null)];

    public static BranchCondition[] Matches(string variable, string pattern) => [new VariableCondition(At, variable, VariableTest.Matches, null, Pattern(pattern))];

    public static BranchCondition[] Caller(string pattern) => [new CallerCondition(At, Pattern(pattern))];

    public static BranchCondition[] Open(string calendar) => [new CalendarCondition(At, calendar, true)];

    public static BranchCondition[] Closed(string calendar) => [new CalendarCondition(At, calendar, false)];

    public static BranchCondition[] AgentsAvailable(string skill) => [new AgentsAvailableCondition(At, skill)];

    public static DigitPattern Pattern(string text)
    {
        Assert.True(DigitPattern.TryCreate(text, out var pattern, out string? error), error);
        return pattern!;
    }
}
