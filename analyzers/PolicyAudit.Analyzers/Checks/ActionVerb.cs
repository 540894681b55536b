using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PolicyAudit.Analyzers.Checks;

/// <summary>
/// The verb a method is named after (<c>ApproveDamageReport</c>: approve; a MediatR-style <c>Handle</c> of
/// <c>PublishEventCommandHandler</c>: publish) and whether a state's name is what that verb leaves behind
/// (approve: <c>Approved</c>, publish/unpublish: <c>IsPublished</c>, retire: <c>Retired</c>). Stateless, so thread-safe.
/// </summary>
internal static class ActionVerb
{
    /// <summary>Method names that say nothing of the action: the action is in the type's name.</summary>
    private static readonly HashSet<string> DispatchNames = new(StringComparer.Ordinal)
    {
        "Handle", "HandleAsync", "Execute", "ExecuteAsync", "Invoke", "InvokeAsync", "Consume", "ConsumeAsync",
        "Process", "ProcessAsync", "Run", "RunAsync", "Apply", "ApplyAsync",
    };

    /// <summary>
    /// The stems (see <see cref="Stem"/>) of verbs that take a resource another party then holds (<c>BookSeat</c> testing <c>Booked</c>, <c>RentVehicle</c>
    /// testing <c>Rented</c>, <c>Register</c> testing <c>Registered</c>): "already booked" there says someone else has it,
    /// which is an availability policy, not work already done.
    /// </summary>
    private static readonly HashSet<string> TakingVerbs = new(StringComparer.Ordinal)
    {
        "book", "reserv", "rent", "lend", "borrow", "assign", "claim", "occupy", "hold", "allocat", "enrol",
        "register", "join", "subscrib", "redeem",
    };

    /// <summary>The verb <paramref name="containing"/> is named after, lower-case; null when it has none.</summary>
    public static string? Of(ISymbol? containing)
    {
        var method = containing as IMethodSymbol;
        while (method is { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            method = method.ContainingSymbol as IMethodSymbol;
        }

        if (method is not { MethodKind: MethodKind.Ordinary })
        {
            return null;
        }

        var name = DispatchNames.Contains(method.Name) ? method.ContainingType?.Name : method.Name;
        var words = OperandName.Humps(name);
        var first = words.Count > 1 && words[0] is "Try" or "On" or "Do" ? words[1] : words.Count > 0 ? words[0] : null;
        return first?.ToLowerInvariant();
    }

    /// <summary>
    /// True when <paramref name="state"/> (an enum member's or a flag's name: <c>Cancelled</c>, <c>IsPublished</c>) is the
    /// state <paramref name="verb"/> puts a thing in or takes it out of (cancel, publish, unpublish, deactivate).
    /// </summary>
    public static bool Produces(string verb, string state)
    {
        var stateStem = Stem(WithoutFlagPrefix(state).ToLowerInvariant());
        if (stateStem.Length < 4 || TakingVerbs.Contains(Stem(verb)))
        {
            return false;
        }

        foreach (var form in Forms(verb))
        {
            var verbStem = Stem(form);
            if (verbStem.Length < 4)
            {
                continue;
            }

            // deactivate: activat / active: activ.
            if (verbStem == stateStem || (Math.Min(verbStem.Length, stateStem.Length) >= 5 && (verbStem.StartsWith(stateStem, StringComparison.Ordinal) || stateStem.StartsWith(verbStem, StringComparison.Ordinal))))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> Forms(string verb)
    {
        yield return verb;
        foreach (var prefix in new[] { "un", "de", "dis", "re" })
        {
            if (verb.StartsWith(prefix, StringComparison.Ordinal) && verb.Length - prefix.Length >= 4)
            {
                yield return verb.Substring(prefix.Length);
            }
        }
    }

    private static string WithoutFlagPrefix(string name)
    {
        foreach (var prefix in new[] { "Is", "Has", "Was", "Been" })
        {
            if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal) && char.IsUpper(name[prefix.Length]))
            {
                return name.Substring(prefix.Length);
            }
        }

        return name;
    }

    /// <summary>cancelled, canceled, cancel: cancel; approved, approve: approv; verified, verify: verify; shipped: ship.</summary>
    private static string Stem(string word)
    {
        if (word.EndsWith("ied", StringComparison.Ordinal))
        {
            word = word.Substring(0, word.Length - 3) + "y";
        }
        else if (word.EndsWith("ed", StringComparison.Ordinal))
        {
            word = word.Substring(0, word.Length - 2);
        }

        if (word.EndsWith("e", StringComparison.Ordinal))
        {
            word = word.Substring(0, word.Length - 1);
        }

        if (word.Length > 2 && word[word.Length - 1] == word[word.Length - 2] && "aeiou".IndexOf(word[word.Length - 1]) < 0)
        {
            word = word.Substring(0, word.Length - 1);
        }

        return word;
    }
}
