namespace CallCenter.Ivr.Loading;

/// <summary>The text of one flow file and where it came from (its path names it in messages and gives the flow's name).</summary>
/// <param name="Path">The file's path, e.g. <c>ivr-flows/main.yaml</c>.</param>
/// <param name="Text">The file's content.</param>
public sealed record FlowSource(string Path, string Text);
