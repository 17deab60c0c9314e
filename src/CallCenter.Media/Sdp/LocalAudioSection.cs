namespace CallCenter.Media.Sdp;

/// <summary>Builds the parts of the descriptions we send: our audio section, rejected sections, the session lines.</summary>
internal static class LocalAudioSection
{
    /// <summary>
    /// m=audio with our port, the codecs and telephone-event, their rtpmaps (also for static payload types,
    /// which helps peers that do not know the RFC 3551 table), the event fmtp, a=ptime, a=rtcp when our RTCP
    /// port is not RTP + 1, and the direction, always written so that nobody has to work out the default.
    /// </summary>
    public static MediaDescription Build(
        string protocol, LocalMedia local, IReadOnlyList<CodecChoice> codecs, EventChoice? events, int packetTime, SdpDirection direction)
    {
        var formats = new List<string>();
        var attributes = new List<SdpAttribute>();
        foreach (var codec in codecs)
        {
            formats.Add(codec.PayloadType.ToString(System.Globalization.CultureInfo.InvariantCulture));
            attributes.Add(codec.Codec.ToRtpMap(codec.PayloadType));
        }

        if (events is { } chosen)
        {
            var clockRate = codecs[0].Codec.ClockRate;
            formats.Add(chosen.PayloadType.ToString(System.Globalization.CultureInfo.InvariantCulture));
            attributes.Add(new RtpMapAttribute(chosen.PayloadType, RtpMapAttribute.TelephoneEventName, clockRate));
            attributes.Add(new FmtpAttribute(formats[^1], chosen.Events.ToString()));
        }

        attributes.Add(new PtimeAttribute(packetTime));
        if (local.RtcpPort is { } rtcpPort && rtcpPort != local.RtpPort + 1)
        {
            attributes.Add(new RtcpAttribute(rtcpPort));
        }

        attributes.Add(new DirectionAttribute(direction));
        return new MediaDescription { Media = "audio", Port = local.RtpPort, Protocol = protocol, Formats = formats, Attributes = attributes };
    }

    /// <summary>A refused or disabled stream: the same media, protocol and formats with port 0 (RFC 3264 §6).</summary>
    public static MediaDescription Rejected(MediaDescription offered) =>
        new() { Media = offered.Media, Port = 0, Protocol = offered.Protocol, Formats = offered.Formats };

    /// <summary>The session lines around <paramref name="media"/>: o=, s=, c= with our address, t=0 0 (RFC 3264 §5).</summary>
    public static SessionDescription Describe(MediaCapabilities capabilities, LocalMedia local, IReadOnlyList<MediaDescription> media)
    {
        var connection = SdpConnection.For(local.Address);
        return new SessionDescription
        {
            Origin = new SdpOrigin(
                capabilities.OriginUserName,
                local.SessionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                local.SessionVersion,
                connection.AddressType,
                connection.Address),
            SessionName = capabilities.SessionName,
            Connection = connection,
            Media = media,
        };
    }

    /// <summary>Refuses impossible local settings, which are programming errors rather than bad input.</summary>
    public static void Check(MediaCapabilities capabilities, LocalMedia local)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        ArgumentNullException.ThrowIfNull(local);
        ArgumentOutOfRangeException.ThrowIfLessThan(local.RtpPort, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(local.RtpPort, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThan(capabilities.PacketTimeMilliseconds, 1);
        if (capabilities.Codecs.Count == 0)
        {
            throw new ArgumentException("At least one codec is needed.", nameof(capabilities));
        }

        if (capabilities.Codecs.Any(c => c.PayloadType is < 0 or > StaticPayloadTypes.Max || StaticPayloadTypes.Contradicted(c.ToRtpMap(c.PayloadType)) is not null))
        {
            throw new ArgumentException("A codec's payload type is out of range or contradicts RFC 3551.", nameof(capabilities));
        }

        if (!StaticPayloadTypes.IsDynamic(capabilities.TelephoneEventPayloadType)
            || capabilities.Codecs.Any(c => c.PayloadType == capabilities.TelephoneEventPayloadType))
        {
            throw new ArgumentException("The telephone-event payload type must be a dynamic one (96-127) no codec uses.", nameof(capabilities));
        }

        if (local.RtcpPort is { } rtcpPort)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(rtcpPort, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(rtcpPort, 65535);
        }
    }
}
