using Npgsql;
using NpgsqlTypes;

namespace PlanTracker.Benchmarks.Generator;

/// <summary>
/// A binary COPY into one table (Npgsql's BeginBinaryImport): rows go to the server as a stream,
/// the fastest way PostgreSQL takes data. Columns are written in the order the COPY names them.
/// </summary>
public sealed class CopyWriter : IAsyncDisposable
{
    private readonly NpgsqlBinaryImporter _importer;
    private readonly string _table;

    private CopyWriter(NpgsqlBinaryImporter importer, string table)
    {
        _importer = importer;
        _table = table;
    }

    public long Rows { get; private set; }

    public static async Task<CopyWriter> StartAsync(NpgsqlConnection connection, string table, params string[] columns) =>
        new(await connection.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)"), table);

    public CopyWriter Row()
    {
        _importer.StartRow();
        Rows++;
        return this;
    }

    public CopyWriter Long(long value) => Write(value, NpgsqlDbType.Bigint);
    public CopyWriter Long(long? value) => value is { } v ? Long(v) : Null();
    public CopyWriter Int(int value) => Write(value, NpgsqlDbType.Integer);
    public CopyWriter Int(int? value) => value is { } v ? Int(v) : Null();
    public CopyWriter Decimal(decimal? value) => value is { } v ? Write(v, NpgsqlDbType.Numeric) : Null();
    public CopyWriter Bool(bool value) => Write(value, NpgsqlDbType.Boolean);
    public CopyWriter Text(string? value) => value is null ? Null() : Write(value, NpgsqlDbType.Text);
    public CopyWriter Date(DateOnly? value) => value is { } v ? Write(v, NpgsqlDbType.Date) : Null();
    public CopyWriter Timestamp(DateTimeOffset? value) => value is { } v ? Write(v.ToUniversalTime(), NpgsqlDbType.TimestampTz) : Null();
    public CopyWriter Ints(int[]? value) => value is null ? Null() : Write(value, NpgsqlDbType.Array | NpgsqlDbType.Integer);
    public CopyWriter Enum<T>(T value) where T : struct, System.Enum => Write(value.ToString(), NpgsqlDbType.Text);

    public CopyWriter Null()
    {
        _importer.WriteNull();
        return this;
    }

    private CopyWriter Write<T>(T value, NpgsqlDbType type)
    {
        _importer.Write(value, type);
        return this;
    }

    /// <summary>Ends the COPY; without it the server discards every row.</summary>
    public async Task<long> CompleteAsync()
    {
        var written = await _importer.CompleteAsync();
        if ((long)written != Rows) throw new InvalidOperationException($"COPY {_table}: {Rows} rows written, the server took {written}.");
        return Rows;
    }

    public ValueTask DisposeAsync() => _importer.DisposeAsync();
}
