using FsCheck;
using FsCheck.Fluent;

namespace CallCenter.Config.Tests.Support;

/// <summary>
/// Generators of broken YAML for the loaders' fuzz tests. Also compiled into CallCenter.Ivr.Tests (linked in its
/// project file), so both loaders are tried with the same kinds of damage.
/// </summary>
internal static class TextDamage
{
    /// <summary>Random concatenations of <paramref name="fragments"/>.</summary>
    public static Gen<string> Fragments(string[] fragments) =>
        Gen.Elements(fragments).ListOf().Select(parts => string.Concat(parts));

    /// <summary><paramref name="original"/> with a few characters deleted, replaced or inserted (from <paramref name="fragments"/>) at random places.</summary>
    public static Gen<string> Edited(string original, string[] fragments)
    {
        Gen<(int At, string Piece, int Removed)> edit =
            from at in Gen.Choose(0, original.Length - 1)
            from piece in Gen.Elements(fragments).Or(Gen.Constant(string.Empty))
            from removed in Gen.Choose(0, 3)
            select (at, piece, removed);

        return Gen.Choose(1, 6)
            .SelectMany(count => edit.ArrayOf(count))
            .Select(edits =>
            {
                string text = original;
                foreach ((int at, string piece, int removed) in edits)
                {
                    int start = Math.Min(at, text.Length);
                    text = text.Remove(start, Math.Min(removed, text.Length - start)).Insert(start, piece);
                }

                return text;
            });
    }
}
