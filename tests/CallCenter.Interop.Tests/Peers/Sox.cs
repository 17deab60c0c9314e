using System.Globalization;
using System.Text.RegularExpressions;
using CallCenter.Interop.Tests.Infrastructure;

namespace CallCenter.Interop.Tests.Peers;

/// <summary>sox, used to make test audio and to measure what a softphone recorded.</summary>
public static partial class Sox
{
    /// <summary>The program name on PATH.</summary>
    public const string Program = "sox";

    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Writes <paramref name="seconds"/> of a <paramref name="hertz"/> sine at half scale to <paramref name="name"/> in
    /// <paramref name="workspace"/>: 8 kHz, mono, 16-bit signed PCM, the format softphones stream from a WAV source.
    /// </summary>
    public static async Task<string> WriteToneAsync(InteropWorkspace workspace, string name, int seconds, int hertz)
    {
        var path = workspace.PathOf(name);
        var exit = await PeerRunner.RunAsync(
            new PeerCommand(
                Program,
                ["-n", "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", path,
                 "synth", seconds.ToString(CultureInfo.InvariantCulture), "sine", hertz.ToString(CultureInfo.InvariantCulture), "vol", "0.5"],
                workspace.Root,
                "sox-tone"),
            RunLimit);
        return exit.Succeeded && File.Exists(path) ? path : throw new InvalidOperationException("sox could not write the tone\n" + exit.Describe());
    }

    /// <summary>
    /// The RMS amplitude (full scale = 1) of <paramref name="wavPath"/> after the sox <paramref name="effects"/>, if any
    /// (e.g. <c>sinc -700</c>, a low-pass at 700 Hz), from <c>sox FILE -n [EFFECTS] stat</c>.
    /// </summary>
    public static async Task<double> RmsAmplitudeAsync(InteropWorkspace workspace, string wavPath, params string[] effects)
    {
        var exit = await PeerRunner.RunAsync(new PeerCommand(Program, [wavPath, "-n", .. effects, "stat"], workspace.Root, "sox-stat"), RunLimit);

        // sox prints the statistics on stderr.
        return exit.Succeeded && TryParseRmsAmplitude(exit.Stderr, out var rms)
            ? rms
            : throw new InvalidOperationException($"sox stat gave no RMS amplitude for {wavPath}\n" + exit.Describe());
    }

    /// <summary>Reads the <c>RMS     amplitude:</c> line of <c>sox … stat</c> output; false when it is missing.</summary>
    public static bool TryParseRmsAmplitude(string statOutput, out double rms)
    {
        var match = RmsAmplitudeLine().Match(statOutput);
        rms = 0;
        return match.Success
            && double.TryParse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out rms);
    }

    [GeneratedRegex(@"^RMS\s+amplitude:\s+(?<value>[-+0-9.eE]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex RmsAmplitudeLine();
}
