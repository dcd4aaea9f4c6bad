"""Vietnamese labels, slugs and text fragments the farm's pages are built from.

Hard-coded on purpose: the farm must not depend on the product's rules/ files. The labels are picked from the
vocabulary those files describe (a test checks that), varied among synonyms across portals.

Element labels (intro, history, access-to-information headings) are banned from every generated title and menu
label (see BANNED_IN_TEXT): a portal that lacks an element must not show its words anywhere a crawler could read them
as a heading or a link.
"""
from __future__ import annotations

import unicodedata

# ---- sections: menu labels and path slugs -------------------------------------------------------------------------
SECTION_LABELS: dict[str, list[str]] = {
    "gioi-thieu": ["Giới thiệu", "Giới thiệu chung", "Tổng quan"],
    "lich-su": ["Lịch sử - Văn hóa - Di tích", "Lịch sử văn hóa", "Di tích danh thắng", "Lịch sử truyền thống"],
    "danh-ba": ["Danh bạ điện tử", "Danh bạ cán bộ", "Danh bạ", "Ban lãnh đạo"],
    "tin-tuc": ["Tin tức - Sự kiện", "Tin hoạt động", "Tin tức", "Tin tức sự kiện"],
    "van-ban": ["Văn bản pháp quy", "Hệ thống văn bản", "Văn bản quy phạm pháp luật", "Văn bản"],
    "chi-dao-dieu-hanh": ["Chỉ đạo điều hành", "Văn bản chỉ đạo điều hành", "Thông tin chỉ đạo điều hành"],
    "thu-tuc-hanh-chinh": ["Thủ tục hành chính", "Bộ thủ tục hành chính"],
    "pho-bien-phap-luat": ["Phổ biến pháp luật", "Phổ biến giáo dục pháp luật", "Tuyên truyền pháp luật",
                           "Phổ biến - Giáo dục pháp luật"],
    "chien-luoc-quy-hoach": ["Thông tin quy hoạch", "Quy hoạch - Kế hoạch", "Chiến lược quy hoạch kế hoạch",
                             "Kế hoạch phát triển"],
    "du-an-dau-tu": ["Thông tin dự án đầu tư", "Dự án đầu tư", "Đấu thầu - Mua sắm công", "Dự án - Đầu tư"],
    "tai-chinh-ngan-sach": ["Công khai ngân sách", "Công khai tài chính - ngân sách", "Tài chính ngân sách",
                            "Dự toán ngân sách"],
    "thong-ke": ["Thống kê", "Thông tin thống kê", "Số liệu thống kê", "Báo cáo thống kê"],
    "hoi-dap": ["Hỏi đáp", "Phản ánh kiến nghị", "Hỏi đáp trực tuyến", "Hỏi - Đáp"],
    "lay-y-kien": ["Lấy ý kiến dự thảo", "Góp ý dự thảo văn bản", "Xin ý kiến dự thảo", "Dự thảo văn bản"],
    "lich-cong-tac": ["Lịch công tác", "Lịch làm việc", "Lịch công tác tuần", "Lịch làm việc của lãnh đạo"],
    "khen-thuong-xu-phat": ["Thi đua - Khen thưởng", "Khen thưởng - Xử phạt", "Thông tin khen thưởng",
                            "Xử lý vi phạm"],
    "tiep-can-thong-tin": ["Tiếp cận thông tin", "Công khai thông tin", "Cung cấp thông tin"],
    "tin-phat-thanh": ["Tin phát thanh", "Đài truyền thanh", "Bản tin truyền thanh", "Trang truyền thanh"],
    "cong-bao": ["Công báo", "Công báo điện tử", "Công báo tỉnh"],
    "khao-sat": ["Khảo sát trực tuyến", "Khảo sát ý kiến"],
}
# Department history is a page "Quá trình hình thành và phát triển" (section lich-su, element qua-trinh-hinh-thanh).
DEPT_HISTORY_LABELS = ["Quá trình hình thành và phát triển", "Lịch sử hình thành", "Quá trình hình thành"]

SECTION_SLUGS: dict[str, list[str]] = {
    "gioi-thieu": ["gioi-thieu-chung", "gioi-thieu", "tong-quan"],
    "lich-su": ["lich-su-van-hoa", "di-tich-danh-thang", "lich-su-truyen-thong"],
    "danh-ba": ["danh-ba-dien-tu", "danh-ba-can-bo", "lanh-dao"],
    "tin-tuc": ["tin-tuc-su-kien", "tin-hoat-dong", "tin-tuc"],
    "van-ban": ["van-ban-phap-quy", "he-thong-van-ban", "van-ban"],
    "chi-dao-dieu-hanh": ["chi-dao-dieu-hanh"],
    "thu-tuc-hanh-chinh": ["thu-tuc-hanh-chinh", "bo-thu-tuc-hanh-chinh"],
    "pho-bien-phap-luat": ["pho-bien-giao-duc-phap-luat", "tuyen-truyen-phap-luat", "pho-bien-phap-luat"],
    "chien-luoc-quy-hoach": ["thong-tin-quy-hoach", "quy-hoach-ke-hoach"],
    "du-an-dau-tu": ["thong-tin-du-an-dau-tu", "dau-thau-mua-sam-cong", "du-an-dau-tu"],
    "tai-chinh-ngan-sach": ["cong-khai-ngan-sach", "tai-chinh-ngan-sach"],
    "thong-ke": ["thong-ke", "so-lieu-thong-ke"],
    "hoi-dap": ["hoi-dap", "phan-anh-kien-nghi"],
    "lay-y-kien": ["lay-y-kien-du-thao", "gop-y-du-thao"],
    "lich-cong-tac": ["lich-cong-tac", "lich-lam-viec"],
    "khen-thuong-xu-phat": ["thi-dua-khen-thuong", "khen-thuong-xu-phat"],
    "tiep-can-thong-tin": ["tiep-can-thong-tin", "cong-khai-thong-tin"],
    "tin-phat-thanh": ["tin-phat-thanh", "dai-truyen-thanh"],
    "cong-bao": ["cong-bao", "cong-bao-dien-tu"],
    "khao-sat": ["khao-sat-truc-tuyen", "khao-sat"],
}
DEPT_HISTORY_SLUG = "qua-trinh-hinh-thanh-va-phat-trien"

# Labels of menu parents that are not sections themselves (href "#"); none is in the section vocabulary.
GROUP_LABELS = {
    "chuyen-muc": ["Chuyên mục", "Thông tin chuyên đề"],
    "cong-dan": ["Công dân - Doanh nghiệp", "Tiện ích"],
}

# ---- elements: headings / links on the intro and access-to-information pages ---------------------------------
ELEMENT_LABELS: dict[str, list[str]] = {
    # "Cơ cấu tổ chức" alone is avoided: the product vocabulary lists it under both co-cau-to-chuc and to-chuc-bo-may.
    "co-cau-to-chuc": ["Sơ đồ cơ cấu tổ chức", "Sơ đồ tổ chức", "Cơ cấu bộ máy"],
    "chuc-nang-nhiem-vu": ["Chức năng, nhiệm vụ", "Chức năng nhiệm vụ", "Chức năng - Nhiệm vụ",
                           "Chức năng, nhiệm vụ, quyền hạn"],
    "don-vi-truc-thuoc": ["Đơn vị trực thuộc", "Các đơn vị trực thuộc", "Đơn vị sự nghiệp trực thuộc"],
    "to-chuc-bo-may": ["Tổ chức bộ máy", "Bộ máy hành chính", "Tổ chức bộ máy hành chính"],
    "ban-do-dia-gioi": ["Bản đồ địa giới hành chính", "Bản đồ hành chính", "Bản đồ địa giới"],
    "tieu-su-lanh-dao": ["Tiểu sử lãnh đạo", "Tiểu sử tóm tắt lãnh đạo", "Tiểu sử tóm tắt"],
    "danh-muc-cong-khai": ["Danh mục thông tin phải công khai", "Danh mục thông tin công khai"],
    "dau-moi-cung-cap": ["Đầu mối cung cấp thông tin", "Bộ phận đầu mối cung cấp thông tin"],
    "dia-chi-tiep-nhan": ["Địa chỉ tiếp nhận yêu cầu cung cấp thông tin", "Địa chỉ tiếp nhận yêu cầu"],
}
INTRO_ELEMENTS = {"department": ("co-cau-to-chuc", "chuc-nang-nhiem-vu", "don-vi-truc-thuoc"),
                  "commune": ("to-chuc-bo-may", "ban-do-dia-gioi", "tieu-su-lanh-dao")}
ACCESS_ELEMENTS = ("danh-muc-cong-khai", "dau-moi-cung-cap", "dia-chi-tiep-nhan")
# Intro headings that are not rubric elements, so present and absent elements sit among ordinary headings.
INTRO_FILLER = ["Thông tin chung", "Vị trí địa lý", "Điều kiện tự nhiên", "Kinh tế - xã hội", "Dân số"]

# Words that must never appear in generated titles or chrome outside the element they prove.
BANNED_IN_TEXT = [
    "chức năng", "cơ cấu", "sơ đồ tổ chức", "trực thuộc", "quá trình hình thành", "lịch sử", "bộ máy",
    "bản đồ", "tiểu sử", "truyền thống văn hóa", "di tích", "danh thắng", "danh mục thông tin", "đầu mối",
    "địa chỉ tiếp nhận", "tiếp nhận yêu cầu",
]

# ---- outbound links -------------------------------------------------------------------------------------------
DVC_HOME = ("https://dichvucong.bacninh.gov.vn/", "Cổng Dịch vụ công tỉnh Bắc Ninh")
DVC_OTHER = [
    ("https://dichvucong.bacninh.gov.vn/dich-vu-cong-truc-tuyen", "Dịch vụ công trực tuyến"),
    ("https://dichvucong.gov.vn/p/home/dvc-trang-chu.html", "Cổng Dịch vụ công quốc gia"),
    ("https://dvc.bacninh.gov.vn/ho-so-truc-tuyen", "Theo dõi hồ sơ trực tuyến"),
]
DVC_PROCEDURES = [
    ("https://dichvucong.bacninh.gov.vn/thu-tuc-hanh-chinh", "Thủ tục hành chính"),
    ("https://dichvucong.bacninh.gov.vn/thu-tuc-hanh-chinh", "Tra cứu thủ tục hành chính"),
    ("https://dichvucong.bacninh.gov.vn/tthc/danh-sach", "Danh sách TTHC"),
]
CENTRAL_GOV = [("https://chinhphu.vn/", "Cổng TTĐT Chính phủ"), ("https://baochinhphu.vn/", "Báo điện tử Chính phủ"),
               ("https://www.chinhphu.vn/", "Chính phủ nước CHXHCN Việt Nam")]
NOISE_LINKS = [("https://baobacninhtv.vn/", "Báo Bắc Ninh"), ("https://thanhuy.bacninh.gov.vn/", "Tỉnh ủy Bắc Ninh"),
               ("https://dulichbacninh.gov.vn/", "Du lịch Bắc Ninh"), ("https://www.vietnamplus.vn/", "VietnamPlus")]

# ---- text fragments ---------------------------------------------------------------------------------------------
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Ngô", "Dương", "Đào", "Bùi", "Đặng", "Giáp", "Thân"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Hữu", "Quang", "Ngọc", "Thu", "Xuân", "Công", "Thế"]
GIVEN = ["Hùng", "Lan", "Hương", "Tuấn", "Dũng", "Hà", "Nam", "Thảo", "Long", "Hải", "Phương", "Sơn", "Bình",
         "Quyết", "Hạnh", "Trung", "Mai", "Cường", "Yến", "Thắng", "Linh", "Khánh", "Hoa", "Toàn"]
VILLAGES = ["thôn Đông", "thôn Trung", "thôn Đoài", "thôn Tân Lập", "thôn Hòa Bình", "thôn Quyết Tiến",
            "thôn Đồng Tâm", "thôn Hạ", "khu phố 1", "khu phố 3", "tổ dân phố Nam Sơn", "tổ dân phố Việt Hưng"]
TOPICS = ["chuyển đổi số", "cải cách hành chính", "xây dựng nông thôn mới", "phòng chống thiên tai",
          "an toàn thực phẩm", "phòng cháy, chữa cháy", "bảo vệ môi trường", "phát triển kinh tế tập thể",
          "chăm sóc sức khỏe nhân dân", "bảo hiểm y tế hộ gia đình", "giải phóng mặt bằng", "an ninh trật tự",
          "phổ cập giáo dục", "phòng, chống dịch bệnh trên đàn gia súc", "thu ngân sách", "sản xuất vụ đông",
          "chỉnh trang đô thị", "xây dựng gia đình văn hóa", "giảm nghèo bền vững", "đăng ký định danh điện tử",
          "thanh toán không dùng tiền mặt", "phòng chống rét cho cây trồng", "tiêm chủng mở rộng",
          "quản lý trật tự xây dựng", "khuyến học, khuyến tài", "thực hiện dân chủ ở cơ sở"]
EVENTS = ["Hội khỏe Phù Đổng", "Ngày hội Đại đoàn kết toàn dân tộc", "giải bóng đá thanh niên",
          "Tháng hành động vì an toàn thực phẩm", "Tết trồng cây", "Ngày hội đọc sách", "hội thi tìm hiểu pháp luật",
          "Ngày Chuyển đổi số", "hội chợ nông sản", "liên hoan văn nghệ quần chúng", "Lễ hội mùa xuân"]
GROUPS = ["hộ nghèo", "gia đình chính sách", "người cao tuổi", "học sinh giỏi", "đoàn viên thanh niên",
          "cựu chiến binh", "hội viên phụ nữ", "trẻ em có hoàn cảnh khó khăn", "người có công"]
OCCASIONS = ["Tết Nguyên đán", "Ngày Thương binh - Liệt sĩ", "Ngày Quốc khánh", "Tết Trung thu",
             "Ngày Nhà giáo Việt Nam", "Ngày Quốc tế Phụ nữ", "Ngày Thầy thuốc Việt Nam"]
WORKS = ["đường giao thông liên thôn", "nhà văn hóa thôn", "trường mầm non", "kênh tưới tiêu nội đồng",
         "trạm y tế", "hệ thống chiếu sáng công cộng", "sân thể thao", "bãi đỗ xe", "trụ sở làm việc",
         "cầu dân sinh", "điểm thu gom rác thải"]
LAWS = ["Luật Đất đai năm 2024", "Luật Tổ chức chính quyền địa phương năm 2025", "Luật Phòng, chống ma túy",
        "Luật Trật tự, an toàn giao thông đường bộ", "Luật Bảo hiểm xã hội năm 2024", "Luật Căn cước",
        "Luật Nhà ở năm 2023", "Luật Thực hiện dân chủ ở cơ sở", "Luật Phòng, chống bạo lực gia đình",
        "Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ", "Luật Thanh niên", "Luật Hòa giải ở cơ sở"]
FIELDS = ["đất đai", "xây dựng", "môi trường", "giao thông", "y tế", "giáo dục", "văn hóa", "thương mại",
          "nông nghiệp", "lao động", "tư pháp", "hộ tịch"]
ACHIEVEMENTS = ["xuất sắc trong phong trào thi đua", "tiêu biểu trong công tác dân vận",
                "trong phong trào toàn dân bảo vệ an ninh Tổ quốc", "trong xây dựng nông thôn mới"]
PERIODS = ["6 tháng đầu năm", "quý I", "quý II", "quý III", "9 tháng", "cả năm"]

TITLE_TEMPLATES: dict[str, list[str]] = {
    "tin-tuc": [
        "{org} tổ chức hội nghị giao ban {period}",
        "{org} triển khai công tác {topic}",
        "Đoàn công tác của tỉnh kiểm tra {topic} tại {village}",
        "Hội nghị sơ kết {topic} {period} năm {year}",
        "Khai mạc {event} năm {year}",
        "Tập huấn nghiệp vụ về {topic}",
        "Kiểm tra tiến độ thi công {work}",
        "Trao quà cho {group} nhân dịp {occasion}",
        "Tọa đàm về {topic}",
        "Gặp mặt {group} nhân dịp {occasion}",
        "Đẩy mạnh {topic} trên địa bàn",
        "Khánh thành {work} {village}",
        "Ra quân hưởng ứng {event}",
        "{org} tiếp và làm việc với đoàn công tác về {topic}",
    ],
    "pho-bien-phap-luat": [
        "Tuyên truyền {law}", "Những điểm mới của {law}", "Phổ biến {law} đến cán bộ, nhân dân",
        "Tìm hiểu quy định về {field} theo {law}", "Hội nghị quán triệt {law}",
        "Giải đáp quy định của {law} về {field}",
    ],
    "tin-phat-thanh": [
        "Bản tin truyền thanh: {topic}", "Chương trình phát thanh về {topic}", "Tin phát thanh: {event}",
        "Phát thanh chuyên đề {law}", "Bản tin cuối tuần: {topic}",
    ],
    "chien-luoc-quy-hoach": [
        "Quy hoạch chung {village} đến năm 2035", "Kế hoạch phát triển kinh tế - xã hội năm {year}",
        "Điều chỉnh quy hoạch sử dụng đất {village}", "Kế hoạch sử dụng đất năm {year}",
        "Kế hoạch thực hiện {topic} giai đoạn 2026-2030",
    ],
    "du-an-dau-tu": [
        "Dự án xây dựng {work} {village}", "Thông báo mời thầu gói thầu thi công {work}",
        "Kết quả lựa chọn nhà thầu {work}", "Kế hoạch lựa chọn nhà thầu dự án cải tạo {work}",
        "Phê duyệt chủ trương đầu tư {work}",
    ],
    "tai-chinh-ngan-sach": [
        "Công khai dự toán ngân sách năm {year}", "Công khai quyết toán ngân sách năm {prev_year}",
        "Công khai tình hình thực hiện dự toán ngân sách {period} năm {year}",
        "Công khai số liệu thu, chi ngân sách {period}",
    ],
    "thong-ke": [
        "Số liệu thống kê {topic} {period} năm {year}", "Báo cáo thống kê về {topic}",
        "Tình hình {topic} {period} năm {year}", "Kết quả điều tra {field} năm {year}",
    ],
    "lay-y-kien": [
        "Lấy ý kiến dự thảo Nghị quyết về {topic}", "Góp ý dự thảo Quyết định quy định về {field}",
        "Dự thảo Kế hoạch {topic} năm {year}", "Xin ý kiến nhân dân về dự thảo quy định {field}",
    ],
    "khen-thuong-xu-phat": [
        "Quyết định khen thưởng tập thể, cá nhân {achievement}",
        "Quyết định xử phạt vi phạm hành chính trong lĩnh vực {field}",
        "Biểu dương {group} {achievement}", "Khen thưởng đột xuất cá nhân có thành tích trong {topic}",
    ],
    "cong-bao": [
        "Công báo điện tử tỉnh Bắc Ninh {period} năm {year}", "Danh mục văn bản đăng Công báo {period} năm {year}",
    ],
    "khao-sat": [
        "Khảo sát mức độ hài lòng về {topic} năm {year}", "Phiếu khảo sát ý kiến về {field}",
    ],
    "chi-dao-dieu-hanh": [
        "Chỉ thị về tăng cường {topic}", "Công văn chỉ đạo thực hiện {topic}",
        "Thông báo kết luận của Chủ tịch UBND về {topic}", "Chỉ đạo triển khai {event} năm {year}",
    ],
    "lich-su": [
        "Đình {village} và lễ hội xuân", "Chùa {village} - nét đẹp kiến trúc cổ", "Nghề gốm cổ {village}",
        "Danh nhân quê hương: {person}", "Làng quan họ {village}", "Giếng cổ {village}",
    ],
}

SUMMARY_TEMPLATES = [
    "Sáng nay, {org} đã tổ chức hội nghị với sự tham dự của đại diện các ban, ngành, đoàn thể.",
    "Thực hiện kế hoạch năm {year}, {org} tiếp tục triển khai nhiều giải pháp đồng bộ.",
    "Đây là hoạt động thiết thực nhằm nâng cao nhận thức của cán bộ và nhân dân về {topic}.",
    "Theo báo cáo, kết quả đạt được {period} cơ bản hoàn thành các chỉ tiêu đề ra.",
]
BODY_SENTENCES = [
    "Các đại biểu đã thảo luận, đóng góp nhiều ý kiến tâm huyết, sát với thực tiễn.",
    "Lãnh đạo địa phương đề nghị các đơn vị tiếp tục phối hợp chặt chẽ, triển khai quyết liệt các nhiệm vụ.",
    "Kết quả trên góp phần quan trọng vào việc hoàn thành các chỉ tiêu phát triển kinh tế - xã hội.",
    "Nhân dịp này, nhiều tập thể, cá nhân có thành tích tiêu biểu đã được biểu dương.",
    "Hoạt động nhận được sự hưởng ứng tích cực của đông đảo cán bộ, đảng viên và nhân dân.",
    "Thời gian tới, địa phương sẽ tập trung tháo gỡ khó khăn, vướng mắc để đẩy nhanh tiến độ.",
]
QUESTION_TEMPLATES = [
    "Hỏi về thủ tục cấp giấy chứng nhận quyền sử dụng đất tại {village}",
    "Kiến nghị sửa chữa {work} {village}",
    "Phản ánh tình trạng ô nhiễm môi trường tại {village}",
    "Đề nghị hướng dẫn chế độ cho {group}",
    "Hỏi về thời gian giải quyết hồ sơ trong lĩnh vực {field}",
    "Phản ánh việc lấn chiếm vỉa hè tại {village}",
    "Đề nghị lắp đặt đèn chiếu sáng tại {village}",
    "Hỏi về chính sách hỗ trợ {topic}",
]
ANSWER_TEMPLATES = [
    "Sau khi xem xét nội dung, {org} trả lời như sau: đề nghị công dân liên hệ bộ phận một cửa để được hướng dẫn.",
    "{org} đã chỉ đạo kiểm tra thực tế và sẽ xử lý dứt điểm trong thời gian sớm nhất.",
    "Nội dung công dân hỏi đã được quy định cụ thể; {org} trân trọng cảm ơn công dân đã quan tâm.",
]
# Openings of answers that needed other bodies, or that set a later reply date: QĐ 96 Điều 13 gives them 7 and at
# most 10 working days. Only portals that show the answer's text carry them (farm/build_activity.py).
ANSWER_COORDINATION = [
    "Nội dung câu hỏi cần sự phối hợp liên ngành; {org} đã xin ý kiến các sở, ngành liên quan. ",
    "Do vụ việc cần phối hợp liên ngành, {org} đã tổng hợp ý kiến và trả lời như sau. ",
]
ANSWER_SPECIAL = [
    "Đây là trường hợp đặc biệt, {org} đã hẹn trả lời công dân sau khi kiểm tra thực địa. ",
    "Vụ việc phức tạp nên {org} đã hẹn trả lời công dân trong thời hạn quy định. ",
]
SCHEDULE_TASKS = [
    "Họp giao ban lãnh đạo", "Làm việc với các phòng chuyên môn", "Tiếp công dân định kỳ",
    "Dự hội nghị trực tuyến của tỉnh", "Kiểm tra {work}", "Làm việc tại trụ sở", "Họp bàn về {topic}",
    "Dự lễ khai mạc {event}", "Đi công tác cơ sở", "Chủ trì hội nghị {topic}",
]
PROCEDURES = [
    "Đăng ký khai sinh", "Đăng ký kết hôn", "Đăng ký khai tử", "Chứng thực bản sao từ bản chính",
    "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Đăng ký biến động đất đai", "Cấp bản sao trích lục hộ tịch",
    "Xác nhận tình trạng hôn nhân", "Đăng ký thành lập hộ kinh doanh", "Công nhận gia đình văn hóa",
    "Hỗ trợ chi phí mai táng", "Đăng ký thường trú", "Cấp giấy phép kinh doanh rượu", "Giải quyết khiếu nại lần đầu",
]
DOC_TYPES = ["Quyết định", "Nghị quyết", "Chỉ thị", "Kế hoạch", "Thông báo", "Công văn"]
DOC_SUBJECTS = ["về việc ban hành quy chế làm việc", "về việc phê duyệt kế hoạch {topic}",
                "về việc triển khai {topic}", "quy định chi tiết về {field}", "về việc kiện toàn ban chỉ đạo {topic}",
                "về tăng cường công tác {topic}"]

WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def slugify(text: str) -> str:
    """ASCII slug the way the platform builds article slugs (đ dropped to d)."""
    t = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    t = "".join(c for c in t if unicodedata.category(c) != "Mn").lower()
    out, dash = [], False
    for c in t:
        if c.isalnum():
            out.append(c)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def org_short(name: str, kind: str) -> str:
    """How articles name the organisation: 'UBND xã Đại Sơn', 'Sở Nội vụ', 'UBND tỉnh'."""
    if kind in ("commune", "ward"):
        return "UBND " + name[0].lower() + name[1:]
    if kind == "province":
        return "UBND tỉnh"
    return name
