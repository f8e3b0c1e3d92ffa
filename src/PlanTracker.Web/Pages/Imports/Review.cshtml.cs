using System.Text;
using System.Text.Encodings.Web;
using MediatR;
using PlanTracker.Core.Common;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Drafting;
using PlanTracker.Core.Features.Agencies;
using PlanTracker.Core.Features.Drafting;
using PlanTracker.Web.Pages.Shared;

namespace PlanTracker.Web.Pages.Imports;

/// <summary>
/// The review screen: the source beside the proposal. Each item links to the words it came from; the
/// secretariat accepts, edits, merges, splits or drops items, maps unknown agencies, corrects the
/// document's data and confirms. Every step goes through the same commands as the API.
/// </summary>
public sealed class ReviewModel(IMediator mediator, HtmlEncoder encoder) : PageModel
{
    public GetDraft.Result? Draft { get; private set; }
    public IReadOnlyList<ListAgencies.AgencyItem> Agencies { get; private set; } = [];
    /// <summary>The parent plans' tasks an item may carry out: the reader's proposals are among them, the reviewer adds others.</summary>
    public IReadOnlyList<DraftParentTasks.TaskChoice> ParentChoices { get; private set; } = [];
    /// <summary>The item whose edit was refused: its form opens again with the messages beside its fields.</summary>
    public string? EditedItemId { get; private set; }

    public sealed class ItemInput
    {
        public string? Code { get; set; }
        public string? Title { get; set; }
        public long? LeadAgencyId { get; set; }
        public string? DeadlineText { get; set; }
        public string? OriginalDeadlineText { get; set; }
        public bool Accepted { get; set; }
        public bool IsGroup { get; set; }
        public string? Description { get; set; }
        public string? ExpectedOutput { get; set; }
        public List<long> CoordinatingAgencyIds { get; set; } = [];
        public List<TargetRow> Targets { get; set; } = [];
        /// <summary>The group lead's members left checked; read only when the form showed them (<see cref="FanOutShown"/>).</summary>
        public List<long> FanOutAgencyIds { get; set; } = [];
        public bool FanOutShown { get; set; }
    }

    public sealed class DocumentInput
    {
        public string? Number { get; set; }
        public DocumentKind Kind { get; set; }
        public string? Issuer { get; set; }
        public DateOnly? IssuedOn { get; set; }
        public string? Signer { get; set; }
        public string? Title { get; set; }
        public string? PlanTitle { get; set; }
        public List<long> ImplementsDocumentIds { get; set; } = [];
        public bool UseExisting { get; set; }
    }

    public sealed class AgencyInput
    {
        public long? AgencyId { get; set; }
        public string? NewName { get; set; }
        public string? NewShortName { get; set; }
        public AgencyKind NewKind { get; set; } = AgencyKind.Department;
    }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => Show(id, ct);

    /// <summary>"Hủy bản dự thảo" first asks: a discarded draft cannot be brought back.</summary>
    public bool AskDiscard { get; private set; }

    public Task<IActionResult> OnGetDiscardAsync(long id, CancellationToken ct)
    {
        AskDiscard = true;
        return Show(id, ct);
    }

    /// <summary>
    /// Everything the reader proposed for one item, as the reviewer left it. Targets are sent only when the
    /// reviewer changed them, so that unchanged ones keep their place in the source.
    /// </summary>
    public Task<IActionResult> OnPostItemAsync(long id, int version, string itemId, ItemInput item, CancellationToken ct) =>
        Act(id, "Item", async () =>
        {
            EditedItemId = itemId;
            var targets = TargetRow.Read(item.Targets, "Item.Targets", ModelState.AddModelError);
            if (!ModelState.IsValid) throw new FluentValidation.ValidationException([]);
            var proposed = (await mediator.Send(new GetDraft.Query(id), ct)).Proposal.Items.FirstOrDefault(i => i.Id == itemId);
            var unchanged = proposed is not null && proposed.Targets.Count == targets.Count && proposed.Targets.Zip(targets).All(p =>
                p.First.Indicator == p.Second.Indicator && p.First.Unit == p.Second.Unit && p.First.Comparison == p.Second.Comparison
                && p.First.Value == p.Second.Value && p.First.DueOn == p.Second.DueOn && p.First.UnitText == p.Second.UnitText);
            return await mediator.Send(new EditDraftItem.Command(id, version, itemId, item.Code, item.Title, item.Description ?? "", item.IsGroup,
                item.IsGroup ? null : item.LeadAgencyId, item.CoordinatingAgencyIds,
                item.DeadlineText == item.OriginalDeadlineText ? null : item.DeadlineText ?? "", unchanged ? null : targets, item.Accepted,
                item.ExpectedOutput ?? "",
                // The members shown belong to the lead the form was drawn with: a lead changed in the same save starts from all of its own.
                item.FanOutShown && !item.IsGroup && item.LeadAgencyId == proposed?.Lead?.AgencyId ? item.FanOutAgencyIds : null), ct);
        }, ct);

    /// <summary>Removes one proposed parent link; the others stay as they are.</summary>
    public Task<IActionResult> OnPostUnlinkAsync(long id, int version, string itemId, long parentTaskId, long? parentTargetId, CancellationToken ct) =>
        Act(id, "Item", async () => await mediator.Send(new SetDraftItemLinks.Command(id, version, itemId, (await LinksOf(id, itemId, ct))
            .Where(l => !(l.ParentTaskId == parentTaskId && l.ParentTargetId == parentTargetId)).ToList()), ct), ct);

    /// <summary>Adds a parent task the reader did not propose (the task as a whole; targets are linked on the task's links page).</summary>
    public Task<IActionResult> OnPostLinkAsync(long id, int version, string itemId, long parentTaskId, CancellationToken ct) =>
        Act(id, "Item", async () => await mediator.Send(new SetDraftItemLinks.Command(id, version, itemId,
            [.. await LinksOf(id, itemId, ct), new SetDraftItemLinks.LinkInput(parentTaskId)]), ct), ct);

    private async Task<List<SetDraftItemLinks.LinkInput>> LinksOf(long id, string itemId, CancellationToken ct) =>
        ((await mediator.Send(new GetDraft.Query(id), ct)).Proposal.Items.FirstOrDefault(i => i.Id == itemId)?.Links ?? [])
            .Select(l => new SetDraftItemLinks.LinkInput(l.ParentTaskId, l.ParentTargetId, l.OwnTargetIndex)).ToList();

    public Task<IActionResult> OnPostDropAsync(long id, int version, string itemId, CancellationToken ct) =>
        Act(id, "Item", () => mediator.Send(new DropDraftItem.Command(id, version, itemId), ct), ct);

    public Task<IActionResult> OnPostMergeAsync(long id, int version, string itemId, string nextId, CancellationToken ct) =>
        Act(id, "Item", () => mediator.Send(new MergeDraftItems.Command(id, version, [itemId, nextId]), ct), ct);

    public Task<IActionResult> OnPostSplitAsync(long id, int version, string itemId, string? parts, CancellationToken ct) =>
        Act(id, "Item", () => mediator.Send(new SplitDraftItem.Command(id, version, itemId,
            (parts ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)), ct), ct);

    public Task<IActionResult> OnPostAgencyAsync(long id, int version, string unknownId, AgencyInput agency, CancellationToken ct) =>
        Act(id, "Agency", () => mediator.Send(agency.AgencyId is { } existing
            ? new MapDraftAgency.Command(id, version, unknownId, existing)
            : new MapDraftAgency.Command(id, version, unknownId, null, agency.NewName, agency.NewShortName, agency.NewKind), ct), ct);

    public async Task<IActionResult> OnPostDocumentAsync(long id, int version, DocumentInput document, CancellationToken ct)
    {
        var existing = document.UseExisting ? (await mediator.Send(new GetDraft.Query(id), ct)).Proposal.Document.ExistingDocumentId : null;
        return await Act(id, "Document", () => mediator.Send(new EditDraftDocument.Command(id, version, document.Number, document.Kind, document.Issuer ?? "",
            document.IssuedOn, document.Signer, document.Title ?? "", document.PlanTitle ?? "", document.ImplementsDocumentIds, existing), ct), ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(long id, int version, CancellationToken ct) =>
        await this.Attempt("Confirm", async () =>
        {
            var result = await mediator.Send(new ConfirmDraft.Command(id, version), ct);
            this.Tell(Wording.Pick($"Đã tạo kế hoạch dự thảo với {result.Items} nhiệm vụ{(result.CreatedAgencyIds.Count > 0 ? $" và {result.CreatedAgencyIds.Count} cơ quan mới" : "")}. Kiểm tra rồi bấm “Ban hành” để giao cho các cơ quan.",
                $"A draft plan with {result.Items} task(s){(result.CreatedAgencyIds.Count > 0 ? $" and {result.CreatedAgencyIds.Count} new agency(ies)" : "")} was created. Check it, then press “Publish” to assign it."));
            return Redirect($"/Plans/{result.PlanId}");
        }, () => Show(id, ct));

    public async Task<IActionResult> OnPostDiscardAsync(long id, CancellationToken ct) =>
        await this.Attempt("Confirm", async () =>
        {
            var name = (await mediator.Send(new GetDraft.Query(id), ct)).SourceName;
            await mediator.Send(new DiscardDraft.Command(id), ct);
            this.Tell(Wording.Pick($"Đã hủy bản dự thảo “{name}”; không có gì được lưu vào kế hoạch.", $"The draft “{name}” was discarded; nothing was saved to a plan."));
            return Redirect("/Imports/Drafts");
        }, () => Show(id, ct));

    private Task<IActionResult> Act<T>(long id, string form, Func<Task<T>> send, CancellationToken ct) =>
        this.Attempt(form, async () => { await send(); return Redirect($"/Imports/Drafts/{id}"); }, () => Show(id, ct));

    private async Task<IActionResult> Show(long id, CancellationToken ct)
    {
        Draft = await mediator.Send(new GetDraft.Query(id), ct);
        Agencies = await mediator.Send(new ListAgencies.Query(ProvinceId: Draft.ProvinceId, CurrentOnly: true), ct);
        ParentChoices = await mediator.Send(new ListDraftLinkChoices.Query(id), ct);
        return Page();
    }

    public IEnumerable<(ProposedItem Item, int Depth)> Items()
    {
        var depth = new Dictionary<string, int>();
        foreach (var item in Draft!.Proposal.Items)
        {
            var d = item.ParentId is { } p && depth.TryGetValue(p, out var pd) ? pd + 1 : 0;
            depth[item.Id] = d;
            yield return (item, d);
        }
    }

    /// <summary>How a link reads in review: "36a/NQ-CP · 7 — Hết năm 2016, kết nối liên thông …", with the parent target when one is linked.</summary>
    public string LinkLabel(ProposedParentLink link)
    {
        var parent = ParentChoices.FirstOrDefault(c => c.TaskId == link.ParentTaskId);
        if (parent is null) return link.ParentCode;
        var target = link.ParentTargetId is { } t ? parent.Targets.FirstOrDefault(x => x.TargetId == t)?.Text : null;
        return $"{parent.DocumentNumber ?? parent.PlanTitle} · {parent.Code} — {Short(parent.Title)}" + (target is null ? "" : $" ({Wording.Pick("chỉ tiêu", "target")}: {Short(target)})");
    }

    public static string Short(string s)
    {
        if (s.Length <= 90) return s;
        var cut = s.LastIndexOf(' ', 89);
        return s[..(cut > 40 ? cut : 89)] + " …";
    }

    public static string BasisLabel(ParentLinkBasis basis) => basis switch
    {
        ParentLinkBasis.Cited => Wording.Pick("văn bản trích dẫn", "cited in the text"),
        ParentLinkBasis.SameWording => Wording.Pick("cùng nội dung", "same wording"),
        ParentLinkBasis.SameTarget => Wording.Pick("cùng chỉ tiêu", "same target"),
        _ => Wording.Pick("thêm khi rà soát", "added in review"),
    };

    /// <summary>When the item's lead is a group with members: its members in name order, each with whether it gets a task.</summary>
    public IReadOnlyList<(ListAgencies.AgencyItem Member, bool Chosen)> FanOut(ProposedItem item)
    {
        if (item.IsGroup || item.Lead?.AgencyId is not { } leadId || Agencies.FirstOrDefault(a => a.Id == leadId) is not { Kind: AgencyKind.Group } group) return [];
        return Agencies.Where(a => group.MemberIds.Contains(a.Id)).OrderBy(a => a.Name, AgencyPicker.Vietnamese)
            .Select(a => (a, item.FanOut is null || item.FanOut.Contains(a.Id))).ToList();
    }

    /// <summary>The next item of the same section, which "merge with next" joins to this one.</summary>
    public ProposedItem? NextSibling(ProposedItem item) =>
        Draft!.Proposal.Items.SkipWhile(i => i != item).Skip(1).FirstOrDefault(i => i.ParentId == item.ParentId);

    /// <summary>The source text with each item's words marked and anchored, so that the proposal can point at them.</summary>
    public IHtmlContent SourceHtml()
    {
        var text = Draft!.SourceText;
        var html = new StringBuilder();
        var at = 0;
        foreach (var item in Draft.Proposal.Items.Where(i => i.Span is not null).OrderBy(i => i.Span!.Start))
        {
            var (start, end) = (Math.Clamp(item.Span!.Start, 0, text.Length), Math.Clamp(item.Span.End, 0, text.Length));
            if (start < at || end <= start) continue;
            html.Append(encoder.Encode(text[at..start]));
            html.Append($"<mark id=\"src-{item.Id}\" class=\"{(item.Accepted ? "accepted" : "")}\" title=\"{encoder.Encode(item.Code)}\">");
            html.Append(encoder.Encode(text[start..end])).Append("</mark>");
            at = end;
        }
        html.Append(encoder.Encode(text[at..]));
        return new HtmlString(html.ToString());
    }
}
