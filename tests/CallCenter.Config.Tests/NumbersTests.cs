using CallCenter.Config.Tests.Support;

namespace CallCenter.Config.Tests;

public class NumbersTests
{
    [Fact]
    public void Valid_numbers_map_to_flows()
    {
        CallCenterConfig config = Load.Valid(Load.Lines(
            "numbers:",
            "  \"100\": main",
            "  200: survey",
            "  \"*98\": voice_mail",
            "  \"#7\": after-hours",
            "  \"+6328881234\": Manila"));

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["100"] = "main",
                ["200"] = "survey",
                ["*98"] = "voice_mail",
                ["#7"] = "after-hours",
                ["+6328881234"] = "Manila",
            },
            config.Numbers);
    }

    [Theory]
    [InlineData("1-800")]
    [InlineData("10+1")]
    [InlineData("+")]
    [InlineData("")]
    [InlineData("sales")]
    public void Number_that_cannot_be_dialled_is_refused(string number)
    {
        Load.FailsWith(
            Load.Lines("numbers:", $"  \"{number}\": main"),
            line: 2, column: 3,
            $"number \"{number}\" can only contain digits, '*' and '#', optionally after a leading '+' (put it in quotes, such as \"*98\")");
    }

    [Theory]
    [InlineData("\"main menu\"", "\"main menu\"")]
    [InlineData("\"../etc/passwd\"", "\"../etc/passwd\"")]
    [InlineData("main.yaml", "\"main.yaml\"")]
    public void Flow_name_with_other_characters_is_refused(string written, string quoted)
    {
        Load.FailsWith(
            Load.Lines("numbers:", $"  \"100\": {written}"),
            line: 2, column: 10,
            $"number \"100\": flow name {quoted} can only contain letters, digits, '_' and '-' (it names the file ivr-flows/NAME.yaml)");
    }

    [Fact]
    public void Empty_flow_name_is_refused()
    {
        Load.FailsWith(
            Load.Lines("numbers:", "  \"100\":"),
            line: 2, column: 9,
            "number \"100\": flow name is empty; it must be the name of an IVR flow, such as main");
    }
}
