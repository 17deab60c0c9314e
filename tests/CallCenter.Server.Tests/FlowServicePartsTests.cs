using CallCenter.Config;
using CallCenter.Ivr.Catalog;
using CallCenter.Ivr.Definition;
using CallCenter.Media.Audio;
using CallCenter.Server.Flows;

namespace CallCenter.Server.Tests;

/// <summary>The pieces the server builds its flow catalog from: the loaded prompts and the numbers of the configuration.</summary>
public sealed class FlowServicePartsTests
{
    private static Prompt Tone(string key) => Prompt.FromSamples(key, [1, 2, 3]);

    [Fact]
    public void The_prompt_catalog_does_not_count_an_english_fallback_as_recorded()
    {
        var library = PromptLibrary.FromPrompts("en", [Tone("en/welcome"), Tone("en/goodbye"), Tone("tl/welcome"), Tone("en/digits/3")]);
        var catalog = new PromptLibraryCatalog(library);

        Assert.Equal(["en", "tl"], catalog.Languages);
        Assert.True(catalog.Exists("tl", "welcome"));
        Assert.True(catalog.Exists("en", "digits/3"));
        Assert.False(catalog.Exists("tl", "goodbye"));
        Assert.False(catalog.Exists("ms", "welcome"));
        Assert.False(catalog.Exists("en", "missing"));
    }

    [Fact]
    public void Each_number_requires_its_flow_at_the_place_the_file_names_it()
    {
        string path = Path.Combine(Path.GetTempPath(), $"cc-numbers-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "agents: []\nnumbers:\n  \"200\": survey\n  \"100\":   main\n");
        try
        {
            CallCenterConfig config = ConfigLoader.Load(path);

            IReadOnlyList<FlowRequirement> requirements = NumberRequirements.From(config);

            Assert.Equal(
                [
                    new FlowRequirement("survey", path, new FlowPosition(3, 10), "number \"200\""),
                    new FlowRequirement("main", path, new FlowPosition(4, 12), "number \"100\""),
                ],
                requirements);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
