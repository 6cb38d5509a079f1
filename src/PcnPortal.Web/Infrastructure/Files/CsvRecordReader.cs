using System.Text;

namespace PcnPortal.Web.Infrastructure.Files;

/// <summary>
/// A small RFC 4180 reader (commas, double-quoted fields with "" escapes and line breaks inside quotes, CRLF or LF).
/// <see cref="Row"/> is the record's number counting the header as 1. Reads a string, or a <see cref="TextReader"/>
/// a buffer at a time, so that a large file need not be held as one string.
/// </summary>
internal sealed class CsvRecordReader
{
    private readonly TextReader _reader;
    private readonly char[] _buffer;
    private readonly List<string> _fields = [];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;

    public CsvRecordReader(string text)
        : this(new StringReader(text), Math.Clamp(text.Length, 1, 64 * 1024))
    {
    }

    public CsvRecordReader(TextReader reader)
        : this(reader, 64 * 1024)
    {
    }

    private CsvRecordReader(TextReader reader, int bufferSize)
    {
        _reader = reader;
        _buffer = new char[bufferSize];
    }

    public int Row { get; private set; }

    public string[]? Record { get; private set; }

    public bool Read()
    {
        if (!Fill())
        {
            Record = null;
            return false;
        }

        _fields.Clear();
        _field.Clear();
        var inQuotes = false;
        while (Fill())
        {
            var c = _buffer[_position++];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (Fill() && _buffer[_position] == '"')
                    {
                        _field.Append('"');
                        _position++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    _field.Append(c);
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == ',')
            {
                _fields.Add(_field.ToString());
                _field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && Fill() && _buffer[_position] == '\n')
                {
                    _position++;
                }

                break;
            }
            else
            {
                _field.Append(c);
            }
        }

        if (inQuotes)
        {
            throw new FormatException("a quoted field is not closed before the end of the file");
        }

        _fields.Add(_field.ToString());
        Record = [.. _fields];
        Row++;
        return true;
    }

    /// <summary>Whether a character is waiting at <see cref="_position"/>, reading the next buffer when needed.</summary>
    private bool Fill()
    {
        if (_position < _length)
        {
            return true;
        }

        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
