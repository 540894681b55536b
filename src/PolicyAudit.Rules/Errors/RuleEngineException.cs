namespace PolicyAudit.Rules;

/// <summary>The base class of every error the rule engine raises, so callers can catch engine failures in one place.</summary>
public class RuleEngineException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public RuleEngineException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public RuleEngineException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
