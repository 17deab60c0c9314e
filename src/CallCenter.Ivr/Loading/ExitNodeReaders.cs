using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;
using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Runtime;

namespace CallCenter.Ivr.Loading;

/// <summary>Reads the nodes where a call leaves the flow to somewhere else: <c>queue</c> and <c>transfer</c>.</summary>
internal static class ExitNodeReaders
{
    /// <summary>Longest transfer URI accepted, well within what SIP servers accept in a Request-URI.</summary>
    private const int MaxUriLength = 256;

    public static QueueNode? Queue(NodeFields fields)
    {
        IReadOnlyList<string>? skills = fields["skills"] is { } value ? ReadSkills(value, fields) : null;
        int? priority = fields["priority"] is { } p ? fields.Values.Integer(p, fields.Subject("priority"), QueueRequest.MinPriority, QueueRequest.MaxPriority) : null;
        NodeRef? noAgent = fields.Has("no-agent") ? fields.Target("no-agent") : null;
        if (skills is null || (fields.Has("no-agent") && noAgent is null))
        {
            return null;
        }

        return new QueueNode(fields.Id, fields.Position, skills, priority, noAgent);
    }

    public static TransferNode? Transfer(NodeFields fields)
    {
        Node? flow = fields["flow"];
        Node? uri = fields["uri"];
        if ((flow is null) == (uri is null))
        {
            string problem = flow is null
                ? "a transfer needs either \"flow: NAME\" (continue in another flow) or \"uri: sip:...\" (call a number or address outside)"
                : "a transfer takes either \"flow\" or \"uri\", not both";
            fields.Values.Report(flow is null ? fields.Map : fields.Map.Entries.First(e => e.Key.Value == "uri").Key, fields.Context + problem);
            return null;
        }

        if (flow is not null)
        {
            string? name = fields.Values.Identifier(flow, fields.Subject("flow"), "the name of another flow (its file name without .yaml)");
            return name is null ? null : new TransferNode(fields.Id, fields.Position, name, null);
        }

        string? target = ReadUri(uri!, fields);
        return target is null ? null : new TransferNode(fields.Id, fields.Position, null, target);
    }

    private static List<string>? ReadSkills(Node node, NodeFields fields)
    {
        string subject = fields.Subject("skills");
        SequenceNode? list = Expect.SequenceOrEmpty(node, subject, "a list of skill names, e.g. [billing, \"lang-${language}\"]", fields.Values.Errors);
        if (list is null)
        {
            return null;
        }

        if (list.Items.Count == 0)
        {
            fields.Values.Report(node, $"{subject} is empty; list the skills an agent needs to take these calls, e.g. [general]");
            return null;
        }

        var skills = new List<string>(list.Items.Count);
        foreach (Node item in list.Items)
        {
            if (fields.Values.Skill(item, subject) is { } skill)
            {
                skills.Add(skill);
            }
        }

        return skills.Count == list.Items.Count ? skills : null;
    }

    /// <summary>A SIP or SIPS URI (RFC 3261 §19.1) to send the call to; only its scheme and length are checked here.</summary>
    private static string? ReadUri(Node node, NodeFields fields)
    {
        string subject = fields.Subject("uri");
        string? uri = fields.Values.Text(node, subject, "a SIP address such as \"sip:+63281234567@trunk.example.com\"");
        if (uri is null)
        {
            return null;
        }

        bool hasScheme = uri.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("sips:", StringComparison.OrdinalIgnoreCase);
        bool plain = uri.Length <= MaxUriLength && !uri.Any(char.IsWhiteSpace) && !Tokens.HasControlCharacters(uri);
        if (!hasScheme || !plain || uri.IndexOf(':') == uri.Length - 1)
        {
            fields.Values.Report(node, $"{subject} must be a SIP address such as \"sip:+63281234567@trunk.example.com\", without spaces (found {Describe.Found(node)})");
            return null;
        }

        return uri;
    }
}
