using System.Reflection;
using System.Reflection.Emit;

namespace PolicyAudit.Cli.Tests;

/// <summary>
/// Writes a small assembly whose classes carry <see cref="PolicyAttribute"/> with whatever values a test needs,
/// including ones C# would only produce through casts (an undefined <see cref="StaffRole"/>) or escapes.
/// </summary>
internal static class PolicyAssemblyWriter
{
    public static string Write(string folder, string name, params (string Id, string Title, StaffRole OverridableBy)[] policies)
    {
        var builder = new PersistedAssemblyBuilder(new AssemblyName(name), typeof(object).Assembly);
        var module = builder.DefineDynamicModule(name);
        var constructor = typeof(PolicyAttribute).GetConstructor([typeof(string)])!;
        PropertyInfo[] named = [typeof(PolicyAttribute).GetProperty(nameof(PolicyAttribute.Title))!, typeof(PolicyAttribute).GetProperty(nameof(PolicyAttribute.OverridableBy))!];
        for (var i = 0; i < policies.Length; i++)
        {
            var type = module.DefineType($"{name}.Policy{i}", TypeAttributes.Public | TypeAttributes.Class | TypeAttributes.Sealed);
            type.SetCustomAttribute(new CustomAttributeBuilder(constructor, [policies[i].Id], named, [policies[i].Title, policies[i].OverridableBy]));
            type.CreateType();
        }

        var path = Path.Combine(folder, name + ".dll");
        builder.Save(path);
        return path;
    }
}
