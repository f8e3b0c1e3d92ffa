using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PlanTracker.Benchmarks.Http;

/// <summary>
/// One signed-in user of /api/v1 (a bearer token from POST /api/v1/auth/token), on a connection
/// pool shared by every user of a run, as many browsers or API clients behind one proxy would be.
/// Answers are read as JSON nodes: the benchmarks need an id or a version, not the app's types.
/// </summary>
public sealed class ApiClient(HttpClient http, string email, string token)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string Email { get; } = email;

    /// <summary>A client for many concurrent users: one pool of at most <paramref name="connections"/> connections to the app.</summary>
    public static HttpClient Pool(Uri baseAddress, int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(100),
        };

    public static async Task<ApiClient> SignInAsync(HttpClient http, string email, string password)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password }, Json);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{email} could not sign in: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Json);
        return new ApiClient(http, email, body!["accessToken"]!.GetValue<string>());
    }

    public Task<ApiAnswer> GetAsync(string path, CancellationToken ct = default) => SendAsync(HttpMethod.Get, path, null, ct);

    public Task<ApiAnswer> PostAsync(string path, object body, CancellationToken ct = default) => SendAsync(HttpMethod.Post, path, body, ct);

    public async Task<ApiAnswer> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return new ApiAnswer(response.StatusCode, text);
    }
}

/// <summary>An answer: its status and body; <see cref="Node"/> parses the body when a caller needs a value from it.</summary>
public sealed record ApiAnswer(HttpStatusCode Status, string Body)
{
    public bool Ok => (int)Status is >= 200 and < 300;
    public JsonNode Node => JsonNode.Parse(Body) ?? throw new InvalidOperationException("Empty answer.");

    /// <summary>This answer if it is a success; otherwise an error naming the request, the status and the body.</summary>
    public ApiAnswer Expect(string what) => Ok ? this
        : throw new InvalidOperationException($"{what}: HTTP {(int)Status} {Body[..Math.Min(Body.Length, 500)]}");
}
