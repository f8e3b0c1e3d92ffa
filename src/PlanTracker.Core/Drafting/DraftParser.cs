using System.Text.RegularExpressions;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// Reads a plan, directive or conclusion notice into a <see cref="Proposal"/>: the document's data,
/// the section tree of its task sections as items, each item's lead and coordinating agencies,
/// deadline (its own, or inherited from its section or the plan, and marked so) and targets, and the
/// rows of its assignment tables. Rules over the text only; no database, nothing saved.
/// </summary>
public static partial class DraftParser
{
    public static Proposal Parse(DraftSource source, AgencyDirectory directory, WorkingDayCalendar? calendar = null)
    {
        var text = source.Text;
        var (paragraphs, wrapped) = Paragraphs.Split(text);
        var document = DocumentMetadata.Read(text, paragraphs, directory);
        var tree = SectionTree.Build(paragraphs, wrapped);
        var (scrambled, rebuilt) = ScrambledTables.Drop(tree.Root, paragraphs, text, directory);
        var tables = tree.Tables.Concat(rebuilt).ToList();
        TaskSections.Mark(tree.Root);
        AnnexedSections.Unmark(tree.Root, appendixRead: tables.Count > 0);
        var intro = tree.Root.Body.LastOrDefault(p => p.Text.TrimEnd(' ', '*').EndsWith(':'));
        var items = new ItemBuilder(directory, document, calendar)
        {
            Summaries = AppendixTables.HasAssignmentTable(tables) ? SummariesOfAppendix(tree.Root) : [],
            Recipients = Addressees.Recipients(paragraphs, directory),
            HistoryBefore = HistoryBound.Of(document.IssuedOn, paragraphs),
            DefaultLead = DocumentExecutor.Default(text, directory),
            Paragraphs = paragraphs,
        };
        items.AddSections(tree.Root, intro, PlanHorizon.Find(text, document, tree.Root, intro, calendar));
        AppendixTables.Add(items, tables, directory, calendar);
        ProgrammeOwner.Assign(items);
        ProgrammeOwner.AssignProposer(items, paragraphs);
        SimilarItems.Infer(items);
        ProgrammeOwner.AssignStanding(items);
        items.FillDefaults();
        RepeatedTargets.Drop(items.Items);
        var proposal = new Proposal
        {
            Document = document,
            Items = items.Items,
            UnknownAgencies = items.Unknown,
            Notes = [.. source.Notes, .. scrambled, .. items.Notes],
        };
        if (proposal.Items.Count == 0)
            proposal.Notes.Add("No numbered sections, bullets or assignment table were found.");
        return proposal;
    }

    /// <summary>
    /// "IV. NHIỆM VỤ VÀ GIẢI PHÁP … (Chi tiết về các nhiệm vụ và giải pháp được thể hiện tại Phụ lục kèm theo)",
    /// "4. Nội dung chủ yếu … Nội dung chi tiết các hoạt động trên được thể hiện tại Phụ lục": a section that
    /// says the appendix details it summarises the appendix's table, whose rows are the items; the section
    /// (its outermost part below an article) is not proposed a second time.
    /// </summary>
    internal static HashSet<SectionNode> SummariesOfAppendix(SectionNode root)
    {
        var found = new HashSet<SectionNode>();
        foreach (var node in root.Descendants())
        {
            var texts = node.Body.Select(p => p.Text).Prepend(node.Head?.Text ?? "");
            if (!texts.Any(t => DetailedInAnnex().IsMatch(t))) continue;
            var top = node.Ancestors().Prepend(node).Where(n => n.Head is not null && n.Marker?.Kind != MarkerKind.Article).LastOrDefault();
            if (top is not null) found.Add(top);
        }
        return found;
    }

    /// <summary>An item that only points to the annex ("Nội dung phân công: (Chi tiết tại phụ lục kèm theo)") is not a task.</summary>
    internal static bool PointsToAnnex(string text) => AnnexPointer().IsMatch(text) && text.Split(' ').Length <= 16;

    // "(Chi tiết tại Phụ lục kèm theo)", "(Chi tiết tại biểu kèm theo)", "chi tiết theo bảng": an attached table by any of its names.
    [GeneratedRegex(@"chi tiết (tại|theo|xem|như)?\s*(các )?(phụ lục|biểu|bảng)\b", RegexOptions.IgnoreCase)] private static partial Regex AnnexPointer();
    [GeneratedRegex(@"chi tiết\b.{0,80}\b(tại|theo|ở)\s+(các\s+)?phụ lục", RegexOptions.IgnoreCase)] private static partial Regex DetailedInAnnex();
}

/// <summary>Turns the section tree into proposed items, resolving leads and deadlines down the tree.</summary>
internal sealed partial class ItemBuilder(AgencyDirectory directory, ProposedDocument document, WorkingDayCalendar? calendar)
{
    private readonly Dictionary<string, UnknownAgency> _unknown = [];
    private readonly Dictionary<ProposedItem, bool> _leadIsOwn = [];

    public List<ProposedItem> Items { get; } = [];
    public List<UnknownAgency> Unknown => [.. _unknown.Values];
    public List<string> Notes { get; } = [];
    public AgencyDirectory Directory => directory;
    public ProposedDocument Document => document;

    /// <summary>Items whose lead nothing in the text names (to be inferred, or defaulted to the secretariat).</summary>
    public HashSet<ProposedItem> WithoutNamedLead { get; } = [];

    /// <summary>Sections that summarise the appendix's table (see <see cref="DraftParser.SummariesOfAppendix"/>).</summary>
    public HashSet<SectionNode> Summaries { get; init; } = [];

    /// <summary>The letter's recipients ("Kính gửi: - …; - …"), for a heading of duties common to all of them.</summary>
    public IReadOnlyList<AgencyMention> Recipients { get; init; } = [];

    /// <summary>The document's date, or the latest of its legal bases when it prints none: a time before it is history.</summary>
    public DateOnly? HistoryBefore { get; init; }

    /// <summary>Who takes what nothing assigns (<see cref="DocumentExecutor.Default"/>): the secretariat, or a party document's own.</summary>
    public DirectoryAgency? DefaultLead { get; init; }

    /// <summary>The document's paragraphs, for a list addressed to "đơn vị nêu trên" (<see cref="BackReferences"/>).</summary>
    public IReadOnlyList<Paragraph> Paragraphs { get; init; } = [];

    /// <summary>The agencies a list addressed to "đơn vị nêu trên" may mean, read once for the document.</summary>
    private BackReferences BackReferencesRead => _backReferences ??= new BackReferences(Paragraphs, directory);
    private BackReferences? _backReferences;

    /// <param name="Stated">The deadline came from a section's time field ("3. Thời gian thực hiện: …"), not from its words.</param>
    private sealed record Inherited(ProposedAssignee? Lead, List<ProposedAssignee> Coordinating, ProposedDeadline? Deadline, bool Stated = false);

    public void AddSections(SectionNode root, Paragraph? intro, DeadlinePhrase? horizon)
    {
        Inherited? addressee = null;
        var pointing = intro is null ? -1 : BackReferences.PointingAt(intro.Text);
        var found = pointing >= 0 ? BackReferencesRead.Named(intro!.Start + pointing) : Assignment.None;
        if (found.Lead is null) found = Addressees.Find(root, intro, directory, document.IssuedOn);
        if (found is { Lead: { } lead } a)
            addressee = new Inherited(Assignee(lead, AssigneeBasis.Addressee, null), a.Coordinating.Select(c => Assignee(c, AssigneeBasis.Addressee, null)).ToList(), null);
        var start = horizon is null ? null
            : ProposedDeadline.Of(horizon.Deadline, new SourceSpan(horizon.Start, horizon.End), inherited: true, from: "document");
        foreach (var node in root.Children) Add(node, null, new Inherited(null, [], start), addressee);
    }

    private void Add(SectionNode node, ProposedItem? parent, Inherited inherited, Inherited? addressee)
    {
        if (Summaries.Contains(node)) return;
        if (!node.IsTaskSection)
        {
            // "I. MỤC TIÊU" is no task section, but its "2. Mục tiêu cụ thể" is (TaskSections).
            foreach (var child in node.Children.Where(c => c.IsTaskSection)) Add(child, parent, inherited, addressee);
            return;
        }
        var fields = ItemFields.Read(node, directory, document.IssuedOn, calendar);
        var assignees = AssigneeLists.Read(node, directory);
        var children = node.Children.Where(c => c.IsTaskSection && !PointsToAnnex(c) && !fields.Nodes.Contains(c) && assignees?.Nodes.Contains(c) != true).ToList();
        var isGroup = children.Count > 0;
        var head = Raw(node);
        if (!isGroup && PointsToAnnex(node)) return;
        var body = node.Body.Where(p => !fields.Paragraphs.Contains(p)).Select(p => (p.Text, p.Start)).ToList();

        var headAssignment = assignees?.Assignment ?? Read(head.Text, head.Start);
        if (isGroup && headAssignment.Lead is null && Assignments.Field(head.Text, head.Start, directory) is { } field)
            headAssignment = new Assignment(field, [], true);
        if (!isGroup && headAssignment.Lead is null && body.Count > 0 && Assignments.DutyOf(head.Text, head.Start, directory) is { } duty)
            headAssignment = duty;
        if (isGroup && headAssignment.Lead is null && Addressees.Common(head.Text, Recipients) is { Lead: not null } common)
            headAssignment = common;
        // "1. Phó Giám đốc Sở - Hoàng Văn Thuân": a person by role is the office the role sits in.
        if (headAssignment.Lead is null && PersonAssignees.Office(head.Text, head.Start, directory) is { } office)
            headAssignment = new Assignment(office, [], true);
        // "2. Các nội dung cần lưu ý khi chủ đầu tư triển khai:": the third party's obligations, not the addressee's.
        if (isGroup && headAssignment.Lead is null && ThirdParties.Obliged(head.Text, head.Start, directory) is { } party)
            headAssignment = new Assignment(party, [], true);
        // Under a heading, the first paragraph says who does it ("2. Sở Tài chính" / "Tham mưu UBND tỉnh …").
        var bodyAssignment = body.Count > 0 && !isGroup ? Read(body[0].Text, body[0].Start) : Assignment.None;

        var pieces = new List<(string Text, int Start)> { head };
        if (!isGroup || body.Count > 0) pieces.AddRange(body);
        var phrases = pieces.SelectMany(p => DeadlinePhrases.Find(p.Text, p.Start, document.IssuedOn, calendar, historyBefore: HistoryBefore)
            .Where(d => !TargetPhrases.IsMilestone(p.Text, d.Start - p.Start, d.End - p.Start))).OrderBy(p => p.Start).ToList();
        var own = fields.Deadline ?? OpeningRecurrence(phrases, pieces[0]) ?? DeadlinePhrases.Choose(phrases);
        if (fields.Deadline is null && QualifiesAnAction(own, pieces, inherited.Deadline)) own = null;
        if (fields.Deadline is null && YieldsToSection(own, inherited)) own = null;
        // "3. Nhiệm vụ thường xuyên", "2. Trong quá trình hoạt động …", "- Khi có nguy cơ xảy ra sự cố …": a heading's or an
        // item's opening words that are a time only there (HeadingTime); a stated time for the items under it.
        var headingTime = fields.Deadline is not null ? null : isGroup ? HeadingTime.Of(head.Text, head.Start) : own is null ? HeadingTime.Occurrence(head.Text, head.Start) : null;
        if (headingTime is not null && (own is null || own.Strength < DeadlinePhrases.Strength.Dated)) own = headingTime;
        else headingTime = null;

        var item = new ProposedItem
        {
            Id = "i" + (Items.Count + 1),
            ParentId = parent?.Id,
            Code = node.Code,
            IsGroup = isGroup,
            Span = new SourceSpan(node.Head!.Start, isGroup ? node.Head.End
                : node.Body.Select(p => p.End).Concat(fields.Nodes.Select(n => n.Head!.End)).Append(node.Head.End).Max()),
        };
        SetText(item, node, headAssignment.IsHeading && !isGroup && body.Count > 0, fields);
        item.ExpectedOutput = fields.ExpectedOutput;
        Items.Add(item);

        // Lead: the item's labelled lines or own words, else its section's, else the list's addressee.
        var named = fields.Lead is not null ? new Assignment(fields.Lead, [], false) : headAssignment.Lead is not null ? headAssignment : bodyAssignment;
        // "Đề nghị Công ty tiếp tục …" in a list already addressed: the bare kind noun is that addressee (BackReferences).
        if (named.Lead is { } subject && inherited.Lead is not null && BackReferences.IsBareKind(subject.Text)) named = Assignment.None;
        // "… thì đề nghị Sở Công Thương hướng dẫn chủ đầu tư có trách nhiệm …": a request to the letter's addressee by name, ahead
        // of any other subject in the item, gives it the work (ThirdParties).
        var request = !isGroup && fields.Lead is null && addressee?.Lead?.AgencyKey is { } addresseeKey
            ? ThirdParties.AsksAddressee(pieces, addresseeKey, directory) : null;
        if (request?.Lead is { } asked && (named.Lead is null || asked.Start < named.Lead.Start)) named = request;
        else request = null;
        // A lead written after the content ("… - Bộ Xây dựng.") is the item's own, over what its list or heading would give it.
        if (named.Lead is null && !isGroup && Assignments.Trailing(pieces[^1].Text, pieces[^1].Start, directory) is { } trailing)
            named = new Assignment(trailing, [], false);
        var coordinating = headAssignment.Coordinating.Concat(bodyAssignment.Coordinating).Concat(fields.Coordinating).Concat(request?.Coordinating ?? [])
            .Select(c => Assignee(c, AssigneeBasis.Named, null)).DistinctBy(c => c.AgencyKey ?? c.UnknownId).ToList();
        if (named.Lead is { } lead)
        {
            item.Lead = Assignee(lead, headAssignment.IsHeading ? AssigneeBasis.Heading : AssigneeBasis.Named, null);
            _leadIsOwn[item] = true;
        }
        else if (inherited.Lead is { } up)
        {
            item.Lead = Copy(up, up.Basis == AssigneeBasis.Addressee ? AssigneeBasis.Addressee : AssigneeBasis.Heading, up.From ?? parent?.Code);
            coordinating.AddRange(inherited.Coordinating.Select(c => Copy(c, AssigneeBasis.Heading, c.From)));
        }
        else if (!isGroup && addressee?.Lead is { } to)
        {
            item.Lead = Copy(to, AssigneeBasis.Addressee, "document");
            coordinating.AddRange(addressee.Coordinating.Select(c => Copy(c, AssigneeBasis.Addressee, "document")));
        }
        else if (!isGroup) WithoutNamedLead.Add(item);
        item.Coordinating = coordinating.Where(c => !SameAgency(c, item.Lead)).DistinctBy(c => c.AgencyKey ?? c.UnknownId).ToList();

        // Deadline: the item's own phrase, else its nearest section's, else the plan's horizon.
        if (own is not null) item.Deadline = ProposedDeadline.Of(own.Deadline, new SourceSpan(own.Start, own.End));
        else if (!isGroup) item.Deadline = inherited.Deadline is { } d ? Inherit(d) : ProposedDeadline.Of(Deadline.Unspecified(), null);

        var targets = (isGroup ? [head] : pieces).SelectMany(p => TargetPhrases.Find(p.Text, p.Start)).ToList();
        var due = item.Deadline is { } dl && !Deadline.IsOngoingKind(dl.Kind) ? dl.DueOn : null;
        item.Targets = targets.Select(t => new ProposedTarget
        {
            Indicator = t.Indicator, Unit = t.Unit, UnitText = t.UnitText, Comparison = t.Comparison, Value = t.Value,
            DueOn = due, Text = t.Text, Span = new SourceSpan(t.Start, t.End),
        }).ToList();

        var section = _leadIsOwn.ContainsKey(item) ? null : SectionAddressee(node, body, item.Code);
        var passLead = _leadIsOwn.ContainsKey(item) ? Copy(item.Lead!, item.Lead!.Basis, item.Code) : section?.Lead ?? inherited.Lead;
        // "a) Tiếp tục bổ sung, hoàn thiện khung pháp lý …" over its bullets: a heading that opens with "tiếp tục" names a
        // theme the plan carries on, not when each bullet is done; they keep the time they would have had without it
        // (unlike "1. Thường xuyên tổ chức tập huấn, cụ thể:", which times the work it lists).
        var passDeadline = own is not null && !(isGroup && fields.Deadline is null && own.Strength == DeadlinePhrases.Strength.Continuing
                && own.Deadline.Text.StartsWith("tiếp tục", StringComparison.OrdinalIgnoreCase))
            ? ProposedDeadline.Of(own.Deadline, new SourceSpan(own.Start, own.End), inherited: true, from: item.Code)
            : inherited.Deadline;
        // A numbered field block's coordinating agencies go with its lead to the section's work items; other
        // sections hand down their lead alone, as before.
        var passCoordinating = _leadIsOwn.ContainsKey(item)
            ? fields.FromBlock ? item.Coordinating.Select(c => Copy(c, c.Basis, item.Code)).ToList() : []
            : ReferenceEquals(passLead, inherited.Lead) ? inherited.Coordinating : section?.Coordinating ?? [];
        var stated = ReferenceEquals(passDeadline, inherited.Deadline) ? inherited.Stated : fields.Deadline is not null || headingTime is not null;
        foreach (var child in children) Add(child, item, new Inherited(passLead, passCoordinating, passDeadline, stated), addressee);
    }

    /// <summary>
    /// "d) Hàng năm, tiến hành rà soát … Đến năm 2015, hoàn thành chương trình …", "- Định kỳ hằng quý, Sở Nội vụ tổng hợp …;
    /// đến hết năm 2027 hoàn thành …": an item that opens with a recurrence is followed up at it first; a date in a later
    /// sentence or clause is a milestone the words keep (decision 0023 rule 30, as rule 13's first follow-up). A date in the
    /// recurrence's own clause ("Hằng năm, trước ngày 15/12, …") still times it as before.
    /// </summary>
    private static DeadlinePhrase? OpeningRecurrence(List<DeadlinePhrase> phrases, (string Text, int Start) head)
    {
        var opening = phrases.FirstOrDefault(p => p.Strength == DeadlinePhrases.Strength.Recurring && p.Start >= head.Start
            && p.Start < head.Start + head.Text.Length && DeadlinePhrases.OpensText(head.Text, p.Start - head.Start));
        if (opening is null) return null;
        var stop = head.Text.IndexOfAny(['.', ';', '\n'], opening.End - head.Start);
        var clauseEnd = stop < 0 ? int.MaxValue : head.Start + stop;
        return phrases.Any(p => p.Strength == DeadlinePhrases.Strength.Dated && p.Start < clauseEnd) ? null : opening;
    }

    /// <summary>
    /// In a plan for one year ("Kế hoạch … năm 2026"), "… tổ chức đào tạo, bồi dưỡng thường xuyên cho cán bộ", "… theo dõi,
    /// đôn đốc và định kỳ báo cáo": continuing words inside the sentence say how one action is done, not when the item is;
    /// the item keeps the plan's year. So does "Tiếp tục thực hiện tốt …": work carried on from before is, in a one-year
    /// plan, that year's work. An item that opens with "Thường xuyên …" stays continuing, as does anything under a section's
    /// or a multi-year time (the seeds read "Tiếp tục …" under "năm 2018 và các năm tiếp theo" as continuing).
    /// </summary>
    private static bool QualifiesAnAction(DeadlinePhrase? own, List<(string Text, int Start)> pieces, ProposedDeadline? inherited)
    {
        if (own is not { Strength: DeadlinePhrases.Strength.Continuing } || inherited is not { From: "document", Kind: DeadlineKind.Year }) return false;
        if (own.Deadline.Text.StartsWith("tiếp tục", StringComparison.OrdinalIgnoreCase)) return true;
        var at = own.Start;
        return !pieces.Any(p => at >= p.Start && at <= p.Start + p.Text.Length && DeadlinePhrases.OpensText(p.Text, at - p.Start));
    }

    /// <summary>
    /// "IV. … / 1. Nội dung, biện pháp / a) Thành lập và thường xuyên kiện toàn Ban Chỉ đạo … / 3. Thời gian thực hiện: Tháng
    /// 11, 12/2013 và kiện toàn thường xuyên", "VII. … / b) Tiếp tục phối hợp với … / 3. Thời gian thực hiện: Từ năm 2013 đến
    /// năm 2020 và tiếp theo", "C. … TỪ NAY ĐẾN NĂM 2015 / 7. Tiếp tục …": when the section states the time of its work in a
    /// time field (any kind) or a dated heading, "thường xuyên", "tiếp tục", "hằng năm" inside an item's content say how the
    /// work is done, not when; the item takes the section's time. An item's own date still wins, and so does its urgency
    /// ("khẩn trương"). A heading's time counts only when it closes the work ("đến", "trước", "hết"): "… NĂM 2018 VÀ CÁC
    /// NĂM TIẾP THEO" goes on, and "Tiếp tục …" under it stays continuing (the seeds' reading). Decision 0009, round 5.
    /// </summary>
    private static bool YieldsToSection(DeadlinePhrase? own, Inherited inherited) =>
        (own is { Strength: DeadlinePhrases.Strength.Continuing or DeadlinePhrases.Strength.Recurring } || ContinuingWords.IsUnstated(own)) && inherited.Deadline is { } up
        && up.From != "document"
        && (inherited.Stated || up.DueOn is not null && !Deadline.IsOngoingKind(up.Kind) && ClosingWords().IsMatch(up.Text));

    /// <summary>
    /// An item's own assignment; joint groups as its subject ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, …, Chủ tịch
    /// Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương tổ chức triển khai …") are the group holding them all.
    /// </summary>
    private Assignment Read(string text, int start) =>
        Addressees.Joint(Assignments.Read(text, start, directory, document.IssuedOn), text, start, directory);

    /// <summary>
    /// "II. NHIỆM VỤ CỤ THỂ / … các Bộ, ngành, địa phương tập trung thực hiện các nhiệm vụ sau:": the sentence
    /// introducing a section's items addresses them, as the document's introducing sentence does its list.
    /// </summary>
    /// <remarks>
    /// "… Sở Công Thương yêu cầu đơn vị nêu trên thực hiện một số nội dung sau:": a sentence that points back addresses the
    /// agencies the document named before it, the first leading (<see cref="BackReferences"/>).
    /// </remarks>
    private (ProposedAssignee Lead, List<ProposedAssignee> Coordinating)? SectionAddressee(SectionNode node, List<(string Text, int Start)> body, string code)
    {
        if (node.Children.Count == 0 || body.Count == 0 || !body[^1].Text.TrimEnd(' ', '*').EndsWith(':')) return null;
        var (text, start) = body[^1];
        var pointing = BackReferences.PointingAt(text);
        var addressed = pointing >= 0 ? BackReferencesRead.Named(start + pointing) : Assignment.None;
        if (addressed.Lead is null) addressed = Addressees.Joint(Assignments.Read(text, start, directory, document.IssuedOn), text, start, directory);
        return addressed.Lead is { } lead
            ? (Assignee(lead, AssigneeBasis.Addressee, code), addressed.Coordinating.Select(c => Assignee(c, AssigneeBasis.Addressee, code)).ToList())
            : null;
    }

    /// <summary>Every item with no lead after inference gets the document's default (the secretariat), marked as an assumption.</summary>
    public void FillDefaults()
    {
        foreach (var item in Items.Where(i => !i.IsGroup && i.Lead is null))
            if (DefaultLead is { } s)
                item.Lead = new ProposedAssignee { AgencyId = s.Id, AgencyKey = s.Key, Name = s.Name, Basis = AssigneeBasis.Secretariat };
    }

    public ProposedAssignee Assignee(AgencyMention m, AssigneeBasis basis, string? from)
    {
        if (m.Agency is { } a)
            return new ProposedAssignee { AgencyId = a.Id, AgencyKey = a.Key, Name = a.Name, Basis = basis, Span = new SourceSpan(m.Start, m.End), From = from };
        var key = Tokens.Fold(m.Text.Trim());
        if (!_unknown.TryGetValue(key, out var unknown))
            _unknown[key] = unknown = new UnknownAgency { Id = "u" + (_unknown.Count + 1), Name = m.Text.Trim() };
        unknown.Spans.Add(new SourceSpan(m.Start, m.End));
        return new ProposedAssignee { UnknownId = unknown.Id, Name = unknown.Name, Basis = basis, Span = new SourceSpan(m.Start, m.End), From = from };
    }

    private static ProposedAssignee Copy(ProposedAssignee a, AssigneeBasis basis, string? from) => new()
    {
        AgencyId = a.AgencyId, AgencyKey = a.AgencyKey, Name = a.Name, UnknownId = a.UnknownId, Basis = basis, Span = a.Span, From = from,
    };

    private static ProposedDeadline Inherit(ProposedDeadline d) => new()
    {
        Text = d.Text, Kind = d.Kind, StartOn = d.StartOn, DueOn = d.DueOn, WorkingDays = d.WorkingDays, Inherited = true, From = d.From, Span = d.Span,
    };

    private static bool SameAgency(ProposedAssignee a, ProposedAssignee? b) =>
        b is not null && (a.AgencyKey is not null ? a.AgencyKey == b.AgencyKey : a.UnknownId == b.UnknownId);

    private static bool PointsToAnnex(SectionNode node) =>
        node.Children.Count == 0 && DraftParser.PointsToAnnex(string.Join(" ", node.Body.Select(p => p.Text).Prepend(Raw(node).Text)));

    /// <summary>The head paragraph's words after its mark, with their offset in the source.</summary>
    private static (string Text, int Start) Raw(SectionNode node) =>
        node.Head is null ? ("", 0) : (node.Head.Text[(node.Marker?.Length ?? 0)..], node.HeadTextStart);

    private static void SetText(ProposedItem item, SectionNode node, bool headingIsAgency, ItemFields.Fields fields)
    {
        var head = node.HeadText.TrimEnd(':', ' ');
        var body = string.Join("\n", node.Body.Where(p => !fields.Paragraphs.Contains(p)).Select(p => SectionNode.Clean(p.Text)));
        string full;
        if (item.IsGroup)
        {
            (item.Title, full) = (head, head);
            item.Description = body.Length > 0 ? body : null;
        }
        else if (headingIsAgency)
            (item.Title, full) = (body, body);
        else
        {
            full = body.Length > 0 ? node.HeadText + "\n" + body : head;
            item.Title = body.Length > 0 ? head : full;
            if (body.Length > 0) item.Description = full;
        }
        if (item.Title.Length > 300)
        {
            item.Description ??= full;
            item.Title = item.Title[..item.Title.LastIndexOf(' ', 299)] + " …";
        }
    }

    [GeneratedRegex(@"\b(?:đến|trước|hết|chậm nhất)\b", RegexOptions.IgnoreCase)] private static partial Regex ClosingWords();
}
