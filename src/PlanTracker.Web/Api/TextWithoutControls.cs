using System.Text.Json;
using System.Text.Json.Serialization;
using PlanTracker.Core.Common;

namespace PlanTracker.Web.Api;

/// <summary>
/// Every string of every JSON body (a command's, a sign-in's, any other), as it is read: a control
/// character other than line feed, carriage return and tab is refused before anything sees the value
/// (PostgreSQL refuses U+0000, so left alone it became a 500). Whether a field may hold line breaks is
/// the command's to say: InputBehavior checks that once the body is bound.
/// </summary>
public sealed class TextWithoutControls : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (InputRules.ForbiddenCharacter(text, multiLine: true) is { } c) throw new ControlCharacterException(c);
        return text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>Thrown while reading a body; System.Text.Json fills in <see cref="JsonException.Path"/>, which names the field.</summary>
public sealed class ControlCharacterException(char character) : JsonException($"A control character U+{(int)character:X4}.")
{
    public char Character { get; } = character;
    /// <summary>The request's language: the exception handler that words the answer runs outside the request's culture.</summary>
    public System.Globalization.CultureInfo Culture { get; } = System.Globalization.CultureInfo.CurrentUICulture;
}
