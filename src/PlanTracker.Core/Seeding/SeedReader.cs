using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanTracker.Core.Seeding;

/// <summary>Reads and checks every file of seed-data/; throws <see cref="SeedDataException"/> naming file and field.</summary>
public static class SeedReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    public static SeedSet Read(string directory)
    {
        if (!Directory.Exists(directory))
            throw new SeedDataException([$"{directory}: the seed-data folder does not exist"]);
        var errors = new List<string>();
        var provinces = ReadAll<ProvinceFile>(directory, "agencies", errors);
        var national = Read<NationalDocumentsFile>(directory, "documents/national.json", errors);
        var plans = ReadAll<PlanFile>(directory, "plans", errors);
        var holidays = Read<List<HolidaySeed>>(directory, "holidays.json", errors);
        var demoUsers = Read<List<DemoUserSeed>>(directory, "demo-users.json", errors);
        if (errors.Count > 0) throw new SeedDataException(errors);

        var set = new SeedSet(provinces, national!.Documents, plans, holidays!, demoUsers!);
        SeedValidator.Validate(set, errors);
        if (errors.Count > 0) throw new SeedDataException(errors);
        return set;
    }

    private static List<(string, T)> ReadAll<T>(string directory, string folder, List<string> errors) where T : class =>
        Directory.Exists(Path.Combine(directory, folder))
            ? Directory.GetFiles(Path.Combine(directory, folder), "*.json")
                .Order(StringComparer.Ordinal)
                .Select(f => Path.GetRelativePath(directory, f))
                .Select(f => (f, Read<T>(directory, f, errors)))
                .Where(x => x.Item2 is not null)
                .Select(x => (x.f, x.Item2!))
                .ToList()
            : [];

    private static T? Read<T>(string directory, string relativePath, List<string> errors) where T : class
    {
        var path = Path.Combine(directory, relativePath);
        if (!File.Exists(path))
        {
            errors.Add($"{relativePath}: file is missing");
            return null;
        }
        try
        {
            var value = JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json);
            if (value is null) errors.Add($"{relativePath}: $: the file holds null");
            return value;
        }
        catch (JsonException e)
        {
            errors.Add($"{relativePath}: {e.Path ?? "$"}: {FirstSentence(e.Message)}");
            return null;
        }
    }

    // System.Text.Json appends path and position to its messages; the path is already in front.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
