using CallCenter.Sip.Message;
using CallCenter.Sip.Tests.Message.Support;
using FsCheck.Xunit;

namespace CallCenter.Sip.Tests.Message;

/// <summary>
/// Properties of the parser over generated input: nothing ever throws, whatever the bytes; serialisation and
/// parsing are inverse on valid messages; a message built with the public API reads back as built.
/// </summary>
public class SipParserPropertyTests
{
    [Property(MaxTest = 2000)]
    public void Random_bytes_never_throw(byte[] data) => MessageExerciser.Exercise(data);

    [Property(MaxTest = 2000, EndSize = 200, Arbitrary = [typeof(SipArbitraries)])]
    public void Bytes_made_of_SIP_fragments_never_throw(SipLikeBytes input) => MessageExerciser.Exercise(input.Bytes);

    [Property(MaxTest = 500, Arbitrary = [typeof(SipArbitraries)])]
    public void Generated_messages_parse_and_survive_a_serialisation_round_trip(GeneratedMessage generated)
    {
        var first = SipParser.Parse(generated.Bytes);
        Assert.True(first.Success, first.Error);

        var serialised = first.Message!.ToBytes();
        var second = SipParser.Parse(serialised);
        Assert.True(second.Success, second.Error);

        // Serialising again gives the same bytes (folds kept as received), and the parsed views agree.
        Assert.Equal(serialised, second.Message!.ToBytes());
        RoundTripAssert.Same(first.Message, second.Message);
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(SipArbitraries)])]
    public void Built_requests_parse_back_as_built(BuiltRequest built)
    {
        var request = built.Build();

        var parsed = SipParser.Parse(request.ToBytes());

        Assert.True(parsed.Success, parsed.Error);
        var reparsed = Assert.IsType<SipRequest>(parsed.Message);
        RoundTripAssert.Same(request, reparsed);
        Assert.Equal(built.Uri.ToString(), reparsed.RequestUri!.ToString());
        Assert.True(built.Uri.IsEquivalentTo(reparsed.RequestUri));
        Assert.Equal(built.Body, reparsed.Body.ToArray());
    }
}
