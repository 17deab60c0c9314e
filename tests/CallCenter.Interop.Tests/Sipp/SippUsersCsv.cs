using System.Text;

namespace CallCenter.Interop.Tests.Sipp;

/// <summary>
/// sipp injection file of users: field 0 is the user name, field 1 the whole <c>[authentication …]</c> keyword
/// (sipp 3.6.1 cannot nest <c>[field0]</c> inside <c>[authentication]</c>, so the keyword is spelled out per line).
/// </summary>
public static class SippUsersCsv
{
    /// <summary>The CSV text, read in order (SEQUENTIAL): call n uses line n.</summary>
    public static string Render(IEnumerable<(string User, string Password)> users)
    {
        var csv = new StringBuilder("SEQUENTIAL\n");
        foreach (var (user, password) in users)
        {
            if (user.Contains(';') || password.Contains(';') || password.Contains(' ') || password.Contains(']'))
            {
                throw new ArgumentException($"'{user}'/'{password}' cannot be written to a sipp injection line.", nameof(users));
            }

            csv.Append(user).Append(";[authentication username=").Append(user).Append(" password=").Append(password).Append("]\n");
        }

        return csv.ToString();
    }
}
