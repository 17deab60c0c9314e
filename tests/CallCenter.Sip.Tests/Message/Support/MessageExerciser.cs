using CallCenter.Sip.Core;
using CallCenter.Sip.Message;

namespace CallCenter.Sip.Tests.Message.Support;

/// <summary>
/// Parses bytes and then reads everything a caller could read from the result: every typed view, every header
/// and list element, validation, the UAS checks, serialisation and the response a UAS would build. Any exception
/// escapes to the calling test, which is the point: none may happen, whatever the input.
/// </summary>
internal static class MessageExerciser
{
    private static readonly KnownHeader[] AllHeaders = Enum.GetValues<KnownHeader>();

    public static void Exercise(ReadOnlyMemory<byte> data)
    {
        var result = SipParser.Parse(data);
        if (result.Message is not { } message)
        {
            return;
        }

        ReadViews(message);
        switch (message)
        {
            case SipRequest request:
                ExerciseRequest(request, result.Error is null);
                break;
            case SipResponse response:
                _ = SipMessageValidator.ValidateResponse(response);
                break;
        }

        // What we serialise must parse again without trouble, too.
        var again = SipParser.Parse(message.ToBytes());
        if (again.Message is { } reparsed)
        {
            ReadViews(reparsed);
        }
    }

    private static void ReadViews(SipMessage message)
    {
        _ = message.CallId;
        _ = message.CSeq?.ToString();
        _ = message.From?.ToString();
        _ = message.To?.ToString();
        _ = message.ContentType;
        _ = message.MaxForwards;
        _ = message.Expires;
        foreach (var via in message.Vias)
        {
            _ = via.ToString();
            _ = via.RportValue;
            _ = via.HasRfc3261Branch;
        }

        _ = message.TopVia;
        if (message.TryGetContacts(out var contacts, out _, out _))
        {
            foreach (var contact in contacts)
            {
                _ = contact.Uri.UnescapedUser;
                _ = contact.Uri.IsEquivalentTo(contact.Uri);
            }
        }

        foreach (var (name, value) in message.Headers)
        {
            _ = HeaderNames.Lookup(name);
            _ = value.Length;
        }

        foreach (var id in AllHeaders)
        {
            _ = message.Headers.ElementsOf(id);
        }
    }

    private static void ExerciseRequest(SipRequest request, bool parsedCleanly)
    {
        if (request.RequestUri is { } uri)
        {
            _ = uri.ToString();
            _ = uri.UnescapedUser;
            _ = uri.Transport;
            _ = uri.IsEquivalentTo(uri);
        }

        var failure = parsedCleanly ? SipMessageValidator.Validate(request) : new SipMessageValidator.Failure(400, "parse");
        if (failure is not null)
        {
            if (request.TopVia is not null)
            {
                _ = ResponseFactory.Create(request, failure.Value.StatusCode, null, "tag").ToBytes();
            }

            return;
        }

        foreach (var forwarding in (bool[])[false, true])
        {
            var rejection = UasRequestChecks.Check(request, UasCapabilities.Default, forwarding);
            _ = rejection?.CreateResponse(request, "tag").ToBytes();
        }
    }
}
