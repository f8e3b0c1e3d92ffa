using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace PlanTracker.Tests.Reliability;

/// <summary>
/// Officers of different agencies, each recording progress on their own agency's tasks through the
/// API of a running node, one write after another, as fast as the node answers. Every answer is
/// kept: what was acknowledged (2xx) must be in the database whatever fault comes next.
/// </summary>
public sealed class ProgressWriters
{
    public sealed record Officer(int Index, string Email, long AgencyId, long[] TaskIds);

    /// <summary>A write the API acknowledged: its progress_updates row and the task's new version.</summary>
    public sealed record Ack(long TaskId, long ProgressUpdateId, int Version, int Percent, string Note);

    /// <summary>One request, sent at <paramref name="Sent"/> and answered (or failed) at <paramref name="At"/>: Status 0 when there was no answer.</summary>
    public sealed record Answer(DateTime Sent, DateTime At, bool Write, int Status, bool RetryAfter, string? ContentType);

    private readonly ConcurrentQueue<Ack> _acks = new();
    private readonly ConcurrentQueue<Answer> _answers = new();

    private ProgressWriters(string tag, IReadOnlyList<Officer> officers)
    {
        Tag = tag;
        Officers = officers;
    }

    /// <summary>Prefix of every note written, so that the checks find this run's rows and no others.</summary>
    public string Tag { get; }
    public IReadOnlyList<Officer> Officers { get; }
    public IReadOnlyCollection<Ack> Acks => _acks;
    public IReadOnlyCollection<Answer> Answers => _answers;

    /// <summary>
    /// Creates one officer account per agency (through the admin API of the node at <paramref name="app"/>),
    /// for the agencies that lead the most tasks that can take progress.
    /// </summary>
    public static async Task<ProgressWriters> CreateAsync(string connectionString, Uri app, int count)
    {
        var tag = "fault-" + Guid.NewGuid().ToString("N")[..8];
        var agencies = new List<(long AgencyId, long[] TaskIds)>();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand("""
                SELECT lead_agency_id, array_agg(id ORDER BY id) FROM plan_tasks
                WHERE NOT is_group AND status <> 'Cancelled' AND lead_agency_id IS NOT NULL
                GROUP BY lead_agency_id HAVING count(*) >= 2 ORDER BY count(*) DESC, lead_agency_id LIMIT $1
                """, connection);
            cmd.Parameters.AddWithValue(count);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) agencies.Add((reader.GetInt64(0), reader.GetFieldValue<long[]>(1)));
        }
        if (agencies.Count < count) throw new InvalidOperationException($"Only {agencies.Count} agencies lead tasks; {count} wanted.");

        using var admin = await SignInAsync(app, "admin@plantracker.local");
        var officers = new List<Officer>();
        foreach (var (agency, i) in agencies.Select((a, i) => (a, i)))
        {
            var email = $"canbo{i}.{tag}@plantracker.local";
            var created = await admin.PostAsJsonAsync("/api/v1/users", new
            {
                email, displayName = $"Cán bộ {i}", role = "AgencyOfficer", agencyId = agency.AgencyId, password = Infrastructure.TestDatabases.DemoPassword,
            });
            if (!created.IsSuccessStatusCode) throw new InvalidOperationException($"Creating {email}: {created.StatusCode} {await created.Content.ReadAsStringAsync()}");
            officers.Add(new Officer(i, email, agency.AgencyId, agency.TaskIds));
        }
        return new ProgressWriters(tag, officers);
    }

    public static async Task<HttpClient> SignInAsync(Uri app, string email)
    {
        var client = new HttpClient { BaseAddress = app, Timeout = TimeSpan.FromSeconds(60) }; // a busy machine signs in slowly (password hashing)
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Infrastructure.TestDatabases.DemoPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Every officer writes until <paramref name="stop"/>: status in progress, a percent and a note
    /// naming the officer and the write. After any answer but 2xx the officer reads the task again for
    /// its version (the write may or may not have been saved), retrying while the node cannot tell.
    /// </summary>
    public async Task RunAsync(Uri app, CancellationToken stop, TimeSpan? pause = null)
    {
        var clients = new List<HttpClient>();
        foreach (var officer in Officers) clients.Add(await SignInAsync(app, officer.Email));
        try
        {
            await Task.WhenAll(Officers.Select((o, i) => Task.Run(() => WriteAsync(o, clients[i], pause ?? TimeSpan.Zero, stop))));
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    private async Task WriteAsync(Officer officer, HttpClient http, TimeSpan pause, CancellationToken stop)
    {
        var versions = new Dictionary<long, int>();
        var (n, written) = (0, 0);
        while (!stop.IsCancellationRequested)
        {
            var taskId = officer.TaskIds[n % officer.TaskIds.Length];
            n++;
            if (!versions.TryGetValue(taskId, out var version))
            {
                if (await ReadVersionAsync(http, taskId, stop) is not { } read) return;
                version = read;
            }
            var percent = 1 + n % 99;
            var note = $"{Tag} officer {officer.Index} write {++written}";
            var (status, body) = await SendAsync(http, true, () => http.PostAsJsonAsync($"/api/v1/tasks/{taskId}/progress",
                new { version, status = "inProgress", percentComplete = percent, note }, CancellationToken.None));
            if (status is >= 200 and < 300)
            {
                var result = JsonDocument.Parse(body!).RootElement;
                var ack = new Ack(taskId, result.GetProperty("progressUpdateId").GetInt64(), result.GetProperty("version").GetInt32(), percent, note);
                _acks.Enqueue(ack);
                versions[taskId] = ack.Version;
            }
            else
            {
                // Saved or not, the officer cannot tell: read the task again and write to it once more.
                versions.Remove(taskId);
                n--;
            }
            if (pause > TimeSpan.Zero) await Task.Delay(pause, CancellationToken.None);
        }
    }

    /// <summary>Reads <paramref name="path"/> as <paramref name="email"/> until <paramref name="stop"/>, keeping every answer.</summary>
    public async Task ReadAsync(Uri app, string email, string path, CancellationToken stop, TimeSpan? pause = null)
    {
        using var http = await SignInAsync(app, email);
        while (!stop.IsCancellationRequested)
        {
            await SendAsync(http, false, () => http.GetAsync(path, CancellationToken.None));
            await Task.Delay(pause ?? TimeSpan.FromMilliseconds(20), CancellationToken.None);
        }
    }

    /// <returns>The task's version, or null when stopped before the node could answer.</returns>
    private async Task<int?> ReadVersionAsync(HttpClient http, long taskId, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var (status, body) = await SendAsync(http, false, () => http.GetAsync($"/api/v1/tasks/{taskId}", CancellationToken.None));
            if (status == 200) return JsonDocument.Parse(body!).RootElement.GetProperty("task").GetProperty("version").GetInt32();
            await Task.Delay(100, CancellationToken.None);
        }
        return null;
    }

    private async Task<(int Status, string? Body)> SendAsync(HttpClient http, bool write, Func<Task<HttpResponseMessage>> send)
    {
        var sent = DateTime.UtcNow;
        try
        {
            using var response = await send();
            var body = await response.Content.ReadAsStringAsync();
            _answers.Enqueue(new Answer(sent, DateTime.UtcNow, write, (int)response.StatusCode, response.Headers.RetryAfter is not null,
                response.Content.Headers.ContentType?.MediaType));
            return ((int)response.StatusCode, body);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            _answers.Enqueue(new Answer(sent, DateTime.UtcNow, write, 0, false, null));
            return (0, null);
        }
    }

    /// <summary>What the database holds of this run, and whether it agrees with what was acknowledged.</summary>
    public sealed record Check(int Acknowledged, int Found, int Rows, int SavedUnacknowledged, List<string> Problems);

    /// <summary>The tasks' versions and audit counts before the run, for <see cref="CheckAsync"/>.</summary>
    public sealed record Baseline(Dictionary<long, (int Version, long Audits)> Tasks);

    public async Task<Baseline> BaselineAsync(string connectionString)
    {
        var tasks = new Dictionary<long, (int, long)>();
        await using var connection = new NpgsqlConnection(Unpooled(connectionString));
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT t.id, t.version, (SELECT count(*) FROM audit_events a WHERE a.action = 'task.progress' AND a.entity_id = t.id)
            FROM plan_tasks t WHERE t.id = ANY($1)
            """, connection);
        cmd.Parameters.AddWithValue(Officers.SelectMany(o => o.TaskIds).ToArray());
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tasks[reader.GetInt64(0)] = (reader.GetInt32(1), reader.GetInt64(2));
        return new Baseline(tasks);
    }

    /// <summary>
    /// Every acknowledged write has its row, with its note and percent; and nothing is half-written:
    /// for every task, each saved update moved the version by one and left one audit event, and the
    /// task shows the percent of its latest update.
    /// </summary>
    public async Task<Check> CheckAsync(string connectionString, Baseline before)
    {
        var problems = new List<string>();
        await using var connection = new NpgsqlConnection(Unpooled(connectionString));
        await connection.OpenAsync();
        var rows = new Dictionary<long, (long TaskId, int Percent, string Note)>();
        await using (var cmd = new NpgsqlCommand("SELECT id, task_id, percent_complete, note FROM progress_updates WHERE note LIKE $1 || ' %'", connection))
        {
            cmd.Parameters.AddWithValue(Tag);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows[reader.GetInt64(0)] = (reader.GetInt64(1), reader.GetInt32(2), reader.GetString(3));
        }
        var found = 0;
        foreach (var ack in _acks)
        {
            if (!rows.TryGetValue(ack.ProgressUpdateId, out var row)) problems.Add($"acknowledged update {ack.ProgressUpdateId} ({ack.Note}) is missing");
            else if (row != (ack.TaskId, ack.Percent, ack.Note)) problems.Add($"update {ack.ProgressUpdateId} holds {row}, acknowledged {ack}");
            else found++;
        }
        await using (var cmd = new NpgsqlCommand("""
            SELECT t.id, t.version, t.percent_complete, (SELECT count(*) FROM audit_events a WHERE a.action = 'task.progress' AND a.entity_id = t.id)
            FROM plan_tasks t WHERE t.id = ANY($1)
            """, connection))
        {
            cmd.Parameters.AddWithValue(before.Tasks.Keys.ToArray());
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var (id, version, percent, audits) = (reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt64(3));
                var mine = rows.Where(r => r.Value.TaskId == id).OrderBy(r => r.Key).ToList();
                var (startVersion, startAudits) = before.Tasks[id];
                if (version - startVersion != mine.Count) problems.Add($"task {id}: version {startVersion} -> {version} but {mine.Count} updates saved");
                if (audits - startAudits != mine.Count) problems.Add($"task {id}: {audits - startAudits} audit events for {mine.Count} updates");
                if (mine.Count > 0 && percent != mine[^1].Value.Percent) problems.Add($"task {id}: {percent}% but its latest update says {mine[^1].Value.Percent}%");
            }
        }
        var acknowledged = _acks.Select(a => a.ProgressUpdateId).ToHashSet();
        return new Check(_acks.Count, found, rows.Count, rows.Keys.Count(id => !acknowledged.Contains(id)), problems);
    }

    // The checks' own connections must not come from a pool the fault has broken.
    private static string Unpooled(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
}
