using System.Diagnostics.CodeAnalysis;

namespace CallCenter.Media.Sdp;

/// <summary>The outcome of answering an offer: our answer and the negotiated audio, or why we refuse.</summary>
public sealed record SdpAnswerResult
{
    private SdpAnswerResult(SessionDescription? answer, NegotiatedMedia? media, SdpRejection? rejection)
    {
        Answer = answer;
        Media = media;
        Rejection = rejection;
    }

    /// <summary>The answer to send (200 OK body); null when rejected.</summary>
    public SessionDescription? Answer { get; }

    /// <summary>The audio stream agreed; null when rejected.</summary>
    public NegotiatedMedia? Media { get; }

    /// <summary>Why the offer is refused (488 with a Warning); null when accepted.</summary>
    public SdpRejection? Rejection { get; }

    /// <summary>True when there is an answer.</summary>
    [MemberNotNullWhen(true, nameof(Answer), nameof(Media))]
    public bool IsAccepted => Answer is not null && Media is not null;

    internal static SdpAnswerResult Accepted(SessionDescription answer, NegotiatedMedia media) => new(answer, media, null);

    internal static SdpAnswerResult Rejected(SdpRejection rejection) => new(null, null, rejection);
}

/// <summary>The outcome of reading the answer to our offer: the negotiated audio, or what is wrong with the answer.</summary>
public sealed record SdpNegotiationResult
{
    private SdpNegotiationResult(NegotiatedMedia? media, string? error)
    {
        Media = media;
        Error = error;
    }

    /// <summary>The audio stream agreed; null on error.</summary>
    public NegotiatedMedia? Media { get; }

    /// <summary>What is wrong with the answer; null on success.</summary>
    public string? Error { get; }

    /// <summary>True when the answer was usable.</summary>
    [MemberNotNullWhen(true, nameof(Media))]
    public bool Success => Media is not null;

    internal static SdpNegotiationResult Agreed(NegotiatedMedia media) => new(media, null);

    internal static SdpNegotiationResult Failed(string error) => new(null, error);
}
