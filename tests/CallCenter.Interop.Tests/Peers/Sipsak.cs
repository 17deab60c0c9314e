using System.Globalization;
using CallCenter.Interop.Tests.Infrastructure;

namespace CallCenter.Interop.Tests.Peers;

/// <summary>
/// sipsak command lines. sipsak 0.9.8 cuts a 5-digit port in a request URI to 4 digits (sip:…:25060 is sent as
/// sip:…:2506, in the Request-URI, To and digest uri), so registrations give the server port with <c>-r</c> and
/// keep it out of the URI.
/// </summary>
public static class Sipsak
{
    /// <summary>The program name on PATH.</summary>
    public const string Program = "sipsak";

    /// <summary>OPTIONS to <c>sip:ping@127.0.0.1:PORT</c>; exits 0 on a 2xx answer.</summary>
    public static IReadOnlyList<string> OptionsArguments(int serverPort) =>
        ["-s", string.Create(CultureInfo.InvariantCulture, $"sip:ping@127.0.0.1:{serverPort}"), "-vv"];

    /// <summary>
    /// REGISTER of <paramref name="agent"/> with the single Contact <c>sip:USER@127.0.0.1:contactPort</c> and
    /// <paramref name="expires"/> seconds (0 removes it), answering the digest challenge; sipsak sends from
    /// <paramref name="localPort"/>.
    /// </summary>
    public static IReadOnlyList<string> RegisterArguments(int serverPort, int localPort, int contactPort, TestAgent agent, int expires) =>
    [
        "-U",
        "-C", string.Create(CultureInfo.InvariantCulture, $"sip:{agent.Extension}@127.0.0.1:{contactPort}"),
        "-s", $"sip:{agent.Extension}@127.0.0.1",
        "-r", serverPort.ToString(CultureInfo.InvariantCulture),
        "-l", localPort.ToString(CultureInfo.InvariantCulture),
        "-u", agent.Extension,
        "-a", agent.Secret,
        "-x", expires.ToString(CultureInfo.InvariantCulture),
        "-vv",
    ];
}
