using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using NRules.Fluent.Dsl;

namespace PolicyAudit;

/// <summary>
/// Renders an expression tree of a policy's rule definition as short, deterministic C#-like text. Unlike
/// <see cref="Expression.ToString"/> it never prints compiler-generated closure class names or hash codes: a value a
/// lambda captures (a local, a field of the policy) is printed by value, so the text is the same in every process and
/// changes when the value does. Not thread-safe: <see cref="Of"/> makes one printer per call.
/// </summary>
internal sealed class ExpressionText
{
    private readonly StringBuilder _text = new();
    private readonly Dictionary<ParameterExpression, string> _unnamed = [];

    private ExpressionText()
    {
    }

    /// <summary>The expression's text.</summary>
    public static string Of(Expression expression)
    {
        var printer = new ExpressionText();
        printer.Write(expression);
        return printer._text.ToString();
    }

    private static string Constant(object? value)
    {
        switch (value)
        {
            case null:
                return "null";
            case string s:
                return Quote(s);
            case char c:
                return "'" + (c == '\'' ? "\\'" : c.ToString()) + "'";
            case bool b:
                return b ? "true" : "false";
            case Enum e:
                return TypeNames.Of(e.GetType()) + "." + e.ToString();
            case decimal m:
                return m.ToString(CultureInfo.InvariantCulture) + "m";
            case double d:
                return d.ToString("R", CultureInfo.InvariantCulture) + "d";
            case float f:
                return f.ToString("R", CultureInfo.InvariantCulture) + "f";
            case long l:
                return l.ToString(CultureInfo.InvariantCulture) + "L";
            case DateTime dt:
                return "DateTime(" + dt.ToString("o", CultureInfo.InvariantCulture) + ")";
            case DateTimeOffset dto:
                return "DateTimeOffset(" + dto.ToString("o", CultureInfo.InvariantCulture) + ")";
            case TimeSpan ts:
                return "TimeSpan(" + ts.ToString("c", CultureInfo.InvariantCulture) + ")";
            case Guid g:
                return "Guid(" + g.ToString("D") + ")";
            case DateOnly date:
                return "DateOnly(" + date.ToString("O", CultureInfo.InvariantCulture) + ")";
            case TimeOnly time:
                return "TimeOnly(" + time.ToString("O", CultureInfo.InvariantCulture) + ")";
            case Type t:
                return "typeof(" + TypeNames.Of(t) + ")";
            case IFormattable formattable when value.GetType().IsPrimitive:
                return formattable.ToString(null, CultureInfo.InvariantCulture);
            case IEnumerable items when value.GetType().IsArray || value.GetType().IsGenericType:
                // A captured list of thresholds or names is printed item by item, so changing an item is a new version.
                return "[" + string.Join(", ", items.Cast<object?>().Select(Constant)) + "]";
            default:
                // An object with no deterministic text (a service, a delegate): its type is all that can be printed.
                return "value(" + TypeNames.Of(value.GetType()) + ")";
        }
    }

    private static string Quote(string s)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in s)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    private void Write(Expression? node)
    {
        switch (node)
        {
            case null:
                _text.Append("null");
                break;
            case BinaryExpression b:
                WriteBinary(b);
                break;
            case UnaryExpression u:
                WriteUnary(u);
                break;
            case ConstantExpression { Value: { } owner } when IsClosure(owner):
                _text.Append(owner is Rule ? "this" : "closure");
                break;
            case ConstantExpression c:
                _text.Append(Constant(c.Value));
                break;
            case ParameterExpression p:
                _text.Append(NameOf(p));
                break;
            case BlockExpression block:
                WriteBlock(block);
                break;
            case ConditionalExpression statement when statement.Type == typeof(void):
                _text.Append("if (");
                Write(statement.Test);
                _text.Append(") ");
                Write(statement.IfTrue);
                _text.Append(" else ");
                Write(statement.IfFalse);
                break;
            case MemberExpression m:
                WriteMember(m);
                break;
            case MethodCallExpression call:
                WriteCall(call);
                break;
            case LambdaExpression lambda:
                WriteParameters(lambda.Parameters);
                _text.Append(" => ");
                Write(lambda.Body);
                break;
            case ConditionalExpression conditional:
                _text.Append('(');
                Write(conditional.Test);
                _text.Append(" ? ");
                Write(conditional.IfTrue);
                _text.Append(" : ");
                Write(conditional.IfFalse);
                _text.Append(')');
                break;
            case NewExpression n:
                _text.Append("new ").Append(TypeNames.Of(n.Type));
                WriteArguments(n.Arguments);
                break;
            case MemberInitExpression init:
                Write(init.NewExpression);
                _text.Append(" { ");
                for (var i = 0; i < init.Bindings.Count; i++)
                {
                    if (i > 0)
                    {
                        _text.Append(", ");
                    }

                    _text.Append(init.Bindings[i].Member.Name);
                    if (init.Bindings[i] is MemberAssignment assignment)
                    {
                        _text.Append(" = ");
                        Write(assignment.Expression);
                    }
                }

                _text.Append(" }");
                break;
            case ListInitExpression listInit:
                Write(listInit.NewExpression);
                _text.Append(" { ");
                for (var i = 0; i < listInit.Initializers.Count; i++)
                {
                    if (i > 0)
                    {
                        _text.Append(", ");
                    }

                    WriteArguments(listInit.Initializers[i].Arguments);
                }

                _text.Append(" }");
                break;
            case NewArrayExpression array:
                _text.Append("new ").Append(TypeNames.Of(array.Type.GetElementType()!)).Append("[] { ");
                WriteList(array.Expressions);
                _text.Append(" }");
                break;
            case TypeBinaryExpression typeBinary:
                Write(typeBinary.Expression);
                _text.Append(" is ").Append(TypeNames.Of(typeBinary.TypeOperand));
                break;
            case InvocationExpression invocation:
                Write(invocation.Expression);
                WriteArguments(invocation.Arguments);
                break;
            case IndexExpression index:
                Write(index.Object);
                _text.Append('[');
                WriteList(index.Arguments);
                _text.Append(']');
                break;
            case DefaultExpression d:
                _text.Append("default(").Append(TypeNames.Of(d.Type)).Append(')');
                break;
            default:
                _text.Append(node.NodeType.ToString());
                break;
        }
    }

    private void WriteParameters(IReadOnlyList<ParameterExpression> parameters)
    {
        if (parameters.Count == 1)
        {
            _text.Append(NameOf(parameters[0]));
            return;
        }

        _text.Append('(');
        for (var i = 0; i < parameters.Count; i++)
        {
            if (i > 0)
            {
                _text.Append(", ");
            }

            _text.Append(NameOf(parameters[i]));
        }

        _text.Append(')');
    }

    // NRules' own variables (a yield's linked fact) have no name; number them in order of first use.
    private string NameOf(ParameterExpression parameter)
    {
        if (parameter.Name is { Length: > 0 } name)
        {
            return name;
        }

        if (!_unnamed.TryGetValue(parameter, out var given))
        {
            given = "$" + _unnamed.Count.ToString(CultureInfo.InvariantCulture);
            _unnamed.Add(parameter, given);
        }

        return given;
    }

    private void WriteBlock(BlockExpression block)
    {
        _text.Append("{ ");
        foreach (var variable in block.Variables)
        {
            _text.Append("var ").Append(NameOf(variable)).Append("; ");
        }

        foreach (var expression in block.Expressions)
        {
            Write(expression);
            _text.Append("; ");
        }

        _text.Append('}');
    }

    private void WriteArguments(IReadOnlyList<Expression> arguments)
    {
        _text.Append('(');
        WriteList(arguments);
        _text.Append(')');
    }

    private void WriteList(IReadOnlyList<Expression> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                _text.Append(", ");
            }

            Write(items[i]);
        }
    }

    private void WriteOperand(Expression operand)
    {
        var wrap = operand is BinaryExpression || operand is ConditionalExpression || operand is TypeBinaryExpression;
        if (wrap)
        {
            _text.Append('(');
        }

        Write(operand);
        if (wrap)
        {
            _text.Append(')');
        }
    }

    private void WriteBinary(BinaryExpression b)
    {
        if (b.NodeType == ExpressionType.ArrayIndex)
        {
            Write(b.Left);
            _text.Append('[');
            Write(b.Right);
            _text.Append(']');
            return;
        }

        WriteOperand(b.Left);
        _text.Append(' ').Append(Operator(b.NodeType)).Append(' ');
        WriteOperand(b.Right);
    }

    private static string Operator(ExpressionType type) => type switch
    {
        ExpressionType.Add or ExpressionType.AddChecked => "+",
        ExpressionType.Subtract or ExpressionType.SubtractChecked => "-",
        ExpressionType.Multiply or ExpressionType.MultiplyChecked => "*",
        ExpressionType.Divide => "/",
        ExpressionType.Modulo => "%",
        ExpressionType.AndAlso => "&&",
        ExpressionType.OrElse => "||",
        ExpressionType.And => "&",
        ExpressionType.Or => "|",
        ExpressionType.ExclusiveOr => "^",
        ExpressionType.Equal => "==",
        ExpressionType.NotEqual => "!=",
        ExpressionType.LessThan => "<",
        ExpressionType.LessThanOrEqual => "<=",
        ExpressionType.GreaterThan => ">",
        ExpressionType.GreaterThanOrEqual => ">=",
        ExpressionType.Coalesce => "??",
        ExpressionType.LeftShift => "<<",
        ExpressionType.RightShift => ">>",
        ExpressionType.Assign => "=",
        _ => type.ToString(),
    };

    private void WriteUnary(UnaryExpression u)
    {
        switch (u.NodeType)
        {
            case ExpressionType.Convert:
            case ExpressionType.ConvertChecked:
                _text.Append('(').Append(TypeNames.Of(u.Type)).Append(')');
                WriteOperand(u.Operand);
                break;
            case ExpressionType.TypeAs:
                WriteOperand(u.Operand);
                _text.Append(" as ").Append(TypeNames.Of(u.Type));
                break;
            case ExpressionType.Not:
                _text.Append(u.Type == typeof(bool) || u.Type == typeof(bool?) ? "!" : "~");
                WriteOperand(u.Operand);
                break;
            case ExpressionType.Negate:
            case ExpressionType.NegateChecked:
                _text.Append('-');
                WriteOperand(u.Operand);
                break;
            case ExpressionType.Quote:
                Write(u.Operand);
                break;
            case ExpressionType.ArrayLength:
                WriteOperand(u.Operand);
                _text.Append(".Length");
                break;
            default:
                _text.Append(u.NodeType.ToString()).Append('(');
                Write(u.Operand);
                _text.Append(')');
                break;
        }
    }

    private void WriteMember(MemberExpression m)
    {
        if (m.Expression is null)
        {
            _text.Append(TypeNames.Of(m.Member.DeclaringType!)).Append('.').Append(m.Member.Name);
            return;
        }

        if (m.Expression is ConstantExpression { Value: { } owner } && IsClosure(owner))
        {
            // A captured local or a field of the policy: its owner is compiler noise, its value is what the policy says.
            _text.Append(Constant(ValueOf(m.Member, owner)));
            return;
        }

        WriteOperand(m.Expression);
        _text.Append('.').Append(m.Member.Name);
    }

    private static object? ValueOf(MemberInfo member, object owner) => member switch
    {
        FieldInfo field => field.GetValue(owner),
        PropertyInfo property => property.GetValue(owner),
        _ => throw new NotSupportedException($"A captured {member.MemberType} ({member.Name}) cannot be read."),
    };

    private static bool IsClosure(object owner) => IsCompilerGenerated(owner.GetType()) || owner is Rule;

    private static bool IsClosureAccess(Expression owner) => owner is ConstantExpression { Value: { } value } && IsClosure(value);

    private static bool IsCompilerGenerated(Type type) =>
        type.IsDefined(typeof(CompilerGeneratedAttribute), false) || type.Name.Contains('<', StringComparison.Ordinal);

    private void WriteCall(MethodCallExpression call)
    {
        var method = call.Method;
        if (method.IsStatic && method.IsDefined(typeof(ExtensionAttribute), false) && call.Arguments.Count > 0)
        {
            WriteOperand(call.Arguments[0]);
            _text.Append('.').Append(method.Name);
            WriteArguments(call.Arguments.Skip(1).ToList());
            return;
        }

        if (method.IsStatic)
        {
            _text.Append(TypeNames.Of(method.DeclaringType!)).Append('.').Append(method.Name);
        }
        else if (method.Name == "get_Item" && call.Object is not null)
        {
            WriteOperand(call.Object);
            _text.Append('[');
            WriteList(call.Arguments);
            _text.Append(']');
            return;
        }
        else
        {
            if (call.Object is not null && !IsClosureAccess(call.Object))
            {
                WriteOperand(call.Object);
                _text.Append('.');
            }

            _text.Append(method.Name);
        }

        WriteArguments(call.Arguments);
    }
}
