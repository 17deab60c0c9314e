using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;

namespace CallCenter.Config.Sections;

/// <summary>Reads and validates one queue of the <c>queues:</c> mapping.</summary>
internal static class QueueReader
{
    private static readonly KeySet Keys = new("key",
    [
        "skills", "priority", "service-level", "max-wait", "when-max-wait", "when-nobody-logged-in", "strategy",
        "ring-timeout", "max-missed-calls", "reject-delay", "wrap-up", "announce-every", "callback-offer-after", "expand",
        "hold-music",
    ]);

    private static readonly string[] Strategies = ["best-skill", "longest-idle", "round-robin", "fewest-calls"];

    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    /// <summary>What one queue contributed: the queue when valid, and the references to check later.</summary>
    public sealed record Result(
        QueueConfig? Queue,
        IReadOnlyList<QueueFallbackReader.OverflowReference> Overflows,
        IReadOnlyList<(TextPosition At, string Message)> CallbackUses);

    public static Result Read(string name, Node value, ErrorCollector errors)
    {
        string context = $"queue \"{name}\": ";
        var overflows = new List<QueueFallbackReader.OverflowReference>();
        var callbackUses = new List<(TextPosition, string)>();
        if (Expect.Mapping(value, context.TrimEnd(), "a mapping of settings starting with skills:, such as { skills: { sales: 5 } }", errors) is not { } map)
        {
            return new Result(null, overflows, callbackUses);
        }

        var fields = new Fields(map, Keys, context, errors);
        IReadOnlyDictionary<string, int>? skills = ReadSkills(fields);
        int priority = fields.Integer("priority", 1, 10, QueueConfig.DefaultPriority);
        QueueServiceLevel serviceLevel = ServiceLevelReader.Read(fields);
        TimeSpan? maxWait = fields.OptionalDuration("max-wait", TimeSpan.FromSeconds(10), Day);
        var message = new QueueFallbackRule(QueueFallbackKind.Message);
        QueueFallbackRule? whenMaxWait = QueueFallbackReader.Read(fields, "when-max-wait", allowWait: false, message, overflows);
        QueueFallbackRule? whenNobody = QueueFallbackReader.Read(fields, "when-nobody-logged-in", allowWait: true, message, overflows);
        int strategy = fields.Choice("strategy", Strategies, 0);
        TimeSpan ringTimeout = fields.Duration("ring-timeout", TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(15));
        int maxMissed = fields.Integer("max-missed-calls", 1, 100, 2);
        TimeSpan rejectDelay = fields.Duration("reject-delay", TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.FromSeconds(10));
        TimeSpan wrapUp = fields.Duration("wrap-up", TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.FromSeconds(30));
        TimeSpan? announceEvery = ReadAnnounceEvery(fields);
        TimeSpan? callbackOfferAfter = fields.OptionalDuration("callback-offer-after", TimeSpan.FromSeconds(1), Day);
        IReadOnlyList<QueueExpansionStep> expand = QueueExpansionReader.Read(fields, skills);
        ScalarNode? holdMusic = ReadHoldMusic(fields);

        // A fallback for a limit that is never reached is almost always a forgotten max-wait.
        if (maxWait is null && fields.Get("max-wait") is null && fields.Get("when-max-wait") is { } orphan)
        {
            fields.Report(orphan, "when-max-wait needs max-wait, the wait after which it applies (such as max-wait: 10m)");
        }

        AddCallbackUse(fields, "when-max-wait", whenMaxWait, callbackUses);
        AddCallbackUse(fields, "when-nobody-logged-in", whenNobody, callbackUses);
        if (callbackOfferAfter is not null)
        {
            callbackUses.Add((fields.Get("callback-offer-after")!.Start, $"{context}callback-offer-after"));
        }

        QueueConfig? queue = fields.Failed || skills is null || whenMaxWait is null || whenNobody is null
            ? null
            : new QueueConfig(
                name, skills, priority, serviceLevel, maxWait, whenMaxWait, whenNobody, (QueueStrategy)strategy,
                ringTimeout, maxMissed, rejectDelay, wrapUp, announceEvery, callbackOfferAfter, expand)
            {
                HoldMusic = holdMusic?.Value,
                HoldMusicAt = holdMusic?.Start,
            };
        return new Result(queue, overflows, callbackUses);
    }

    private static IReadOnlyDictionary<string, int>? ReadSkills(Fields fields)
    {
        if (fields.Required("skills") is not { } value)
        {
            return null;
        }

        IReadOnlyDictionary<string, int>? skills = SkillsReader.Read(value, fields.Context, fields.Errors);
        if (skills is null)
        {
            fields.MarkFailed();
            return null;
        }

        if (skills.Count == 0)
        {
            fields.Report(value, "skills is empty; a queue needs at least one skill with the minimum proficiency agents must have, such as { sales: 5 }");
            return null;
        }

        return skills;
    }

    // A prompt key such as music/hold (audio/<language>/music/hold.wav). Whether the prompt exists is checked when the
    // server loads its prompts, which this reader does not see.
    private static ScalarNode? ReadHoldMusic(Fields fields)
    {
        const string Shape = "a prompt key such as music/hold (the file audio/en/music/hold.wav)";
        if (fields.Text("hold-music", Shape, required: false) is not { } key)
        {
            return null;
        }

        if (!key.Value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/') || key.Value.StartsWith('/') || key.Value.Contains("//", StringComparison.Ordinal))
        {
            fields.Report(key, $"hold-music must be {Shape}: letters, digits, '-', '_' and '/' between folder names (found \"{key.Value}\")");
            return null;
        }

        return key;
    }

    // "off" turns the periodic announcement off; absent means the 45 s default.
    private static TimeSpan? ReadAnnounceEvery(Fields fields) =>
        fields.Get("announce-every") is ScalarNode { Type: ScalarType.Text, Value: "off" }
            ? null
            : fields.Duration("announce-every", TimeSpan.FromSeconds(10), TimeSpan.FromHours(1), TimeSpan.FromSeconds(45));

    private static void AddCallbackUse(Fields fields, string key, QueueFallbackRule? fallback, List<(TextPosition, string)> uses)
    {
        if (fallback?.Kind == QueueFallbackKind.Callback && fields.Get(key) is { } node)
        {
            uses.Add((node.Start, $"{fields.Context}{key}: callback"));
        }
    }
}
