using System.Globalization;

namespace CallCenter.Media.Sdp;

/// <summary>
/// a=ptime:&lt;milliseconds&gt; (RFC 4566 §6): the packet duration the writer would like to receive.
/// </summary>
/// <param name="Milliseconds">A positive whole number of milliseconds.</param>
public sealed record PtimeAttribute(int Milliseconds) : SdpAttribute
{
    /// <inheritdoc />
    public override string Name => "ptime";

    /// <inheritdoc />
    public override string? Value => Milliseconds.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// a=maxptime:&lt;milliseconds&gt; (RFC 4566 §6, RFC 3267): the longest packet duration the writer can receive.
/// </summary>
/// <param name="Milliseconds">A positive whole number of milliseconds.</param>
public sealed record MaxPtimeAttribute(int Milliseconds) : SdpAttribute
{
    /// <inheritdoc />
    public override string Name => "maxptime";

    /// <inheritdoc />
    public override string? Value => Milliseconds.ToString(CultureInfo.InvariantCulture);
}
