using CallCenter.Config.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CallCenter.Config.Tests;

/// <summary>Any value under any key of the queues, trunks and callbacks sections is read or reported, never thrown.</summary>
public class SectionFuzzTests
{
    private static readonly string[] QueueKeys =
    [
        "skills", "priority", "service-level", "max-wait", "when-max-wait", "when-nobody-logged-in", "strategy",
        "ring-timeout", "max-missed-calls", "reject-delay", "wrap-up", "announce-every", "callback-offer-after", "expand",
    ];

    private static readonly string[] TrunkKeys = ["host", "port", "transport", "addresses", "register", "caller-id", "default-region", "prefix"];

    private static readonly string[] CallbackKeys = ["trunk", "attempts", "retry-after", "from-name"];

    private static readonly string[] Values =
    [
        "", "~", "0", "-1", "5", "11", "65536", "99999999999999999999", "7.5", "true", "30s", "0s", "1h30m", "25h", "off",
        "80%", "0%", "101%", "callback", "message", "wait", "overflow:", "overflow:sales", "overflow:nowhere", "overflow:Sales",
        "[]", "{}", "[general]", "[1, 2]", "{ after: 30s }", "[{ after: 30s, min-proficiency: 3 }, { after: 10s, add-skills: [x] }]",
        "{ sales: 5 }", "{ sales: 0 }", "{ Sales: 5 }", "\"+6328881234\"", "+0", "\"+\"", "PH", "ph", "\"::1\"", "[10.0.0.0/8, ::1/128]",
        "[10.0.0.1/8]", "[\"fe80::1%eth0\"]", "{ username: u, secret: \"ha1:zz\" }", "{ username: u, secret: pw, expires: 1s }",
        "sip.example.net", "\"a b\"", "\"\\u0001\"", "*a", "&a x", "!!binary x",
    ];

    [Property(MaxTest = 1500)]
    public Property Any_queue_value_is_read_or_reported() =>
        Prop.ForAll(Setting(QueueKeys).ToArbitrary(), setting => LoadsOrReportsProblems(QueueYaml.Sales($"    {setting}")));

    [Property(MaxTest = 1000)]
    public Property Any_trunk_value_is_read_or_reported() =>
        Prop.ForAll(Setting(TrunkKeys).ToArbitrary(), setting => LoadsOrReportsProblems(QueueYaml.Provider($"    {setting}")));

    [Property(MaxTest = 500)]
    public Property Any_callbacks_value_is_read_or_reported() =>
        Prop.ForAll(Setting(CallbackKeys).ToArbitrary(), setting => LoadsOrReportsProblems(QueueYaml.Provider() + $"callbacks:\n  {setting}\n"));

    private static Gen<string> Setting(string[] keys) =>
        from key in Gen.Elements(keys)
        from value in Gen.Elements(Values)
        select $"{key}: {value}";

    private static bool LoadsOrReportsProblems(string text)
    {
        try
        {
            ConfigLoader.LoadFromText(text, Load.Source);
            return true;
        }
        catch (ConfigException failure)
        {
            return failure.Errors.Count > 0 && failure.Errors.All(e => e.Line >= 1 && e.Column >= 1 && e.Message.Length > 0);
        }
    }
}
