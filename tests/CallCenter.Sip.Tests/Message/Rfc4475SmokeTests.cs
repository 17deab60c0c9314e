using CallCenter.Sip.Message;
using Xunit.Abstractions;

namespace CallCenter.Sip.Tests.Message;

public class Rfc4475SmokeTests(ITestOutputHelper output)
{
    [Fact]
    public void Dump()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "rfc4475"), "*.dat").Order())
        {
            var result = SipParser.Parse(File.ReadAllBytes(file));
            string v = "";
            if (result.Message is SipRequest r)
            {
                v = SipMessageValidator.Validate(r)?.ToString() ?? "valid";
            }
            else if (result.Message is SipResponse s)
            {
                v = SipMessageValidator.ValidateResponse(s) ?? "valid-resp";
            }

            output.WriteLine($"{Path.GetFileName(file),-16} parse={(result.Message is null ? "null" : result.Message.GetType().Name)} err={result.Error} validate={v}");
        }
    }
}
