using System.Text;

namespace PcnPortal.Web.Infrastructure.Files;

/// <summary>
/// A small RFC 4180 reader (commas, double-quoted fields with "" escapes and line breaks inside quotes, CRLF or LF).
/// <see cref="Row"/> is the record's number counting the header as 1.
/// </summary>
internal sealed class CsvRecordReader(string text)
{
    private int _position;

    public int Row { get; private set; }

    public string[]? Record { get; private set; }

    public bool Read()
    {
        if (_position >= text.Length)
        {
            Record = null;
            return false;
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        while (_position < text.Length)
        {
            var c = text[_position++];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (_position < text.Length && text[_position] == '"')
                    {
                        field.Append('"');
                        _position++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && _position < text.Length && text[_position] == '\n')
                {
                    _position++;
                }

                break;
            }
            else
            {
                field.Append(c);
            }
        }

        if (inQuotes)
        {
            throw new FormatException("a quoted field is not closed before the end of the file");
        }

        fields.Add(field.ToString());
        Record = [.. fields];
        Row++;
        return true;
    }
}
