using CallCenter.Interop.Tests.Sipp;
using FsCheck.Xunit;

namespace CallCenter.Interop.Tests.Unit;

public sealed class SippMessageTraceTests
{
    private const string Trace = """
        ----------------------------------------------- 2026-11-24 09:12:44.828759
        UDP message received [750] bytes :

        INVITE sip:1001@127.0.0.1:25400;transport=UDP SIP/2.0
        Via: SIP/2.0/UDP 127.0.0.1:25090;branch=z9hG4bK8ab4

        ----------------------------------------------- 2026-11-24 09:12:44.828928
        UDP message sent (300 bytes):

        SIP/2.0 180 Ringing
        Via: SIP/2.0/UDP 127.0.0.1:25090;branch=z9hG4bK8ab4

        Discarded message for new calls while quitting
        ----------------------------------------------- 2026-11-24 09:12:47.900001
        UDP message received [300] bytes :

        CANCEL sip:1001@127.0.0.1:25400;transport=UDP SIP/2.0

        """;

    [Fact]
    public void Reads_each_messages_time_and_start_line_in_order()
    {
        var messages = SippMessageTrace.Parse(Trace);

        Assert.Equal(
            ["INVITE sip:1001@127.0.0.1:25400;transport=UDP SIP/2.0", "SIP/2.0 180 Ringing", "CANCEL sip:1001@127.0.0.1:25400;transport=UDP SIP/2.0"],
            messages.Select(message => message.StartLine));
        Assert.Equal(new DateTime(2026, 11, 24, 9, 12, 44, 828).AddTicks(7590), messages[0].LoggedAt);
    }

    [Fact]
    public void First_finds_a_message_by_its_start()
    {
        var messages = SippMessageTrace.Parse(Trace);

        var invite = SippMessageTrace.First(messages, "INVITE ");
        var cancel = SippMessageTrace.First(messages, "CANCEL ");

        Assert.NotNull(invite);
        Assert.NotNull(cancel);
        Assert.Equal(3.071242, (cancel.LoggedAt - invite.LoggedAt).TotalSeconds, 6);
        Assert.Null(SippMessageTrace.First(messages, "BYE "));
    }

    [Fact]
    public void Entries_without_a_start_line_are_skipped()
    {
        Assert.Empty(SippMessageTrace.Parse("----------------------------------------------- 2026-11-24 09:12:44.828759\nsomething else\n"));
    }

    [Property]
    public bool Never_throws_on_arbitrary_text(string text)
    {
        SippMessageTrace.Parse(text ?? string.Empty);
        SippMessageTrace.Parse("----------------------------------------------- 2026-11-24 09:12:44.828759\n" + text);
        return true;
    }
}
