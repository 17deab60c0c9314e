using CallCenter.Config.Yaml;

namespace CallCenter.Config.Sections;

/// <summary>
/// Reads one top-level key of the file into a <see cref="ConfigBuilder"/>.
/// To add a section: subclass this, list the instance in <see cref="ConfigSections.All"/>, and
/// give <see cref="ConfigBuilder"/> and <see cref="CallCenterConfig"/> a place for what it reads.
/// </summary>
internal abstract class ConfigSection
{
    /// <summary>The top-level key, e.g. "agents".</summary>
    public abstract string Key { get; }

    /// <summary>Validates <paramref name="value"/>, reporting every problem, and stores what is valid.</summary>
    public abstract void Read(Node value, ConfigBuilder builder, ErrorCollector errors);

    /// <summary>
    /// Runs after every section is read (present or not), to check references into other
    /// sections regardless of the order sections appear in the file.
    /// </summary>
    public virtual void CheckReferences(ConfigBuilder builder, ErrorCollector errors)
    {
    }
}
