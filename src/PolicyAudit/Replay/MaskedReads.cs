using System.Linq.Expressions;
using System.Reflection;
using NRules.RuleModel;

namespace PolicyAudit;

/// <summary>
/// Which properties each candidate policy's conditions read, as paths from a fact (<c>Email</c>, <c>Contact.Phone</c>),
/// so a replay can tell that a policy needs a property the stored facts hold only masked. A fact used whole (passed
/// to a method, compared by reference) reads every path. Immutable and thread-safe once built.
/// </summary>
internal sealed class MaskedReads
{
    private readonly Dictionary<string, List<(Type FactType, string Path)>> _reads;

    private MaskedReads(Dictionary<string, List<(Type, string)>> reads) => _reads = reads;

    public static MaskedReads Of(IReadOnlyDictionary<string, IRuleDefinition> definitions)
    {
        var reads = new Dictionary<string, List<(Type, string)>>(StringComparer.Ordinal);
        foreach (var (policyId, definition) in definitions)
        {
            var collector = new PathCollector();
            foreach (var condition in RuleExpressions.ConditionsOf(definition))
            {
                collector.Visit(condition.Body);
            }

            reads[policyId] = collector.Reads;
        }

        return new MaskedReads(reads);
    }

    /// <summary>True when <paramref name="policyId"/>'s conditions read one of <paramref name="masked"/> of a fact of type <paramref name="factType"/>.</summary>
    public bool NeedsMasked(string policyId, Type factType, IReadOnlyList<string> masked)
    {
        if (masked.Count == 0 || !_reads.TryGetValue(policyId, out var reads))
        {
            return false;
        }

        foreach (var (readType, path) in reads)
        {
            if (!readType.IsAssignableFrom(factType))
            {
                continue;
            }

            foreach (var hidden in masked)
            {
                if (path.Length == 0 || Overlaps(path, hidden))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // A read of Contact needs Contact.Phone; a read of Contact.Phone.Length needs Contact.Phone.
    private static bool Overlaps(string read, string hidden) =>
        string.Equals(read, hidden, StringComparison.Ordinal)
        || (hidden.StartsWith(read, StringComparison.Ordinal) && hidden[read.Length] == '.')
        || (read.StartsWith(hidden, StringComparison.Ordinal) && read[hidden.Length] == '.');

    /// <summary>Collects member chains rooted at a lambda parameter (a fact); a parameter used otherwise reads everything.</summary>
    private sealed class PathCollector : ExpressionVisitor
    {
        public List<(Type, string)> Reads { get; } = [];

        protected override Expression VisitMember(MemberExpression node)
        {
            var names = new List<string>();
            Expression? current = node;
            while (current is MemberExpression { Member: PropertyInfo or FieldInfo } member)
            {
                names.Add(member.Member.Name);
                current = member.Expression;
            }

            if (current is ParameterExpression parameter)
            {
                names.Reverse();
                Reads.Add((parameter.Type, string.Join(".", names)));
                return node;
            }

            return base.VisitMember(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Reads.Add((node.Type, string.Empty));
            return node;
        }

        // The parameters a lambda declares are not reads; only its body is.
        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            Visit(node.Body);
            return node;
        }
    }
}
