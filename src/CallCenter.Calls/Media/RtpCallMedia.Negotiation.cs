using System.Net;
using CallCenter.Media.Dtmf;
using CallCenter.Media.G711;
using CallCenter.Media.Rtp;
using CallCenter.Media.Sdp;

namespace CallCenter.Calls.Media;

/// <summary>The offer/answer side of <see cref="RtpCallMedia"/> (RFC 3264): what the leg agrees to and how it starts using it.</summary>
public sealed partial class RtpCallMedia
{
    /// <inheritdoc />
    public MediaNegotiation AnswerOffer(string offerSdp)
    {
        if (!SessionDescription.TryParse(offerSdp, out var offer, out var parseError))
        {
            // RFC 3261 §21.4.26 / RFC 3264: an offer we cannot read is not acceptable here.
            return new MediaNegotiation(null, 488, $"399 callcenter \"Malformed SDP: {parseError.ToString().Replace('"', '\'')}\"");
        }

        var result = SdpNegotiator.CreateAnswer(offer, _engine.Capabilities, LocalMedia(), _localDescription);
        if (!result.IsAccepted)
        {
            return new MediaNegotiation(null, result.Rejection!.StatusCode, result.Rejection.ToWarningHeaderValue("callcenter"));
        }

        if (Apply(result.Media!) is { } unusable)
        {
            var rejection = new SdpRejection(SdpWarningCode.IncompatibleNetworkAddressFormats, unusable);
            return new MediaNegotiation(null, rejection.StatusCode, rejection.ToWarningHeaderValue("callcenter"));
        }

        _localDescription = result.Answer;
        return new MediaNegotiation(result.Answer!.ToString(), 0, null);
    }

    /// <inheritdoc />
    public string CreateOffer()
    {
        _localDescription = SdpNegotiator.CreateOffer(_engine.Capabilities, LocalMedia(), _localDescription);
        return _localDescription.ToString();
    }

    /// <inheritdoc />
    public bool AcceptAnswer(string answerSdp, out string? error)
    {
        if (_localDescription is null)
        {
            error = "no offer was made";
            return false;
        }

        if (!SessionDescription.TryParse(answerSdp, out var answer, out var parseError))
        {
            error = parseError.ToString();
            return false;
        }

        var result = SdpNegotiator.ProcessAnswer(_localDescription, answer);
        error = result.Media is null ? result.Error : Apply(result.Media);
        return error is null;
    }

    /// <summary>Starts using the negotiated media; why it cannot be used (null when it can).</summary>
    private string? Apply(NegotiatedMedia media)
    {
        var family = _endpoint.LocalRtpEndPoint.AddressFamily;
        var remoteRtp = media.RemoteRtp as IPEndPoint;
        if (remoteRtp is not null && remoteRtp.AddressFamily != family)
        {
            return $"the peer's media address {remoteRtp.Address} is of another family than ours ({_engine.AdvertisedAddress})";
        }

        // An a=rtcp address (RFC 3605) of the other family cannot be reached from our socket either; RTCP then latches
        // to wherever the peer's reports come from.
        var remoteRtcp = media.RemoteRtcp is IPEndPoint rtcp && rtcp.AddressFamily == family ? rtcp : null;
        lock (_gate)
        {
            if (_disposed)
            {
                // Released meanwhile: the sockets are closed and the clock must not pick the leg up again.
                return null;
            }
        }

        var law = string.Equals(media.CodecName, AudioCodec.Pcma.EncodingName, StringComparison.OrdinalIgnoreCase) ? G711Law.ALaw : G711Law.MuLaw;
        var accepted = media.TelephoneEventPayloadType is { } te
            ? RtpPayloadTypeSet.Of((byte)media.PayloadType, (byte)te)
            : RtpPayloadTypeSet.Of((byte)media.PayloadType);
        _endpoint.Configure(remoteRtp, remoteRtcp, accepted);

        // No RTP is expected from a peer that only receives (a=recvonly) or holds the call (a=sendonly, a=inactive or
        // c=0.0.0.0, RFC 3264 §8.4): a held phone may send music or nothing at all, and must not be hung up for it.
        var expectRtp = media.Direction.CanReceive() && !media.IsHeldByPeer;
        _endpoint.InactivityTimeout = expectRtp ? _inactivityTimeout : Timeout.InfiniteTimeSpan;
        lock (_gate)
        {
            _player.Law = law;
            _payloadType = (byte)media.PayloadType;
            _media = media;

            // Peers that negotiate no telephone-event can only send keys as tones in the audio.
            _inBand = media.TelephoneEventPayloadType is null ? new InBandDtmfDetector() : null;
            StartReports(media);
        }

        _clockSubscription ??= _engine.Clock.Subscribe(this);
        return null;
    }

    private LocalMedia LocalMedia() =>
        new(_engine.AdvertisedAddress, _endpoint.LocalRtpEndPoint.Port, _sessionId, (_localDescription?.Origin.SessionVersion ?? 0) + 1)
        {
            RtcpPort = _endpoint.LocalRtcpEndPoint.Port,
        };
}
