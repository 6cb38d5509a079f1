namespace PcnPortal.Web.Infrastructure.Web.Forms;

/// <summary>
/// One labelled NHS.UK text input or textarea for the shared _Field partial: label, hint, error message and input.
/// <paramref name="Prefix"/> ("£") puts a prefix box before the input and asks for a decimal keypad.
/// </summary>
public sealed record FieldModel(string Key, string Label, string? Value, string? Hint = null, string Type = "text", string? Width = null, string? Prefix = null, string? InputMode = null);

/// <summary>
/// One NHS.UK date input for the shared _DateInput partial: three boxes (day, month, year) posted as "Key.Day", "Key.Month"
/// and "Key.Year", or two (month and year) when <paramref name="MonthOnly"/>. <paramref name="Id"/> overrides the element
/// ids (made from the key) where one page repeats the same field, as in a table of rows.
/// </summary>
public sealed record DateField(string Key, string Legend, DateParts? Value, string? Hint = null, bool MonthOnly = false, string? Id = null);
