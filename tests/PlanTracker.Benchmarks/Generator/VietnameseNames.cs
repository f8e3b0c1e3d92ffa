using PlanTracker.Core.Domain;

namespace PlanTracker.Benchmarks.Generator;

/// <summary>Names and phrases the generated rows are made of, in the documents' own Vietnamese.</summary>
public static class VietnameseNames
{
    /// <summary>The 34 provinces and cities after the 2025 merger: (key, name).</summary>
    public static readonly IReadOnlyList<(string Key, string Name)> Provinces =
    [
        ("ha-noi", "Hà Nội"), ("hue", "Huế"), ("lai-chau", "Lai Châu"), ("dien-bien", "Điện Biên"), ("son-la", "Sơn La"),
        ("lang-son", "Lạng Sơn"), ("quang-ninh", "Quảng Ninh"), ("thanh-hoa", "Thanh Hóa"), ("nghe-an", "Nghệ An"),
        ("ha-tinh", "Hà Tĩnh"), ("cao-bang", "Cao Bằng"), ("tuyen-quang", "Tuyên Quang"), ("lao-cai", "Lào Cai"),
        ("thai-nguyen", "Thái Nguyên"), ("phu-tho", "Phú Thọ"), ("bac-ninh", "Bắc Ninh"), ("hung-yen", "Hưng Yên"),
        ("hai-phong", "Hải Phòng"), ("ninh-binh", "Ninh Bình"), ("quang-tri", "Quảng Trị"), ("da-nang", "Đà Nẵng"),
        ("quang-ngai", "Quảng Ngãi"), ("gia-lai", "Gia Lai"), ("khanh-hoa", "Khánh Hòa"), ("lam-dong", "Lâm Đồng"),
        ("dak-lak", "Đắk Lắk"), ("tp-hcm", "Thành phố Hồ Chí Minh"), ("dong-nai", "Đồng Nai"), ("tay-ninh", "Tây Ninh"),
        ("can-tho", "Cần Thơ"), ("vinh-long", "Vĩnh Long"), ("dong-thap", "Đồng Tháp"), ("ca-mau", "Cà Mau"), ("an-giang", "An Giang"),
    ];

    /// <summary>Province-level bodies in the order a plan names them most (the first lead the most tasks).</summary>
    public static readonly IReadOnlyList<(string Slug, string Name, AgencyKind Kind)> ProvinceBodies =
    [
        ("ubnd-tinh", "Ủy ban nhân dân tỉnh", AgencyKind.PeopleCommittee),
        ("so-khcn", "Sở Khoa học và Công nghệ", AgencyKind.Department),
        ("vp-ubnd", "Văn phòng Ủy ban nhân dân tỉnh", AgencyKind.Office),
        ("so-noi-vu", "Sở Nội vụ", AgencyKind.Department),
        ("so-tai-chinh", "Sở Tài chính", AgencyKind.Department),
        ("so-tu-phap", "Sở Tư pháp", AgencyKind.Department),
        ("so-cong-thuong", "Sở Công Thương", AgencyKind.Department),
        ("so-nn-mt", "Sở Nông nghiệp và Môi trường", AgencyKind.Department),
        ("so-xay-dung", "Sở Xây dựng", AgencyKind.Department),
        ("so-gd-dt", "Sở Giáo dục và Đào tạo", AgencyKind.Department),
        ("so-y-te", "Sở Y tế", AgencyKind.Department),
        ("so-vh-tt-dl", "Sở Văn hóa, Thể thao và Du lịch", AgencyKind.Department),
        ("so-dan-toc", "Sở Dân tộc và Tôn giáo", AgencyKind.Department),
        ("thanh-tra", "Thanh tra tỉnh", AgencyKind.Department),
        ("cong-an", "Công an tỉnh", AgencyKind.Other),
        ("bchqs", "Bộ Chỉ huy Quân sự tỉnh", AgencyKind.Other),
        ("ttphvhcc", "Trung tâm Phục vụ hành chính công tỉnh", AgencyKind.PublicService),
        ("bql-kcn", "Ban Quản lý các khu công nghiệp tỉnh", AgencyKind.Board),
        ("bhxh", "Bảo hiểm xã hội tỉnh", AgencyKind.CentralBody),
        ("thue", "Thuế tỉnh", AgencyKind.CentralBody),
        ("kbnn", "Kho bạc Nhà nước khu vực", AgencyKind.CentralBody),
        ("nhnn", "Ngân hàng Nhà nước chi nhánh tỉnh", AgencyKind.CentralBody),
        ("dai-ptth", "Đài Phát thanh và Truyền hình tỉnh", AgencyKind.PublicService),
        ("bao-tinh", "Báo tỉnh", AgencyKind.PublicService),
        ("vnpt", "Viễn thông (VNPT) tỉnh", AgencyKind.Enterprise),
        ("buu-dien", "Bưu điện tỉnh", AgencyKind.Enterprise),
        ("tinh-doan", "Tỉnh đoàn", AgencyKind.MassOrganisation),
        ("hoi-nong-dan", "Hội Nông dân tỉnh", AgencyKind.MassOrganisation),
        ("hoi-phu-nu", "Hội Liên hiệp Phụ nữ tỉnh", AgencyKind.MassOrganisation),
        ("ldld", "Liên đoàn Lao động tỉnh", AgencyKind.MassOrganisation),
        ("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", AgencyKind.MassOrganisation),
        ("truong-chinh-tri", "Trường Chính trị tỉnh", AgencyKind.PublicService),
    ];

    /// <summary>The body that acts as the secretariat (Sở TT&amp;TT until 2025, then Sở KH&amp;CN).</summary>
    public const string SecretariatSlug = "so-khcn";

    public static readonly IReadOnlyList<string> CentralBodies =
    [
        "Bộ Khoa học và Công nghệ", "Văn phòng Chính phủ", "Bộ Nội vụ", "Bộ Tài chính", "Bộ Công an", "Bộ Tư pháp",
        "Bộ Công Thương", "Bộ Y tế", "Bộ Giáo dục và Đào tạo", "Bộ Xây dựng", "Bộ Nông nghiệp và Môi trường",
        "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Quốc phòng", "Bộ Ngoại giao", "Bộ Dân tộc và Tôn giáo", "Thanh tra Chính phủ",
        "Ngân hàng Nhà nước Việt Nam", "Bảo hiểm xã hội Việt Nam", "Đài Truyền hình Việt Nam", "Thông tấn xã Việt Nam",
    ];

    private static readonly string[] Syllables =
    [
        "An", "Bình", "Phú", "Tân", "Hòa", "Đông", "Tây", "Nam", "Bắc", "Thanh", "Long", "Vĩnh", "Mỹ", "Quang", "Hưng",
        "Thuận", "Lộc", "Phước", "Hải", "Sơn", "Lâm", "Trung", "Hiệp", "Thạnh", "Khánh", "Đức", "Minh", "Thái", "Hà", "Yên",
    ];

    /// <summary>A place name of two syllables ("Tân Phú"), different for different numbers.</summary>
    public static string Place(int n) => $"{Syllables[n % Syllables.Length]} {Syllables[(n / Syllables.Length + n * 7 + 3) % Syllables.Length]}";

    private static readonly string[] Verbs =
    [
        "Triển khai", "Xây dựng", "Nâng cấp", "Hoàn thiện", "Tổ chức", "Rà soát", "Đẩy mạnh", "Tích hợp", "Cung cấp",
        "Kiểm tra, đánh giá", "Số hóa", "Chuẩn hóa", "Tuyên truyền, phổ biến", "Đào tạo, bồi dưỡng", "Thí điểm",
    ];

    private static readonly string[] Objects =
    [
        "hệ thống quản lý văn bản và điều hành", "dịch vụ công trực tuyến mức độ 3, 4", "cơ sở dữ liệu dân cư",
        "hệ thống thông tin giải quyết thủ tục hành chính", "trục liên thông văn bản quốc gia", "chữ ký số chuyên dùng",
        "nền tảng tích hợp, chia sẻ dữ liệu (LGSP)", "cổng thông tin điện tử", "hạ tầng mạng truyền số liệu chuyên dùng",
        "kho dữ liệu dùng chung", "hệ thống hội nghị truyền hình trực tuyến", "thanh toán trực tuyến phí, lệ phí",
        "hồ sơ sức khỏe điện tử", "sổ hộ tịch điện tử", "cơ sở dữ liệu đất đai", "phần mềm một cửa điện tử",
        "an toàn thông tin mạng", "trung tâm giám sát, điều hành thông minh (IOC)", "kỹ năng số cho cán bộ, công chức",
        "chế độ báo cáo điện tử", "hóa đơn điện tử", "bản đồ số", "hệ thống camera giám sát giao thông",
    ];

    private static readonly string[] Qualifiers =
    [
        "trên địa bàn tỉnh", "tại cơ quan nhà nước các cấp", "đến cấp xã", "theo Nghị quyết 36a/NQ-CP",
        "kết nối với hệ thống của Chính phủ", "bảo đảm an toàn, bảo mật", "giai đoạn 2021-2025", "đáp ứng yêu cầu của Đề án 06",
        "phục vụ người dân và doanh nghiệp", "",
    ];

    public static string TaskTitle(StableRandom r)
    {
        var qualifier = r.Pick(Qualifiers);
        var title = $"{r.Pick(Verbs)} {r.Pick(Objects)}";
        return qualifier.Length == 0 ? title : $"{title} {qualifier}";
    }

    public static readonly IReadOnlyList<string> SectionTitles =
    [
        "Hoàn thiện môi trường pháp lý", "Phát triển hạ tầng kỹ thuật", "Phát triển các nền tảng, hệ thống",
        "Phát triển dữ liệu", "Phát triển ứng dụng, dịch vụ", "Bảo đảm an toàn thông tin mạng", "Đào tạo, phát triển nguồn nhân lực",
        "Tuyên truyền, nâng cao nhận thức", "Kinh phí thực hiện", "Tổ chức thực hiện",
    ];

    public static readonly IReadOnlyList<string> FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"];
    public static readonly IReadOnlyList<string> GivenNames = ["Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Thu Hà", "Đức Huy", "Thị Lan", "Hoàng Long", "Thị Mai", "Văn Nam", "Thanh Phong", "Ngọc Quỳnh", "Văn Sơn", "Thị Thảo", "Anh Tuấn", "Hải Yến"];

    public static string Roman(int n) => n switch
    {
        <= 0 => throw new ArgumentOutOfRangeException(nameof(n)),
        _ => string.Concat(Enumerable.Repeat("M", n / 1000)) + Part(n / 100 % 10, "C", "D", "M") + Part(n / 10 % 10, "X", "L", "C") + Part(n % 10, "I", "V", "X"),
    };

    private static string Part(int digit, string one, string five, string ten) => digit switch
    {
        0 => "", 1 or 2 or 3 => string.Concat(Enumerable.Repeat(one, digit)), 4 => one + five,
        5 or 6 or 7 or 8 => five + string.Concat(Enumerable.Repeat(one, digit - 5)), _ => one + ten,
    };
}
