namespace PolicyAudit;

/// <summary>
/// Thrown at start-up when the policy set is invalid: a policy class without <see cref="PolicyAttribute"/>, an id that
/// is not kebab-case, two classes with the same id, or a policy whose definition does not compile. The message names
/// the classes involved.
/// </summary>
public sealed class PolicySetException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the policy classes.</param>
    public PolicySetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What is wrong, naming the policy classes.</param>
    /// <param name="innerException">The cause.</param>
    public PolicySetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
