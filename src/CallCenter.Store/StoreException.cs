namespace CallCenter.Store;

/// <summary>The database file cannot be used: damaged, from a newer version, or not reachable.</summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception with an operator-facing message.</summary>
    public StoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an operator-facing message and the underlying cause.</summary>
    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
