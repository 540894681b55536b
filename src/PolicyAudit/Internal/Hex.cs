namespace PolicyAudit;

/// <summary>Lower-case hex in one allocation (net8.0 lacks <c>Convert.ToHexStringLower</c>).</summary>
internal static class Hex
{
    public static string Lower(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = bytes.Length <= 128 ? stackalloc char[bytes.Length * 2] : new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = Digit(bytes[i] >> 4);
            chars[(2 * i) + 1] = Digit(bytes[i] & 0xF);
        }

        return new string(chars);
    }

    private static char Digit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);
}
