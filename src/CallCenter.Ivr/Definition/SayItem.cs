namespace CallCenter.Ivr.Definition;

/// <summary>How a value is spoken.</summary>
public enum SayFormat
{
    /// <summary>A prompt by name, not a value.</summary>
    Prompt,

    /// <summary>A whole number in words ("twenty three").</summary>
    Number,

    /// <summary>Digit by digit ("two three").</summary>
    Digits,

    /// <summary>A duration in seconds, as minutes and seconds.</summary>
    Duration,
}

/// <summary>One thing a <c>say</c> node speaks: a prompt, or a call variable in a format.</summary>
/// <param name="Format">How to speak it.</param>
/// <param name="Value">The prompt name (for <see cref="SayFormat.Prompt"/>) or the variable name.</param>
/// <param name="Position">Where it is written.</param>
public readonly record struct SayItem(SayFormat Format, string Value, FlowPosition Position);
