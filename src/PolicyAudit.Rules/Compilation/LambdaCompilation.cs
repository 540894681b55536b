using System.Linq.Expressions;

namespace PolicyAudit.Rules;

/// <summary>The one place expression trees become delegates. Each delegate is compiled once, on its first call:
/// the runtime JIT-compiles an expression's dynamic method with full optimisation as soon as it is created, which
/// costs up to milliseconds per expression, so compiling eagerly would make <see cref="RuleRepository.Compile()"/> of a
/// large rule set take seconds. Until then a call goes through a small stub; afterwards straight to the compiled
/// delegate. Two threads racing on the first call both compile and both results are correct.</summary>
internal static class LambdaCompilation
{
    public static T CompileNow<T>(this Expression<T> lambda)
        where T : Delegate => JitFriendlyRewriter.Rewrite(lambda).Compile();

    public static Func<T1, TResult> CompileLazily<T1, TResult>(this Expression<Func<T1, TResult>> lambda)
    {
        var cell = new Cell<Func<T1, TResult>>(lambda);
        return a => (cell.Compiled ??= cell.Compile())(a);
    }

    public static Func<T1, T2, TResult> CompileLazily<T1, T2, TResult>(this Expression<Func<T1, T2, TResult>> lambda)
    {
        var cell = new Cell<Func<T1, T2, TResult>>(lambda);
        return (a, b) => (cell.Compiled ??= cell.Compile())(a, b);
    }

    public static Func<T1, T2, T3, TResult> CompileLazily<T1, T2, T3, TResult>(this Expression<Func<T1, T2, T3, TResult>> lambda)
    {
        var cell = new Cell<Func<T1, T2, T3, TResult>>(lambda);
        return (a, b, c) => (cell.Compiled ??= cell.Compile())(a, b, c);
    }

    public static Action<T1, T2> CompileLazily<T1, T2>(this Expression<Action<T1, T2>> lambda)
    {
        var cell = new Cell<Action<T1, T2>>(lambda);
        return (a, b) => (cell.Compiled ??= cell.Compile())(a, b);
    }

    private sealed class Cell<T>(Expression<T> lambda)
        where T : Delegate
    {
        public T? Compiled;

        public T Compile() => lambda.CompileNow();
    }
}
