using CallCenter.Config.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CallCenter.Config.Tests;

/// <summary>Whatever text an operator (or an editor accident) produces, the loader only ever throws ConfigException.</summary>
public class FuzzTests
{
    private static readonly string DemoText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "DemoConfig", "callcenter.yaml"));

    /// <summary>Pieces of YAML syntax and of this file's vocabulary, so random text often gets deep into the parser.</summary>
    private static readonly string[] Fragments =
    [
        "agents:", "numbers:", "queues:", "- ", "extension: ", "name: ", "secret: ", "skills: ", "sales: ", "lang-en",
        "\"1001\"", "1001", "ha1:", "0123456789abcdef", ": ", ":", "\n", "\n  ", "\n    ", "  ", " ", "\t", "\r\n",
        "\"", "'", "\\", "\\x", "\\u12", "[", "]", "{", "}", ",", "#", "&a ", "*a", "*", "&", "!", "!!str ", "!<>", "!foo ",
        "|", ">", "|-", ">+2", "?", "? ", "%YAML 1.2\n", "%TAG ! !\n", "---", "...", "~", "null", "true", "7", "12", "-1",
        "0x1F", "0o7", "7.5", "1e9", "99999999999999999999", "@", "`", "\u00e9", "\ufeff", "\u0085", "\u2028", "\0", "\ud800",
    ];

    [Property(MaxTest = 3000)]
    public Property Random_yaml_like_text_only_ever_throws_ConfigException() =>
        Prop.ForAll(YamlLikeText().ToArbitrary(), LoadsOrReportsProblems);

    [Property(MaxTest = 1000)]
    public Property Random_strings_only_ever_throw_ConfigException() =>
        Prop.ForAll<string>(text => LoadsOrReportsProblems(text ?? string.Empty));

    [Property(MaxTest = 1500)]
    public Property Damaged_demo_file_only_ever_throws_ConfigException() =>
        Prop.ForAll(DamagedDemo().ToArbitrary(), LoadsOrReportsProblems);

    private static bool LoadsOrReportsProblems(string text)
    {
        try
        {
            ConfigLoader.LoadFromText(text, Load.Source);
            return true;
        }
        catch (ConfigException failure)
        {
            // Every problem must point into the file so the operator can find it.
            return failure.Errors.Count > 0 && failure.Errors.All(e => e.Line >= 1 && e.Column >= 1 && e.Message.Length > 0);
        }
    }

    private static Gen<string> YamlLikeText() => TextDamage.Fragments(Fragments);

    /// <summary>The demo file with a few characters deleted, replaced or inserted at random places.</summary>
    private static Gen<string> DamagedDemo() => TextDamage.Edited(DemoText, Fragments);
}
