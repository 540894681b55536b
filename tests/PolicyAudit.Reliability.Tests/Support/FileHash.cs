using System.Security.Cryptography;

namespace PolicyAudit.Reliability.Tests;

/// <summary>The SHA-256 of a file's bytes (empty when it does not exist): "not a byte changed" as one comparable value.</summary>
internal static class FileHash
{
    public static string Of(string path) =>
        File.Exists(path) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))) : string.Empty;
}
