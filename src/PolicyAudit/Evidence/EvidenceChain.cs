using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PolicyAudit;

/// <summary>
/// The hash chain: each record's hash is SHA-256 over the previous hash, the record's sequence number and its
/// canonical encoding, so a change anywhere breaks every later link.
/// </summary>
internal static class EvidenceChain
{
    /// <summary>The "previous hash" of the first record.</summary>
    public static readonly string GenesisHash = new('0', 64);

    public static string ComputeHash(string previousHash, long sequence, string payload)
    {
        var text = previousHash + "\n" + sequence.ToString(CultureInfo.InvariantCulture) + "\n" + payload;
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
    }
}
