namespace CallCenter.Server.Calls;

/// <summary>The <c>Media</c> configuration section.</summary>
public sealed class MediaSettings
{
    /// <summary>Lowest RTP port (even); RTCP uses RTP + 1.</summary>
    public int PortMin { get; set; } = 10000;

    /// <summary>Highest RTP port.</summary>
    public int PortMax { get; set; } = 20000;

    /// <summary>Address bound for RTP and written into SDP; by default Sip:PublicAddress, else Sip:Address when it names one address, else this host's first IPv4 address.</summary>
    public string? Address { get; set; }

    /// <summary>Seconds without RTP after which a call is considered dead.</summary>
    public int InactivitySeconds { get; set; } = 30;

    /// <summary>Folder of prompt WAV files (one sub-folder per language).</summary>
    public string PromptDirectory { get; set; } = "audio";

    /// <summary>Threads receiving RTP for all calls.</summary>
    public int ReceiveThreads { get; set; } = 1;
}
