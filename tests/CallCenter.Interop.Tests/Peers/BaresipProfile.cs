using System.Globalization;
using CallCenter.Interop.Tests.Infrastructure;

namespace CallCenter.Interop.Tests.Peers;

/// <summary>
/// A headless baresip configuration folder (<c>config</c> + <c>accounts</c>) for one agent account: listens only on
/// 127.0.0.1 (<c>net_interface</c>, else its Contact and SDP name another interface), loads no terminal UI, and
/// registers to the server with digest credentials.
/// </summary>
public static class BaresipProfile
{
    /// <summary>The program name on PATH.</summary>
    public const string Program = "baresip";

    private const string ModulePath = "/usr/lib/baresip/modules";

    /// <summary>Writes the folder <paramref name="name"/> in <paramref name="workspace"/> and returns its path.</summary>
    public static string Write(InteropWorkspace workspace, string name, int listenPort, int serverPort, TestAgent agent, int registerIntervalSeconds = 600)
    {
        var folder = workspace.Subdirectory(name);
        var config = string.Join('\n',
            string.Create(CultureInfo.InvariantCulture, $"sip_listen 127.0.0.1:{listenPort}"),
            "net_interface 127.0.0.1",
            $"module_path {ModulePath}",
            "module g711.so",
            "module account.so",
            "audio_player aufile,/dev/null",
            "audio_source aufile,/dev/null",
            string.Empty);
        var account = string.Create(
            CultureInfo.InvariantCulture,
            $"<sip:{agent.Extension}@127.0.0.1:{serverPort};transport=udp>;auth_pass={agent.Secret};regint={registerIntervalSeconds};audio_codecs=PCMU,PCMA\n");
        File.WriteAllText(Path.Combine(folder, "config"), config);
        File.WriteAllText(Path.Combine(folder, "accounts"), account);
        return folder;
    }

    /// <summary>
    /// Writes the folder <paramref name="name"/> for an agent softphone that answers every call by itself
    /// (<c>answermode=auto</c>, handled by the menu module), streams <paramref name="sourceWav"/> (8 kHz mono 16-bit; when
    /// it ends baresip hangs up, so make it longer than the call) and records through the sndfile filter into
    /// <paramref name="recordingFolder"/>: <c>*-enc.wav</c> is what it sent, <c>*-dec.wav</c> what it heard.
    /// </summary>
    public static string WriteAnsweringAgent(
        InteropWorkspace workspace, string name, int listenPort, int serverPort, TestAgent agent, string sourceWav, string recordingFolder)
    {
        var folder = workspace.Subdirectory(name);
        var config = string.Join('\n',
            string.Create(CultureInfo.InvariantCulture, $"sip_listen 127.0.0.1:{listenPort}"),
            "net_interface 127.0.0.1",
            $"module_path {ModulePath}",
            "module g711.so",
            "module account.so",
            "module aufile.so",
            "module sndfile.so",
            "module menu.so",
            "audio_player aufile,/dev/null",
            $"audio_source aufile,{sourceWav}",
            $"snd_path {recordingFolder}",
            string.Empty);
        var account = string.Create(
            CultureInfo.InvariantCulture,
            $"<sip:{agent.Extension}@127.0.0.1:{serverPort};transport=udp>;auth_pass={agent.Secret};answermode=auto;regint=600;audio_codecs=PCMU,PCMA\n");
        File.WriteAllText(Path.Combine(folder, "config"), config);
        File.WriteAllText(Path.Combine(folder, "accounts"), account);
        return folder;
    }

    /// <summary>The recordings of what baresip heard (<c>*-dec.wav</c>) in <paramref name="recordingFolder"/>, oldest first.</summary>
    public static IReadOnlyList<string> DecodedRecordings(string recordingFolder) =>
        Directory.Exists(recordingFolder)
            ? Directory.GetFiles(recordingFolder, "*-dec.wav").Order(StringComparer.Ordinal).ToArray()
            : [];

    /// <summary>
    /// Arguments running baresip from <paramref name="folder"/> for <paramref name="seconds"/> and then quitting;
    /// on quit it un-registers (REGISTER with expires 0) before exiting.
    /// </summary>
    public static IReadOnlyList<string> Arguments(string folder, int seconds) =>
        ["-f", folder, "-t", seconds.ToString(CultureInfo.InvariantCulture)];
}
