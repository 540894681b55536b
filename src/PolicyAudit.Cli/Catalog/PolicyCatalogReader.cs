using System.Reflection;

namespace PolicyAudit.Cli;

/// <summary>
/// Reads the policy catalog of a compiled assembly: every type carrying <see cref="PolicyAttribute"/>. The assembly
/// is loaded into its own collectible context and read through <see cref="CustomAttributeData"/>, so no policy code
/// runs and the assembly may have been built against another PolicyAudit version. Not thread-safe.
/// </summary>
internal static class PolicyCatalogReader
{
    private const string AttributeName = "PolicyAudit.PolicyAttribute";

    public static IReadOnlyList<PolicyDescriptor> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw CliException.BadInput($"{path}: no such assembly.");
        }

        var context = new CandidateLoadContext(Path.GetFullPath(path), isCollectible: true);
        try
        {
            Assembly assembly;
            try
            {
                assembly = context.LoadFromAssemblyPath(Path.GetFullPath(path));
            }
            catch (BadImageFormatException)
            {
                throw CliException.BadInput($"{path}: not a .NET assembly.");
            }

            Type[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException ex)
            {
                types = ex.Types.Where(t => t is not null).ToArray()!;
            }

            var policies = new List<PolicyDescriptor>();
            foreach (var type in types)
            {
                IList<CustomAttributeData> attributes;
                try
                {
                    attributes = type.GetCustomAttributesData();
                }
                catch (Exception ex) when (ex is FileNotFoundException or TypeLoadException or FileLoadException)
                {
                    continue;
                }

                foreach (var attribute in attributes.Where(a => a.AttributeType.FullName == AttributeName))
                {
                    policies.Add(Describe(path, type, attribute));
                }
            }

            return policies.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
        }
        finally
        {
            context.Unload();
        }
    }

    private static PolicyDescriptor Describe(string path, Type type, CustomAttributeData attribute)
    {
        var id = attribute.ConstructorArguments.Count > 0 ? attribute.ConstructorArguments[0].Value as string ?? string.Empty : string.Empty;
        object? Named(string name) => attribute.NamedArguments.FirstOrDefault(a => a.MemberName == name).TypedValue.Value;
        var authority = Named(nameof(PolicyAttribute.OverridableBy)) is { } value ? (StaffRole)Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : StaffRole.Manager;
        if (!Enum.IsDefined(authority))
        {
            // A cast such as (StaffRole)7 compiles; name the policy, or the user is left to search every class.
            throw CliException.BadInput(
                $"{TerminalText.Escape(path)}: policy '{TerminalText.Escape(id)}' ({TerminalText.Escape(type.FullName)}) has OverridableBy = {(int)authority}, which is not a staff role ({WireNames.Choices<StaffRole>(WireNames.Of)}).");
        }

        return new PolicyDescriptor(
            id,
            Named(nameof(PolicyAttribute.Title)) as string ?? id,
            Named(nameof(PolicyAttribute.Owner)) as string,
            authority,
            Named(nameof(PolicyAttribute.Rationale)) as string,
            null);
    }
}
