namespace CallCenter.Auth.Parsing;

/// <summary>What <see cref="AuthHeaderReader.ReadNext"/> found.</summary>
internal enum AuthReadStatus
{
    /// <summary>A parameter was read.</summary>
    Parameter,

    /// <summary>The header value is exhausted.</summary>
    End,

    /// <summary>The header value is malformed; the error text says where.</summary>
    Error,
}
