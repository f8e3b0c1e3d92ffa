using MediatR;
using PlanTracker.Core.Common;
using PlanTracker.Core.Features.Drafting;

namespace PlanTracker.Web.Api;

/// <summary>
/// /api/v1/imports: a document's text or file in, a proposal out (kept as a draft), the review steps,
/// and the confirmation that creates the plan. POST /imports is the issue's name for the first step;
/// POST /imports/drafts is the same, in line with the draft routes under it. Appendix tables imported
/// into an existing plan stay at /plans/{id}/imports.
/// </summary>
public static class DraftingApi
{
    public sealed record TextBody(string? Text);
    public sealed record VersionBody(int Version);
    public sealed record MergeBody(int Version, IReadOnlyList<string>? ItemIds);
    public sealed record SplitBody(int Version, IReadOnlyList<string>? Parts);

    public static void MapDraftingApi(this RouteGroupBuilder api)
    {
        api.MapPost("/imports", CreateDraft).DisableAntiforgery(); // bearer-token clients send no cookies
        api.MapPost("/imports/drafts", CreateDraft).DisableAntiforgery();
        api.MapGet("/imports/drafts", async (IMediator m, CancellationToken ct) => Results.Ok(await m.Send(new ListDrafts.Query(), ct)));
        api.MapGet("/imports/drafts/{id:long}", async (long id, IMediator m, CancellationToken ct) => Results.Ok(await m.Send(new GetDraft.Query(id), ct)));
        api.MapDelete("/imports/drafts/{id:long}", async (long id, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new DiscardDraft.Command(id), ct);
            return Results.NoContent();
        });
        api.MapPut("/imports/drafts/{id:long}/document", async (long id, EditDraftDocument.Command body, IMediator m, CancellationToken ct) =>
            Results.Ok(new { version = await m.Send(body with { DraftId = id }, ct) }));
        api.MapPut("/imports/drafts/{id:long}/items/{itemId}", async (long id, string itemId, EditDraftItem.Command body, IMediator m, CancellationToken ct) =>
            Results.Ok(new { version = await m.Send(body with { DraftId = id, ItemId = itemId }, ct) }));
        api.MapPut("/imports/drafts/{id:long}/items/{itemId}/links", async (long id, string itemId, SetDraftItemLinks.Command body, IMediator m, CancellationToken ct) =>
            Results.Ok(new { version = await m.Send(body with { DraftId = id, ItemId = itemId }, ct) }));
        api.MapGet("/imports/drafts/{id:long}/link-choices", async (long id, IMediator m, CancellationToken ct) =>
            Results.Ok(await m.Send(new ListDraftLinkChoices.Query(id), ct)));
        api.MapDelete("/imports/drafts/{id:long}/items/{itemId}", async (long id, string itemId, int version, IMediator m, CancellationToken ct) =>
            Results.Ok(new { version = await m.Send(new DropDraftItem.Command(id, version, itemId), ct) }));
        api.MapPost("/imports/drafts/{id:long}/merges", async (long id, MergeBody body, IMediator m, CancellationToken ct) =>
            Results.Ok(new { version = await m.Send(new MergeDraftItems.Command(id, body.Version, body.ItemIds ?? []), ct) }));
        api.MapPost("/imports/drafts/{id:long}/items/{itemId}/split", async (long id, string itemId, SplitBody body, IMediator m, CancellationToken ct) =>
            Results.Ok(new { version = await m.Send(new SplitDraftItem.Command(id, body.Version, itemId, body.Parts ?? []), ct) }));
        api.MapPut("/imports/drafts/{id:long}/agencies/{unknownId}", async (long id, string unknownId, MapDraftAgency.Command body, IMediator m, CancellationToken ct) =>
            Results.Ok(new { version = await m.Send(body with { DraftId = id, UnknownId = unknownId }, ct) }));
        api.MapPost("/imports/drafts/{id:long}/confirm", async (long id, VersionBody body, IMediator m, CancellationToken ct) =>
        {
            var result = await m.Send(new ConfirmDraft.Command(id, body.Version), ct);
            return Results.Created($"/api/v1/plans/{result.PlanId}", result);
        });
    }

    /// <summary>JSON <c>{"text": "…"}</c>, or a form with a <c>file</c> (.txt, .docx, .pdf) or a <c>text</c> field.</summary>
    private static async Task<IResult> CreateDraft(HttpRequest request, IMediator m, CancellationToken ct)
    {
        CreateDraft.Command command;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            command = file is not null
                ? new CreateDraft.Command(null, file.FileName, file.OpenReadStream)
                : new CreateDraft.Command(form["text"].ToString());
        }
        else
        {
            if (!request.HasJsonContentType())
                throw new RuleViolationException("text", Wording.Pick(
                    "Hãy gửi nội dung dạng JSON {\"text\": \"…\"}, hoặc một biểu mẫu có 'file' là tệp .txt, .docx hay .pdf.",
                    "Send the text as JSON {\"text\": \"…\"}, or a form with a .txt, .docx or .pdf 'file'."));
            TextBody? body;
            try
            {
                body = await request.ReadFromJsonAsync<TextBody>(ct);
            }
            catch (ControlCharacterException e)
            {
                throw new RuleViolationException("text", InputRules.ControlCharacterMessage("text", e.Character));
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new RuleViolationException("text", Wording.Pick(
                    $"Nội dung gửi lên không phải JSON dạng {{\"text\": \"…\"}}: {e.Message}",
                    $"The body is not JSON of the form {{\"text\": \"…\"}}: {e.Message}"));
            }
            command = new CreateDraft.Command(body?.Text);
        }
        var result = await m.Send(command, ct);
        return Results.Created($"/api/v1/imports/drafts/{result.DraftId}", result);
    }
}
