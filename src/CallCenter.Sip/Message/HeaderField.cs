namespace CallCenter.Sip.Message;

/// <summary>
/// One header line as stored by <see cref="SipHeaders"/>. A parsed field points into the message's
/// bytes; its strings are only created when somebody asks for them. A field added by code carries
/// its strings directly (<see cref="NameStart"/> is then -1).
/// </summary>
internal struct HeaderField
{
    public KnownHeader Id;
    public int NameStart;
    public int NameLength;
    public int ValueStart;
    public int ValueLength;
    public string? Name;
    public string? Value;

    public readonly bool IsFromSource => NameStart >= 0;

    public static HeaderField FromSource(KnownHeader id, int nameStart, int nameLength, int valueStart, int valueLength) =>
        new()
        {
            Id = id,
            NameStart = nameStart,
            NameLength = nameLength,
            ValueStart = valueStart,
            ValueLength = valueLength,
        };

    public static HeaderField FromStrings(KnownHeader id, string name, string value) =>
        new()
        {
            Id = id,
            NameStart = -1,
            ValueStart = -1,
            Name = name,
            Value = value,
        };
}
