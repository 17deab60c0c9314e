namespace CallCenter.Media.Rtcp;

/// <summary>SDES item types (RFC 3550 §6.5, §12.2).</summary>
public enum SdesItemType : byte
{
    /// <summary>End of a chunk's item list (a null octet, no length follows).</summary>
    End = 0,

    /// <summary>CNAME: canonical end-point identifier, the one item every compound packet carries (§6.5.1).</summary>
    CanonicalName = 1,

    /// <summary>NAME: user name.</summary>
    Name = 2,

    /// <summary>EMAIL: e-mail address.</summary>
    Email = 3,

    /// <summary>PHONE: phone number.</summary>
    Phone = 4,

    /// <summary>LOC: geographic location.</summary>
    Location = 5,

    /// <summary>TOOL: application or tool name.</summary>
    Tool = 6,

    /// <summary>NOTE: notice about the source.</summary>
    Note = 7,

    /// <summary>PRIV: private extension.</summary>
    Private = 8,
}
