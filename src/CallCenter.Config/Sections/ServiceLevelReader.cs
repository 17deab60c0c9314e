using System.Globalization;
using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;

namespace CallCenter.Config.Sections;

/// <summary>Reads a queue's <c>service-level: { answered: 80%, within: 20s }</c>.</summary>
internal static class ServiceLevelReader
{
    private static readonly KeySet Keys = new("key", ["answered", "within"]);

    public static QueueServiceLevel Read(Fields queue)
    {
        QueueServiceLevel fallback = QueueServiceLevel.Default;
        if (queue.Get("service-level") is not { } value)
        {
            return fallback;
        }

        MappingNode? map = Expect.MappingOrEmpty(value, $"{queue.Context}service-level", "a mapping such as { answered: 80%, within: 20s }", queue.Errors);
        if (map is null)
        {
            queue.MarkFailed();
            return fallback;
        }

        var fields = new Fields(map, Keys, $"{queue.Context}service-level ", queue.Errors);
        int percent = ReadPercent(fields, fallback.AnsweredPercent);
        TimeSpan within = fields.Duration("within", TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), fallback.Within);
        if (fields.Failed)
        {
            queue.MarkFailed();
        }

        return new QueueServiceLevel(percent, within);
    }

    private static int ReadPercent(Fields fields, int fallback)
    {
        if (fields.Get("answered") is not { } value)
        {
            return fallback;
        }

        if (value is ScalarNode { Type: ScalarType.Text } scalar
            && scalar.Value.EndsWith('%')
            && int.TryParse(scalar.Value.AsSpan(0, scalar.Value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int percent)
            && percent is >= 1 and <= 100)
        {
            return percent;
        }

        fields.Report(value, $"answered must be a percentage from 1% to 100%, such as 80% (found {Describe.Found(value)})");
        return fallback;
    }
}
