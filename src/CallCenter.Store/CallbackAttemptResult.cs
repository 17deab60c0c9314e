namespace CallCenter.Store;

/// <summary>How one attempt to call a caller back ended. Stored as the number, so values never change.</summary>
public enum CallbackAttemptResult
{
    /// <summary>The caller answered and stayed on the line.</summary>
    Answered = 0,

    /// <summary>Rang out without an answer.</summary>
    NoAnswer = 1,

    /// <summary>The caller's line was busy (486/600).</summary>
    Busy = 2,

    /// <summary>The call could not be placed (trunk or network failure, 4xx/5xx).</summary>
    Failed = 3,

    /// <summary>Answered but dropped almost at once, typically voicemail or an accidental pick-up.</summary>
    ShortAnswer = 4,
}
