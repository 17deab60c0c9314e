namespace CallCenter.Media.Sdp;

/// <summary>
/// One a= line (RFC 4566 §5.13): a property attribute ("a=sendonly", <see cref="Value"/> null) or a value
/// attribute ("a=ptime:20"). The attributes offer/answer needs have typed subclasses; every other attribute
/// is a <see cref="GenericAttribute"/>, kept in its place and written back unchanged.
/// </summary>
public abstract record SdpAttribute
{
    /// <summary>The attribute name, e.g. "rtpmap".</summary>
    public abstract string Name { get; }

    /// <summary>The text after the colon, or null for a property attribute.</summary>
    public abstract string? Value { get; }

    /// <summary>The line without "a=": the name, then ":" and the value when there is one.</summary>
    public sealed override string ToString() => Value is null ? Name : Name + ":" + Value;
}

/// <summary>An attribute this library does not interpret (a=rtcp-mux, a=ssrc, a=label…), kept as written.</summary>
public sealed record GenericAttribute : SdpAttribute
{
    /// <summary>Creates an attribute; <paramref name="value"/> null makes a property attribute.</summary>
    public GenericAttribute(string name, string? value = null)
    {
        Name = name;
        Value = value;
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override string? Value { get; }
}
