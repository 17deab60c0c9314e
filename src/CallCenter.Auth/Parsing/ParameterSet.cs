namespace CallCenter.Auth.Parsing;

/// <summary>
/// Remembers which known parameters were seen, to reject duplicates: a repeated directive is
/// ambiguous (RFC 7616 §3.3/§3.4 define each directive once) and a classic smuggling vector.
/// </summary>
internal struct ParameterSet
{
    private int _bits;

    /// <summary>Marks <paramref name="parameter"/> as seen; false when it already was.</summary>
    public bool TryAdd(DigestParameter parameter)
    {
        int bit = 1 << (int)parameter;
        if ((_bits & bit) != 0)
        {
            return false;
        }

        _bits |= bit;
        return true;
    }
}
