using System.Security.Cryptography;

namespace PolicyAudit;

/// <summary>
/// 26-character ids that sort by creation time (48 bits of Unix milliseconds, then 80 random bits, in Crockford
/// base 32, as ULIDs are), so decision ids order themselves and never collide across app instances.
/// </summary>
internal static class TimeSortableId
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    // Random bytes are drawn from the OS in blocks per thread: one system call per id made it the costliest part of
    // a decision.
    private const int RandomBlock = 80 * 64;

    [ThreadStatic]
    private static byte[]? t_random;

    [ThreadStatic]
    private static int t_randomUsed;

    public static string New(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        var ms = (ulong)Math.Max(0, at.ToUnixTimeMilliseconds());
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)(ms & 0xFF);
            ms >>= 8;
        }

        var random = t_random ??= new byte[RandomBlock];
        if (t_randomUsed == 0 || t_randomUsed + 10 > RandomBlock)
        {
            RandomNumberGenerator.Fill(random);
            t_randomUsed = 0;
        }

        random.AsSpan(t_randomUsed, 10).CopyTo(bytes[6..]);
        t_randomUsed += 10;
        Span<char> chars = stackalloc char[26];
        var value = new UInt128(
            ((ulong)bytes[0] << 56) | ((ulong)bytes[1] << 48) | ((ulong)bytes[2] << 40) | ((ulong)bytes[3] << 32) | ((ulong)bytes[4] << 24) | ((ulong)bytes[5] << 16) | ((ulong)bytes[6] << 8) | bytes[7],
            ((ulong)bytes[8] << 56) | ((ulong)bytes[9] << 48) | ((ulong)bytes[10] << 40) | ((ulong)bytes[11] << 32) | ((ulong)bytes[12] << 24) | ((ulong)bytes[13] << 16) | ((ulong)bytes[14] << 8) | bytes[15]);
        for (var i = 25; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(chars);
    }
}
