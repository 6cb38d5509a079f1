namespace PcnPortal.Web.Infrastructure.Web.Forms;

/// <summary>A problem with one field of a form, keyed by the field's name under the form (for example "Sources[0].Amount"), or "" for the form as a whole.</summary>
public sealed record FormError(string Key, string Message);

/// <summary>What a service returns when it re-checks a form's business rules: nothing, or keyed errors for the page to show beside the fields.</summary>
public class FormResult
{
    protected FormResult(IReadOnlyList<FormError> errors) => Errors = errors;

    public IReadOnlyList<FormError> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    public static FormResult Success { get; } = new([]);

    public static FormResult Fail(string key, string message) => new([new FormError(key, message)]);

    public static FormResult Fail(IEnumerable<FormError> errors) => new([.. errors]);
}

/// <summary>A <see cref="FormResult"/> that carries a value when it succeeds.</summary>
public sealed class ServiceResult<T> : FormResult
{
    private ServiceResult(T? value, IReadOnlyList<FormError> errors)
        : base(errors) => Value = value;

    public T? Value { get; }

    public static ServiceResult<T> Ok(T value) => new(value, []);

    public static new ServiceResult<T> Fail(string key, string message) => new(default, [new FormError(key, message)]);

    public static new ServiceResult<T> Fail(IEnumerable<FormError> errors) => new(default, [.. errors]);
}
