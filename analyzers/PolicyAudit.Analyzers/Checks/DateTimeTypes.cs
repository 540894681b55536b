using Microsoft.CodeAnalysis;

namespace PolicyAudit.Analyzers.Checks;

/// <summary>The framework's types for a point in time or a time of day: <c>DateTime</c>, <c>DateTimeOffset</c>, <c>DateOnly</c>, <c>TimeOnly</c>.</summary>
internal static class DateTimeTypes
{
    /// <summary>True for the four types and their <c>Nullable</c>.</summary>
    public static bool IsDateOrTime(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type?.SpecialType == SpecialType.System_DateTime)
        {
            return true;
        }

        return type is { Name: "DateTimeOffset" or "DateOnly" or "TimeOnly", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
    }
}
