namespace CallCenter.Config.Sections;

/// <summary>Every top-level section the file may contain. All are optional.</summary>
internal static class ConfigSections
{
    public static IReadOnlyList<ConfigSection> All { get; } =
    [
        new AgentsSection(),
        new NumbersSection(),
        new QueuesSection(),
        new TrunksSection(),
        new CallbacksSection(),
    ];
}
