namespace CallCenter.Auth.Tests;

/// <summary>Inputs and expected outputs of the worked examples in RFC 2617 §3.5 and RFC 7616 §3.9.1.</summary>
internal static class RfcVectors
{
    public const string Username = "Mufasa";
    public const string Method = "GET";
    public const string Uri = "/dir/index.html";

    public static class Rfc2617
    {
        public const string Realm = "testrealm@host.com";
        public const string Password = "Circle Of Life";
        public const string Nonce = "dcd98b7102dd2f0e8b11d0f600bfb0c093";
        public const string Opaque = "5ccc069c403ebaf9f0171e9517f40e41";
        public const string Cnonce = "0a4f113b";
        public const string Response = "6629fae49393a05397450978507c4ef1";

        public const string AuthorizationHeader =
            "Digest username=\"Mufasa\",\r\n realm=\"testrealm@host.com\",\r\n nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\",\r\n"
            + " uri=\"/dir/index.html\",\r\n qop=auth,\r\n nc=00000001,\r\n cnonce=\"0a4f113b\",\r\n"
            + " response=\"6629fae49393a05397450978507c4ef1\",\r\n opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";
    }

    public static class Rfc7616
    {
        public const string Realm = "http-auth@example.org";

        // RFC 7616 §3.9.1 uses a lower-case "of" (erratum 4495), unlike RFC 2617.
        public const string Password = "Circle of Life";
        public const string Nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
        public const string Opaque = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
        public const string Cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        public const string Md5Response = "8ca523f5e9506fed4657c9700eebdbec";
        public const string Sha256Response = "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1";

        public const string Sha256Challenge =
            "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, "
            + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";

        public const string Sha256AuthorizationHeader =
            "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", uri=\"/dir/index.html\", algorithm=SHA-256, "
            + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", nc=00000001, "
            + "cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", qop=auth, "
            + "response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\", "
            + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";

        public static DigestResponseParameters Parameters(string? qop = "auth") => new(
            Method, Uri, Username, Realm, Nonce,
            Cnonce: qop is null ? null : Cnonce, NonceCount: qop is null ? null : "00000001", Qop: qop);
    }
}
