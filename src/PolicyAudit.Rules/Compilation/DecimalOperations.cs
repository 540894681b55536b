using System.Runtime.CompilerServices;

namespace PolicyAudit.Rules;

/// <summary>Decimal operators as calls the JIT will not inline. Expression trees compile to dynamic methods that the
/// runtime JITs at once with full optimisation; inlining decimal arithmetic there costs milliseconds per condition,
/// which would make compiling a thousand money rules take seconds. A non-inlined call costs nanoseconds.</summary>
internal static class DecimalOperations
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Add(decimal left, decimal right) => left + right;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Subtract(decimal left, decimal right) => left - right;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Multiply(decimal left, decimal right) => left * right;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Divide(decimal left, decimal right) => left / right;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Modulo(decimal left, decimal right) => left % right;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool Equal(decimal left, decimal right) => left == right;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool NotEqual(decimal left, decimal right) => left != right;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool LessThan(decimal left, decimal right) => left < right;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool LessThanOrEqual(decimal left, decimal right) => left <= right;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool GreaterThan(decimal left, decimal right) => left > right;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool GreaterThanOrEqual(decimal left, decimal right) => left >= right;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Negate(decimal value) => -value;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal FromInt32(int value) => value;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal FromInt64(long value) => value;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal FromDouble(double value) => (decimal)value;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double ToDouble(decimal value) => (double)value;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int ToInt32(decimal value) => (int)value;
}
