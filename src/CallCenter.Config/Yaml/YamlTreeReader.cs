using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CallCenter.Config.Yaml;

/// <summary>
/// Turns YAML text into a <see cref="Node"/> tree with positions, reporting problems to an
/// <see cref="ErrorCollector"/> instead of throwing. Built from the parser's event stream with
/// an explicit stack, so hostile nesting cannot overflow the call stack.
/// </summary>
public sealed class YamlTreeReader
{
    /// <summary>
    /// Deepest nesting accepted. The schema needs only four levels; the cap exists because the
    /// YAML scanner slows down quadratically on very deep flow nesting (e.g. 100,000 '[').
    /// </summary>
    public const int MaxDepth = 32;

    private const string StringTag = "tag:yaml.org,2002:str";
    private const string NonSpecificTag = "!";

    private readonly ErrorCollector _errors;
    private readonly Stack<TreeFrame> _open = new();
    private readonly Dictionary<string, Node> _anchors = new(StringComparer.Ordinal);
    private TextPosition _lastEventEnd = TextPosition.StartOfFile;
    private int _documents;
    private Node? _root;

    private YamlTreeReader(ErrorCollector errors) => _errors = errors;

    /// <summary>
    /// Parses <paramref name="text"/>. Returns the root, or null when the file has no document
    /// or could not be read to the end (the reason is then in <paramref name="errors"/>).
    /// </summary>
    public static Node? Read(string text, ErrorCollector errors) => new YamlTreeReader(errors).ReadAll(text);

    private Node? ReadAll(string text)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                if (!Accept(parser.Current!))
                {
                    return null;
                }
            }
        }
        catch (YamlException ex)
        {
            var at = TextPosition.From(ex.Start);
            if (SyntaxErrorWording.IsAboutTabs(ex.Message))
            {
                at = TabIndentation.Find(text, at.Line) ?? at;
            }

            _errors.Add(at, SyntaxErrorWording.Reword(ex.Message));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet 18's scanner throws these, rather than YamlException, on some malformed
            // input (an unclosed '[' followed by more lines, a malformed tag), with no position.
            ReportUnreadableInput();
            return null;
        }

        return _root;
    }

    /// <summary>Handles one parser event; false means stop reading.</summary>
    private bool Accept(ParsingEvent parsingEvent)
    {
        var start = TextPosition.From(parsingEvent.Start);
        _lastEventEnd = TextPosition.From(parsingEvent.End);
        switch (parsingEvent)
        {
            case DocumentStart:
                return AcceptDocumentStart(start);
            case Scalar scalar:
                Complete(ReadScalar(scalar, start), AnchorOf(scalar));
                return true;
            case AnchorAlias alias:
                Complete(ResolveAlias(alias.Value.Value, start), anchor: null);
                return true;
            case SequenceStart sequence:
                return Open(new SequenceFrame(start, AnchorOf(sequence), sequence.Style == SequenceStyle.Flow), sequence);
            case MappingStart mapping:
                return Open(new MappingFrame(start, AnchorOf(mapping), mapping.Style == MappingStyle.Flow, _errors), mapping);
            case SequenceEnd or MappingEnd:
                TreeFrame finished = _open.Pop();
                Complete(finished.Complete(), finished.Anchor);
                return true;
            default:
                // Stream start/end, document end and comments carry nothing to keep.
                return true;
        }
    }

    private bool AcceptDocumentStart(TextPosition start)
    {
        _documents++;
        if (_documents == 1)
        {
            return true;
        }

        _errors.Add(start, "the file holds more than one YAML document (a second \"---\" line); keep all settings in one document");
        return false;
    }

    private bool Open(TreeFrame frame, NodeEvent start)
    {
        ReportUnsupportedTag(start, frame.Start);
        if (_open.Count >= MaxDepth)
        {
            _errors.Add(frame.Start, $"lists and mappings are nested more than {MaxDepth} levels deep here");
            return false;
        }

        _open.Push(frame);
        return true;
    }

    private Node ReadScalar(Scalar scalar, TextPosition start)
    {
        if (ReportUnsupportedTag(scalar, start))
        {
            return new UnreadableNode(start);
        }

        // Only untagged plain scalars are resolved by content (YAML 1.2.2 §10.3.2); quoted
        // and "!!str"-tagged ones are always text, so "1001" in quotes is the text 1001.
        ScalarType type = scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty
            ? CoreSchema.ResolvePlain(scalar.Value)
            : ScalarType.Text;
        return new ScalarNode(start, scalar.Value, type);
    }

    /// <summary>Tags other than <c>!!str</c> and <c>!</c> have no meaning in this file.</summary>
    private bool ReportUnsupportedTag(NodeEvent nodeEvent, TextPosition start)
    {
        if (nodeEvent.Tag.IsEmpty || nodeEvent.Tag.Value is StringTag or NonSpecificTag)
        {
            return false;
        }

        _errors.Add(start, $"the YAML tag {Describe.Quote(nodeEvent.Tag.Value)} is not supported in this file; remove it");
        return true;
    }

    private Node ResolveAlias(string name, TextPosition start)
    {
        if (_anchors.TryGetValue(name, out Node? target))
        {
            return target;
        }

        _errors.Add(start, $"\"*{Describe.Quote(name, withQuotes: false)}\" refers to an anchor \"&{Describe.Quote(name, withQuotes: false)}\" that is not defined earlier in the file; to write text that starts with '*', put it in quotes");
        return new UnreadableNode(start);
    }

    /// <summary>Attaches a finished node to its parent (or makes it the root) and records its anchor.</summary>
    private void Complete(Node node, string? anchor)
    {
        // Anchors are registered only once their node is complete, so an alias inside its own
        // anchored node is reported as undefined and the tree can never contain a cycle.
        if (anchor is not null)
        {
            _anchors[anchor] = node;
        }

        if (_open.TryPeek(out TreeFrame? parent))
        {
            parent.Add(node);
        }
        else
        {
            _root = node;
        }
    }

    private void ReportUnreadableInput()
    {
        TreeFrame? unclosed = _open.FirstOrDefault(frame => frame.IsFlow);
        if (unclosed is not null)
        {
            _errors.Add(unclosed.Start, SyntaxErrorWording.UnclosedBracket(unclosed.OpeningBracket));
        }
        else
        {
            _errors.Add(_lastEventEnd, SyntaxErrorWording.UnreadableAfterHere());
        }
    }

    private static string? AnchorOf(NodeEvent nodeEvent) => nodeEvent.Anchor.IsEmpty ? null : nodeEvent.Anchor.Value;
}
