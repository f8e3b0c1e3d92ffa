using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanTracker.Core.Drafting;

/// <summary>How a proposal is stored with its draft (jsonb).</summary>
public static class ProposalJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(Proposal proposal) => JsonSerializer.Serialize(proposal, Options);

    public static Proposal Read(string json) => JsonSerializer.Deserialize<Proposal>(json, Options) ?? new Proposal();
}
