namespace PlanTracker.Core.Domain;

public enum AgencyLevel { Central, Province, District, Commune }

public enum AgencyKind
{
    PeopleCommittee, Department, Office, Board, PartyBody, MassOrganisation,
    PublicService, CentralBody, Enterprise, Other,
    /// <summary>A collective assignee ("các Sở, ban, ngành") standing for its members.</summary>
    Group,
}

public sealed class Province
{
    private Province() { }
    public Province(string key, string name) { Key = key; Name = name; }
    public long Id { get; private set; }
    public string Key { get; private set; } = "";
    public string Name { get; private set; } = "";
}

public sealed class Agency : Common.IVersioned
{
    private readonly List<AgencyAlias> _aliases = [];
    private readonly List<AgencyGroupMember> _members = [];

    private Agency() { }

    public Agency(string key, string name, string? shortName, AgencyLevel level, AgencyKind kind, long? provinceId)
    {
        Key = key;
        Name = name;
        ShortName = shortName;
        Level = level;
        Kind = kind;
        ProvinceId = provinceId;
    }

    public long Id { get; private set; }
    public string Key { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? ShortName { get; private set; }
    public AgencyLevel Level { get; private set; }
    public AgencyKind Kind { get; private set; }
    public long? ProvinceId { get; private set; }
    public Province? Province { get; private set; }
    public long? ParentId { get; private set; }
    public Agency? Parent { get; private set; }
    public bool IsSecretariat { get; private set; }
    public long? SuccessorId { get; private set; }
    public DateOnly? DissolvedOn { get; private set; }
    /// <summary>Raised by every save that changes the agency (decision 0014); a rename names the version it read.</summary>
    public int Version { get; private set; }
    public IReadOnlyList<AgencyAlias> Aliases => _aliases;
    public IReadOnlyList<AgencyGroupMember> Members => _members;

    public bool IsGroup => Kind == AgencyKind.Group;
    public string DisplayName => ShortName ?? Name;

    public void PlaceUnder(Agency parent) => Parent = parent;
    public void MarkAsSecretariat() => IsSecretariat = true;

    public void Rename(string name, string? shortName)
    {
        Name = name;
        ShortName = shortName;
    }

    /// <summary>Merged or split away: the row stays for history and points at its successor.</summary>
    public void Dissolve(Agency successor, DateOnly on)
    {
        if (DissolvedOn is not null) throw new Common.RuleViolationException("agencyId", $"'{Name}' was already dissolved on {DissolvedOn:dd/MM/yyyy}.");
        if (successor == this) throw new Common.RuleViolationException("agencyId", "An agency cannot succeed itself.");
        DissolvedOn = on;
        SuccessorId = successor.Id;
        if (IsSecretariat)
        {
            // The secretariat's role passes to the successor (Sở TT&TT → Sở KH&CN in 2025).
            IsSecretariat = false;
            successor.IsSecretariat = true;
        }
    }

    public void ReplaceMember(long oldMemberId, Agency newMember)
    {
        _members.RemoveAll(m => m.MemberId == oldMemberId);
        if (_members.All(m => m.MemberId != newMember.Id)) _members.Add(new AgencyGroupMember(newMember));
    }

    public void AddAlias(string alias)
    {
        if (!_aliases.Any(a => string.Equals(a.Alias, alias, StringComparison.OrdinalIgnoreCase)))
            _aliases.Add(new AgencyAlias(alias));
    }

    public void AddMember(Agency member)
    {
        if (!IsGroup) throw new InvalidOperationException($"Agency '{Key}' is not a group.");
        _members.Add(new AgencyGroupMember(member));
    }
}

public sealed class AgencyAlias
{
    private AgencyAlias() { }
    internal AgencyAlias(string alias) => Alias = alias;
    public long Id { get; private set; }
    public long AgencyId { get; private set; }
    public string Alias { get; private set; } = "";
}

public sealed class AgencyGroupMember
{
    private AgencyGroupMember() { }
    internal AgencyGroupMember(Agency member) => Member = member;
    public long GroupId { get; private set; }
    public long MemberId { get; private set; }
    public Agency Member { get; private set; } = null!;
}
