using System.Globalization;

namespace CallCenter.RtpProbe;

/// <summary>
/// Reads how many datagrams the kernel dropped at the probe's own socket because its receive buffer was full (the
/// last column of /proc/net/udp, see proc(5)). Sequence gaps alone cannot say whether the server or the probe lost a
/// packet; this count can.
/// </summary>
public static class SocketDrops
{
    /// <summary>Drops counted since the socket bound to <paramref name="port"/> was opened; null when unknown.</summary>
    public static long? ForLocalPort(int port)
    {
        long? total = null;
        foreach (string table in new[] { "/proc/net/udp", "/proc/net/udp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (string line in File.ReadLines(table).Skip(1))
            {
                if (TryParseLine(line, out int linePort, out long drops) && linePort == port)
                {
                    total = (total ?? 0) + drops;
                }
            }
        }

        return total;
    }

    /// <summary>Reads the local port and the drop count of one table line; false for a line of another shape.</summary>
    public static bool TryParseLine(string line, out int port, out long drops)
    {
        port = 0;
        drops = 0;
        string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 13)
        {
            return false;
        }

        // local_address is ADDRESS:PORT in hexadecimal.
        int colon = fields[1].LastIndexOf(':');
        return colon > 0
            && int.TryParse(fields[1].AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out port)
            && long.TryParse(fields[^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out drops);
    }
}
