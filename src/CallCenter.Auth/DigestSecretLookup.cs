namespace CallCenter.Auth;

/// <summary>
/// Finds the secret of <paramref name="username"/> in <paramref name="realm"/>. Return null for an
/// unknown user: <see cref="DigestServer"/> then does the same work and gives the same outcome as
/// for a wrong password, so responses do not reveal which users exist. The algorithm is passed
/// so a store holding one HA1 per hash function can pick the right one.
/// </summary>
public delegate DigestSecret? DigestSecretLookup(string username, string realm, DigestAlgorithm algorithm);
