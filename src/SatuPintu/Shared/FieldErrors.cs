namespace SatuPintu.Shared;

/// <summary>Errors per field (keyed by the API name, e.g. "latitude"), in Indonesian; several per field allowed.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _byField = [];

    public int Count => _byField.Count;

    public void Add(string field, string message)
    {
        if (!_byField.TryGetValue(field, out var list))
        {
            _byField[field] = list = [];
        }
        list.Add(message);
    }

    /// <summary>Trimmed; blank is null; longer than <paramref name="max"/> is an error.</summary>
    public string? Text(string? value, int max, string field, string label, bool required = false)
    {
        var clean = value?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(clean))
        {
            if (required)
            {
                Add(field, $"{label} wajib diisi.");
            }
            return null;
        }
        if (clean.Length > max)
        {
            Add(field, $"{label} paling banyak {max} karakter.");
        }
        return clean;
    }

    public T Range<T>(T value, T min, T max, string field, string label) where T : struct, IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            Add(field, $"{label} harus antara {min} dan {max}.");
        }
        return value;
    }

    public Dictionary<string, string[]> ToDictionary() => _byField.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
}
