"""Article (detail) pages of the blind gold set. Content hand-written; see make.py."""


def register(page, g):
    liferay, lf_article, lf_sidebar_news = g["liferay"], g["lf_article"], g["lf_sidebar_news"]
    sharepoint, nukeviet, wordpress, plain = g["sharepoint"], g["nukeviet"], g["wordpress"], g["plain"]

    # ------------------------------------------------------------------ Liferay ------------------------------
    @page("lf-kinhbac-khai-giang")
    def _():
        side = lf_sidebar_news([
            ("Phường Kinh Bắc tổ chức Ngày hội Đại đoàn kết toàn dân tộc khu phố Thị Chung",
             "/news/-/details/1250318/ngay-hoi-dai-doan-ket-khu-pho-thi-chung-1389021", "18/11/2025"),
            ("Hội nghị tiếp xúc cử tri trước kỳ họp thứ năm HĐND phường", "/news/-/details/1250318/tiep-xuc-cu-tri-1388764", "14/11/2025"),
            ("Ra quân tổng vệ sinh môi trường chào mừng Quốc khánh 2/9", "/news/-/details/1250318/tong-ve-sinh-moi-truong-1361102", "31/08/2025"),
        ])
        art = lf_article(
            "Phường Kinh Bắc tưng bừng khai giảng năm học mới 2025 - 2026",
            "Sáng 05/9, cùng với hơn 23 triệu học sinh cả nước, các trường mầm non, tiểu học và THCS trên địa bàn "
            "phường Kinh Bắc đồng loạt tổ chức Lễ khai giảng năm học 2025 - 2026.",
            """<p>Năm học 2025 - 2026, toàn phường có 9 trường với hơn 7.800 học sinh. Đây là năm học đầu tiên các trường hoạt
động dưới sự quản lý của UBND phường Kinh Bắc sau khi sắp xếp đơn vị hành chính và tổ chức chính quyền địa phương
hai cấp từ ngày 01/7/2025.</p>
<p>Tại Trường THCS Kinh Bắc, đồng chí Nguyễn Văn Hưng, Phó Chủ tịch UBND phường đã dự, đánh trống khai giảng và
trao 20 suất học bổng cho học sinh có hoàn cảnh khó khăn vượt khó học giỏi.</p>
<p>Phát biểu tại buổi lễ, đồng chí đề nghị các nhà trường tiếp tục thực hiện nghiêm Chỉ thị của Bộ Giáo dục và Đào tạo
về nhiệm vụ, giải pháp năm học 2025 - 2026, đẩy mạnh chuyển đổi số trong dạy và học.</p>
<p style="text-align:right"><strong>Minh Anh - Trung tâm VH-TT phường</strong></p>""",
            dateline='<div class="date-detail"><span class="label-date">Ngày đăng:</span> <span class="time">05/09/2025 10:45</span></div>')
        return liferay("Phường Kinh Bắc", "kinhbac.bacninh.gov.vn", "phuong-kinh-bac",
                       "Phường Kinh Bắc tưng bừng khai giảng năm học mới 2025 - 2026",
                       [("Trang chủ", "/web/phuong-kinh-bac/trang-chu"), ("Tin tức - Sự kiện", "/web/phuong-kinh-bac/tin-tuc-su-kien"), ("Chi tiết tin", None)],
                       art, side,
                       footer={"Địa chỉ": "Số 08 đường Lý Thái Tổ, phường Kinh Bắc, tỉnh Bắc Ninh", "Điện thoại": "0222.3821.456",
                               "Email": "ubndkinhbac@bacninh.gov.vn"})

    @page("lf-tuson-trat-tu-xay-dung")
    def _():
        rel = [("Phường Từ Sơn kiểm tra công tác quản lý đất đai tại khu phố Đồng Kỵ", "/news/-/details/1250877/kiem-tra-dat-dai-dong-ky-1377012", "(02/10/2025)"),
               ("Tập huấn nghiệp vụ quản lý trật tự đô thị năm 2025", "/news/-/details/1250877/tap-huan-trat-tu-do-thi-1369845", "(16/09/2025)"),
               ("Phường Từ Sơn ra mắt mô hình \"Tuyến phố văn minh\"", "/news/-/details/1250877/tuyen-pho-van-minh-1358230", "(25/08/2025)")]
        art = lf_article(
            "Phường Từ Sơn tăng cường quản lý trật tự xây dựng trên địa bàn",
            "UBND phường Từ Sơn vừa tổ chức hội nghị triển khai các biện pháp tăng cường quản lý trật tự xây dựng, "
            "xử lý dứt điểm các trường hợp vi phạm phát sinh.",
            """<p>Thực hiện Quyết định số 12/2025/QĐ-UBND ngày 03/01/2025 của UBND tỉnh Bắc Ninh ban hành Quy định phân cấp quản lý
trật tự xây dựng trên địa bàn tỉnh, UBND phường đã thành lập 3 tổ kiểm tra liên ngành.</p>
<p>Từ đầu năm đến nay, các tổ đã kiểm tra 146 công trình, phát hiện và lập biên bản 11 trường hợp xây dựng sai phép,
không phép; ban hành 9 quyết định xử phạt vi phạm hành chính theo Nghị định số 16/2022/NĐ-CP ngày 28/01/2022 của
Chính phủ với tổng số tiền 265 triệu đồng.</p>
<p>Chủ tịch UBND phường Từ Sơn Đỗ Đức Thịnh yêu cầu các khu phố rà soát, báo cáo trước ngày 15/10/2025; người đứng
đầu khu phố chịu trách nhiệm nếu để phát sinh vi phạm mới.</p>
<p style="text-align:right"><strong>Thu Hà</strong></p>""",
            dateline='<p class="news-date">Thứ Sáu, 10/10/2025 - 14:30</p>',
            related=rel)
        return liferay("Phường Từ Sơn", "tuson.bacninh.gov.vn", "phuong-tu-son",
                       "Phường Từ Sơn tăng cường quản lý trật tự xây dựng trên địa bàn",
                       [("Trang chủ", "/web/phuong-tu-son/trang-chu"), ("Tin tức - Sự kiện", "/web/phuong-tu-son/tin-tuc-su-kien")],
                       art, lf_sidebar_news([("Phường Từ Sơn tổng kết phong trào thi đua năm 2025", "/news/-/details/1250877/tong-ket-thi-dua-1391010", "20/11/2025")]),
                       footer={"Địa chỉ": "Số 1 đường Lý Thái Tổ, phường Từ Sơn, tỉnh Bắc Ninh", "Điện thoại": "0222.3831.207"})

    @page("lf-tiendu-sot-xuat-huyet")
    def _():
        art = lf_article(
            "Xã Tiên Du ra quân diệt bọ gậy phòng, chống dịch sốt xuất huyết",
            "Nhằm chủ động phòng, chống dịch sốt xuất huyết trong mùa mưa, xã Tiên Du tổ chức chiến dịch ra quân diệt "
            "bọ gậy tại 100% thôn, khu dân cư.",
            """<p>Chiến dịch được triển khai từ ngày 07 đến ngày 12/8 với sự tham gia của lực lượng y tế, đoàn thanh niên,
hội phụ nữ và các hộ gia đình. Các tổ xung kích đã kiểm tra, loại bỏ hơn 3.200 dụng cụ chứa nước đọng.</p>
<p>Theo Trạm Y tế xã, từ đầu năm đến ngày 05/8/2025 trên địa bàn ghi nhận 14 ca mắc sốt xuất huyết, không có ca tử vong.</p>
<p>UBND xã đề nghị người dân chủ động vệ sinh môi trường, ngủ màn, đến ngay cơ sở y tế khi có dấu hiệu sốt cao.</p>""",
            dateline='<div class="news-meta"><span class="createdDate">07/08/2025 2:30</span> | <span class="view">Lượt xem: 418</span></div>')
        return liferay("Xã Tiên Du", "tiendu.bacninh.gov.vn", "xa-tien-du",
                       "Xã Tiên Du ra quân diệt bọ gậy phòng, chống dịch sốt xuất huyết",
                       [("Trang chủ", "/web/xa-tien-du/trang-chu"), ("Tin tức - Sự kiện", "/web/xa-tien-du/tin-tuc-su-kien")],
                       art, lf_sidebar_news([("Xã Tiên Du tổ chức Hội nghị cán bộ, công chức năm 2025", "/news/-/details/1251002/hoi-nghi-can-bo-1384401", "04/11/2025"),
                                             ("Tiêm vắc xin phòng bệnh dại cho đàn chó, mèo", "/news/-/details/1251002/tiem-vac-xin-1380013", "21/10/2025")]),
                       footer={"Địa chỉ": "Thôn Lũng Sơn, xã Tiên Du, tỉnh Bắc Ninh", "Điện thoại": "0222.3837.118"})

    @page("lf-phattich-chua")
    def _():
        art = lf_article(
            "Chùa Phật Tích - Di tích quốc gia đặc biệt bên dòng sông Đuống",
            "Chùa Phật Tích (Vạn Phúc tự) là một trong những ngôi chùa cổ nhất Việt Nam, nơi lưu giữ pho tượng A Di Đà "
            "bằng đá thời Lý được công nhận là Bảo vật quốc gia.",
            """<p>Chùa được khởi dựng từ thời Lý, năm 1057 dưới triều vua Lý Thánh Tông. Trải qua nhiều biến cố lịch sử, năm 1947
chùa bị thực dân Pháp phá hủy và đến năm 1991 được phục dựng.</p>
<p>Ngày 12 tháng 12 năm 2013, pho tượng A Di Đà chùa Phật Tích được Thủ tướng Chính phủ công nhận là Bảo vật quốc gia.
Năm 2025, quần thể di tích tiếp tục được đầu tư tôn tạo.</p>
<p>Lễ hội chùa Phật Tích diễn ra vào mùng 4 tháng Giêng âm lịch hằng năm, với tục "hội hoa mẫu đơn". Dự kiến ngày 20
tháng 9 năm 2025, xã Phật Tích tổ chức tọa đàm về bảo tồn và phát huy giá trị di tích.</p>""",
            dateline='<div class="date_time">Thứ Hai, ngày 15 tháng 9 năm 2025</div>')
        return liferay("Xã Phật Tích", "phattich.bacninh.gov.vn", "xa-phat-tich",
                       "Chùa Phật Tích - Di tích quốc gia đặc biệt bên dòng sông Đuống",
                       [("Trang chủ", "/web/xa-phat-tich/trang-chu"), ("Lịch sử - Văn hóa", "/web/xa-phat-tich/lich-su-van-hoa"), ("Di tích - Danh thắng", "/web/xa-phat-tich/di-tich-danh-thang")],
                       art, lf_sidebar_news([("Đình làng Hoài Trung - nét kiến trúc cổ", "/news/-/details/1251107/dinh-hoai-trung-1365550", "29/08/2025")], title="Bài viết khác"),
                       footer={"Địa chỉ": "Thôn Phật Tích, xã Phật Tích, tỉnh Bắc Ninh"}, year="2024 - 2025")

    @page("lf-namson-doi-thoai")
    def _():
        art = lf_article(
            "Phường Nam Sơn tổ chức Hội nghị đối thoại với Nhân dân năm 2025",
            "Hội nghị nhằm lắng nghe, tiếp thu ý kiến, kiến nghị của Nhân dân về công tác quản lý đất đai, "
            "vệ sinh môi trường và an ninh trật tự.",
            """<p>Tại hội nghị, 17 ý kiến của cử tri đã được lãnh đạo phường tiếp thu, giải trình trực tiếp. Những nội dung
vượt thẩm quyền, UBND phường tổng hợp, báo cáo cấp có thẩm quyền xem xét, giải quyết.</p>
<p>Đồng chí Chủ tịch UBND phường giao các bộ phận chuyên môn trả lời bằng văn bản trước ngày 31/10/2025.</p>
<p><em>(Bài viết được cập nhật bổ sung danh sách ý kiến cử tri đã được trả lời.)</em></p>""",
            dateline='<div class="news-date"><span class="update">Cập nhật lúc 16:45 ngày 22/10/2025</span><br/>'
                     '<span class="publish">Ngày đăng: 20/10/2025 09:00</span></div>')
        return liferay("Phường Nam Sơn", "namson.bacninh.gov.vn", "phuong-nam-son",
                       "Phường Nam Sơn tổ chức Hội nghị đối thoại với Nhân dân năm 2025",
                       [("Trang chủ", "/web/phuong-nam-son/trang-chu"), ("Tin hoạt động", "/web/phuong-nam-son/tin-hoat-dong")],
                       art, lf_sidebar_news([("Phường Nam Sơn ra quân xử lý vi phạm hành lang giao thông", "/news/-/details/1250945/hanh-lang-giao-thong-1388001", "13/11/2025")]),
                       footer={"Địa chỉ": "Khu phố Nam Sơn, phường Nam Sơn, tỉnh Bắc Ninh"})

    @page("lf-daidong-ky-nang-so")
    def _():
        art = lf_article(
            "Xã Đại Đồng tập huấn kỹ năng số cho tổ công nghệ số cộng đồng",
            "Hơn 120 thành viên tổ công nghệ số cộng đồng các thôn được hướng dẫn cài đặt, sử dụng ứng dụng VNeID và "
            "dịch vụ công trực tuyến.",
            """<p>Lớp tập huấn do UBND xã phối hợp với Viettel Bắc Ninh tổ chức. Học viên được hướng dẫn quy trình nộp hồ sơ trực
tuyến toàn trình trên Cổng Dịch vụ công quốc gia, thanh toán trực tuyến và kỹ năng nhận diện lừa đảo trên không gian mạng.</p>
<p>Qua đó góp phần thực hiện Kế hoạch số 65/KH-UBND ngày 15/9/2025 của UBND tỉnh.</p>""",
            dateline='<div class="date-update">Ngày cập nhật: 03/11/2025</div>', toolbar=False)
        return liferay("Xã Đại Đồng", "daidong.bacninh.gov.vn", "xa-dai-dong",
                       "Xã Đại Đồng tập huấn kỹ năng số cho tổ công nghệ số cộng đồng",
                       [("Trang chủ", "/web/xa-dai-dong/trang-chu"), ("Tin tức - Sự kiện", "/web/xa-dai-dong/tin-tuc-su-kien")],
                       art, lf_sidebar_news([("Xã Đại Đồng chuẩn bị Ngày hội Đại đoàn kết", "/news/-/details/1251188/ngay-hoi-1389505", "17/11/2025")]),
                       footer={"Địa chỉ": "Thôn Đại Vi, xã Đại Đồng, tỉnh Bắc Ninh"})

    @page("lf-yenphong-vu-dong")
    def _():
        rel = [("Xã Yên Phong tổng kết vụ lúa mùa năm 2025", "/news/-/details/1251230/tong-ket-vu-mua-1386611", "10/11/2025"),
               ("Hội nghị triển khai nhiệm vụ sản xuất vụ đông", "/news/-/details/1251230/san-xuat-vu-dong-1370040", "19/09/2025")]
        art = lf_article(
            "Xã Yên Phong đẩy mạnh phát triển sản xuất vụ đông",
            "Vụ đông năm nay, xã Yên Phong phấn đấu gieo trồng 420 ha, tập trung vào các cây trồng có giá trị kinh tế cao.",
            """<p>Xã đã hỗ trợ người dân 50% giá giống ngô ngọt, khoai tây; khuyến khích liên kết tiêu thụ sản phẩm với doanh
nghiệp. Đến nay, toàn xã đã gieo trồng được 310 ha, đạt 74% kế hoạch.</p>
<p>Thời vụ gieo trồng cây ưa ấm kết thúc trước ngày 30/10; cây ưa lạnh kết thúc trước ngày 30/11/2025.</p>
<p style="text-align:right"><strong>Ban Biên tập</strong></p>""",
            related=rel)
        return liferay("Xã Yên Phong", "yenphong.bacninh.gov.vn", "xa-yen-phong",
                       "Xã Yên Phong đẩy mạnh phát triển sản xuất vụ đông",
                       [("Trang chủ", "/web/xa-yen-phong/trang-chu"), ("Tin tức - Sự kiện", "/web/xa-yen-phong/tin-tuc-su-kien")],
                       art, lf_sidebar_news([("Xã Yên Phong đón Bằng công nhận làng văn hóa", "/news/-/details/1251230/lang-van-hoa-1390202", "19/11/2025"),
                                             ("Tuyên truyền phòng cháy, chữa cháy mùa hanh khô", "/news/-/details/1251230/pccc-1388822", "15/11/2025")]),
                       footer={"Địa chỉ": "Thôn Trung Bạn, xã Yên Phong, tỉnh Bắc Ninh", "Điện thoại": "0222.3860.112"})

    @page("lf-tinh-giai-ngan-dau-tu-cong")
    def _():
        art = lf_article(
            "UBND tỉnh chỉ đạo đẩy nhanh tiến độ giải ngân vốn đầu tư công những tháng cuối năm 2025",
            "Chủ tịch UBND tỉnh yêu cầu các sở, ngành, UBND các xã, phường tập trung tháo gỡ vướng mắc, phấn đấu giải "
            "ngân 100% kế hoạch vốn được giao.",
            """<p>Ngày 31/10/2025, UBND tỉnh ban hành Công văn số 4567/UBND-KTTH về việc đẩy nhanh tiến độ giải ngân vốn đầu tư
công năm 2025. Theo đó, đến hết ngày 31/10/2025, toàn tỉnh mới giải ngân được 61,3% kế hoạch.</p>
<p>Chủ tịch UBND tỉnh yêu cầu chủ đầu tư các dự án lập kế hoạch giải ngân chi tiết theo từng tuần; báo cáo kết quả về
Sở Tài chính trước ngày 10 hằng tháng; kiên quyết điều chuyển vốn của các dự án chậm giải ngân.</p>
<p>Thời hạn giải ngân kế hoạch vốn năm 2025 kéo dài đến hết ngày 31/01/2026 theo quy định của Luật Đầu tư công.</p>""",
            dateline='<div class="date-time"><i class="icon-time"></i> Thứ Hai, 03/11/2025, 10:20</div>')
        return liferay("Tỉnh Bắc Ninh", "www.bacninh.gov.vn", "bn",
                       "UBND tỉnh chỉ đạo đẩy nhanh tiến độ giải ngân vốn đầu tư công những tháng cuối năm 2025",
                       [("Trang chủ", "/"), ("Chỉ đạo điều hành", "/chi-dao-dieu-hanh")],
                       art, lf_sidebar_news([("Lịch công tác tuần của Lãnh đạo UBND tỉnh (Từ ngày 17/11 đến 21/11/2025)", "/-/details/37632/lich-cong-tac-tuan-47-1389987", "17/11/2025")], title="Tin mới"),
                       footer={"Địa chỉ": "Số 82 đường Hùng Vương, phường Bắc Giang, tỉnh Bắc Ninh", "Điện thoại": "0204.3854.220"},
                       visits="58.301.447")

    @page("lf-vuninh-ma-tuy")
    def _():
        comments = """<div class="comments"><h3>Ý kiến bạn đọc (2)</h3>
<div class="comment"><p class="comment-author">Nguyễn Thị Hoa <span class="comment-date">15/10/2025 20:11</span></p>
<p>Tuyên truyền rất thiết thực, mong phường tổ chức thêm tại các trường THCS.</p></div>
<div class="comment"><p class="comment-author">Trần Văn Lâm <span class="comment-date">16/10/2025 07:42</span></p>
<p>Đề nghị tăng cường kiểm tra các cơ sở kinh doanh karaoke trên địa bàn.</p></div>
<form class="comment-form"><textarea name="content" placeholder="Nhập ý kiến của bạn"></textarea><button>Gửi ý kiến</button></form></div>"""
        art = lf_article(
            "Tuyên truyền Luật Phòng, chống ma túy cho đoàn viên, thanh niên phường Vũ Ninh",
            "Hơn 200 đoàn viên, thanh niên được phổ biến những nội dung cơ bản của Luật Phòng, chống ma túy và các văn bản hướng dẫn thi hành.",
            """<p>Báo cáo viên đã giới thiệu những điểm mới của Luật Phòng, chống ma túy số 73/2021/QH14 ngày 30/3/2021, có hiệu lực
từ ngày 01/01/2022; Nghị định số 116/2021/NĐ-CP ngày 21/12/2021 của Chính phủ quy định chi tiết về cai nghiện ma túy
và quản lý sau cai nghiện.</p>
<p>Các đại biểu cũng được thông tin về tác hại của ma túy tổng hợp, "bóng cười" và thủ đoạn lôi kéo thanh thiếu niên.</p>""",
            dateline='<div class="date-detail">Ngày đăng: 14/10/2025</div>', after=comments)
        return liferay("Phường Vũ Ninh", "vuninh.bacninh.gov.vn", "phuong-vu-ninh",
                       "Tuyên truyền Luật Phòng, chống ma túy cho đoàn viên, thanh niên phường Vũ Ninh",
                       [("Trang chủ", "/web/phuong-vu-ninh/trang-chu"), ("Phổ biến giáo dục pháp luật", "/web/phuong-vu-ninh/pho-bien-giao-duc-phap-luat")],
                       art, lf_sidebar_news([("Phường Vũ Ninh tổ chức Ngày Pháp luật Việt Nam", "/news/-/details/1250966/ngay-phap-luat-1389330", "09/11/2025")]),
                       footer={"Địa chỉ": "Số 15 đường Vũ Ninh, phường Vũ Ninh, tỉnh Bắc Ninh"})

    @page("lf-luongtai-ban-tin")
    def _():
        art = lf_article(
            "Bản tin truyền thanh xã Lương Tài ngày 12/11/2025",
            "Chương trình phát thanh của Đài truyền thanh xã Lương Tài.",
            """<div class="audio-player"><audio controls="controls" src="/documents/1251301/0/ban-tin-12-11-2025.mp3"></audio></div>
<p>Nội dung chính: Xã Lương Tài tổng kết vụ lúa mùa; Hướng dẫn nộp thuế sử dụng đất phi nông nghiệp năm 2025;
Thông báo lịch tiếp công dân của Chủ tịch UBND xã tháng 11/2025; Tuyên truyền phòng, chống cháy nổ mùa hanh khô.</p>""",
            dateline='<div class="date-detail">Ngày đăng: 13/11/2025 07:00</div>')
        return liferay("Xã Lương Tài", "luongtai.bacninh.gov.vn", "xa-luong-tai",
                       "Bản tin truyền thanh xã Lương Tài ngày 12/11/2025",
                       [("Trang chủ", "/web/xa-luong-tai/trang-chu"), ("Tin phát thanh", "/web/xa-luong-tai/tin-phat-thanh")],
                       art, lf_sidebar_news([("Bản tin truyền thanh ngày 05/11/2025", "/news/-/details/1251301/ban-tin-05-11-1387002", "06/11/2025")], title="Bản tin khác"),
                       footer={"Địa chỉ": "Thôn Thanh Lâm, xã Lương Tài, tỉnh Bắc Ninh"})

    @page("lf-vocuong-khen-thuong")
    def _():
        art = lf_article(
            "Khen thưởng tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua \"Bình dân học vụ số\"",
            "Chủ tịch UBND phường Võ Cường quyết định tặng Giấy khen cho 5 tập thể và 12 cá nhân.",
            """<p>Căn cứ Quyết định số 1234/QĐ-UBND ngày 24/10/2025 của Chủ tịch UBND phường Võ Cường về việc khen thưởng thành
tích trong phong trào thi đua "Bình dân học vụ số", phường tổ chức trao thưởng tại Hội nghị sơ kết.</p>
<table class="table" border="1"><tr><th>STT</th><th>Tập thể/Cá nhân</th><th>Hình thức</th></tr>
<tr><td>1</td><td>Khu phố Xuân Ổ A</td><td>Giấy khen</td></tr><tr><td>2</td><td>Khu phố Bồ Sơn</td><td>Giấy khen</td></tr>
<tr><td>3</td><td>Ông Nguyễn Hữu Tiến, Tổ trưởng tổ công nghệ số khu phố Hòa Đình</td><td>Giấy khen</td></tr></table>""",
            dateline='<span class="date-time">28/10/2025 15:20:07</span>')
        return liferay("Phường Võ Cường", "vocuong.bacninh.gov.vn", "phuong-vo-cuong",
                       "Khen thưởng tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua Bình dân học vụ số",
                       [("Trang chủ", "/web/phuong-vo-cuong/trang-chu"), ("Thi đua - Khen thưởng", "/web/phuong-vo-cuong/thi-dua-khen-thuong")],
                       art, "", footer={"Địa chỉ": "Đường Nguyễn Quyền, phường Võ Cường, tỉnh Bắc Ninh"})

    # ------------------------------------------------------------------ SharePoint ---------------------------
    stp_menu = [("Giới thiệu", "/Pages/gioi-thieu.aspx"), ("Tin tức - Sự kiện", "/Pages/tin-tuc-su-kien.aspx"),
                ("Phổ biến giáo dục pháp luật", "/Pages/pho-bien-giao-duc-phap-luat.aspx"), ("Văn bản", "/Pages/van-ban.aspx"),
                ("Thủ tục hành chính", "/Pages/thu-tuc-hanh-chinh.aspx"), ("Lãnh đạo Sở", "/Pages/lanh-dao-so.aspx"),
                ("Hỏi đáp", "/Pages/hoi-dap.aspx"), ("Liên hệ", "/Pages/lien-he.aspx")]
    stp_footer = "<p>SỞ TƯ PHÁP TỈNH BẮC NINH</p><p>Địa chỉ: Số 6 đường Nguyễn Văn Cừ, phường Bắc Giang, tỉnh Bắc Ninh</p>"
    g["STP_MENU"], g["STP_FOOTER"] = stp_menu, stp_footer

    @page("sp-stp-luat-ban-hanh-vb")
    def _():
        main = """<div class="news-detail">
<h2 class="news-title">Những điểm mới của Luật Ban hành văn bản quy phạm pháp luật năm 2025</h2>
<div class="news-info"><span class="news-date">Ngày đăng: 18/09/2025</span> <span class="news-view">Lượt xem: 1.024</span></div>
<div class="news-summary"><strong>Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 được Quốc hội khóa XV thông qua
ngày 19/02/2025, có hiệu lực thi hành từ ngày 01/4/2025 với nhiều điểm mới quan trọng.</strong></div>
<div class="news-content ms-rtestate-field">
<p>Thứ nhất, Luật phân định rõ thẩm quyền ban hành văn bản của Quốc hội và Chính phủ theo hướng Quốc hội tập trung
vào việc ban hành luật khung, luật định khung.</p>
<p>Thứ hai, rút gọn quy trình xây dựng, ban hành văn bản; tăng cường trách nhiệm của người đứng đầu.</p>
<p>Thứ ba, Luật bổ sung quy định về việc ban hành văn bản trong trường hợp đặc biệt, khẩn cấp.</p>
<p style="text-align:right"><strong>Phòng Phổ biến, giáo dục pháp luật</strong></p>
</div>
<div class="other-news"><h3>Tin khác</h3><ul>
<li><a href="/Pages/pho-bien-giao-duc-phap-luat.aspx?ItemID=612">Hội nghị quán triệt Luật Tổ chức chính quyền địa phương năm 2025</a> <span>(08/09/2025)</span></li>
<li><a href="/Pages/pho-bien-giao-duc-phap-luat.aspx?ItemID=598">Giới thiệu Nghị quyết số 190/2025/QH15</a> <span>(26/08/2025)</span></li>
</ul></div></div>"""
        return sharepoint("Sở Tư pháp tỉnh Bắc Ninh", "stp.bacninh.gov.vn",
                          "Những điểm mới của Luật Ban hành văn bản quy phạm pháp luật năm 2025",
                          [("Trang chủ", "/Pages/default.aspx"), ("Phổ biến giáo dục pháp luật", "/Pages/pho-bien-giao-duc-phap-luat.aspx"), ("Chi tiết", None)],
                          main, stp_menu, footer=stp_footer)

    @page("sp-stc-cong-khai-du-toan")
    def _():
        main = """<div class="article-detail">
<h1 class="article-title">Công khai dự toán ngân sách năm 2025 của Sở Tài chính</h1>
<p class="article-date"><i>Cập nhật lúc 08:30 ngày 15/9/2025</i> (Đăng ngày 12/9/2025)</p>
<div class="article-body">
<p>Thực hiện Thông tư số 61/2017/TT-BTC ngày 15/6/2017 của Bộ Tài chính hướng dẫn về công khai ngân sách đối với đơn vị dự
toán ngân sách, Sở Tài chính công khai dự toán ngân sách năm 2025 được giao tại Quyết định số 2085/QĐ-UBND ngày 20/12/2024
của UBND tỉnh.</p>
<p>Tổng dự toán chi ngân sách năm 2025: 28.450 triệu đồng, trong đó chi thường xuyên 25.120 triệu đồng.</p>
<p>Tệp đính kèm: <a href="/Documents/cong-khai-du-toan-2025.pdf">Biểu công khai dự toán 2025.pdf</a></p>
</div></div>"""
        menu = [("Giới thiệu", "/Pages/gioi-thieu.aspx"), ("Tin tức", "/Pages/tin-tuc.aspx"), ("Công khai ngân sách", "/Pages/cong-khai-ngan-sach.aspx"),
                ("Văn bản", "/Pages/van-ban.aspx"), ("Liên hệ", "/Pages/lien-he.aspx")]
        return sharepoint("Sở Tài chính tỉnh Bắc Ninh", "stc.bacninh.gov.vn", "Công khai dự toán ngân sách năm 2025 của Sở Tài chính",
                          [("Trang chủ", "/Pages/default.aspx"), ("Công khai ngân sách", "/Pages/cong-khai-ngan-sach.aspx")],
                          main, menu, footer="<p>SỞ TÀI CHÍNH TỈNH BẮC NINH - Điện thoại: 0204.3854.315</p>")

    @page("sp-bqlkcn-yen-phong-2b")
    def _():
        main = """<div class="project-detail">
<h1>Dự án đầu tư xây dựng và kinh doanh kết cấu hạ tầng Khu công nghiệp Yên Phong II-B</h1>
<table class="project-info" border="1" cellpadding="4">
<tr><td>Nhà đầu tư</td><td>Công ty cổ phần Phát triển hạ tầng Kinh Bắc</td></tr>
<tr><td>Quyết định chủ trương đầu tư</td><td>Quyết định số 456/QĐ-TTg ngày 12/6/2024 của Thủ tướng Chính phủ</td></tr>
<tr><td>Diện tích</td><td>275,6 ha</td></tr>
<tr><td>Tổng vốn đầu tư</td><td>3.580 tỷ đồng</td></tr>
<tr><td>Thời gian thực hiện</td><td>Quý III/2024 - Quý IV/2027</td></tr>
<tr><td>Tình trạng</td><td>Đang triển khai giải phóng mặt bằng</td></tr>
</table>
<p>Dự án thuộc quy hoạch phát triển các khu công nghiệp tỉnh Bắc Ninh đến năm 2030, tầm nhìn đến năm 2050.</p>
</div>"""
        menu = [("Giới thiệu", "/Pages/gioi-thieu.aspx"), ("Tin tức", "/Pages/tin-tuc.aspx"), ("Dự án đầu tư", "/Pages/du-an-dau-tu.aspx"),
                ("Thủ tục hành chính", "/Pages/thu-tuc-hanh-chinh.aspx"), ("Liên hệ", "/Pages/lien-he.aspx")]
        return sharepoint("Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh", "bqlkcn.bacninh.gov.vn",
                          "Dự án đầu tư xây dựng và kinh doanh kết cấu hạ tầng Khu công nghiệp Yên Phong II-B",
                          [("Trang chủ", "/Pages/default.aspx"), ("Dự án đầu tư", "/Pages/du-an-dau-tu.aspx"), ("Chi tiết dự án", None)],
                          main, menu, header_date="Thứ Bảy, 22/11/2025", footer="<p>Địa chỉ: Số 10 đường Lý Thái Tổ, phường Kinh Bắc, tỉnh Bắc Ninh</p>")

    # ------------------------------------------------------------------ NukeViet -----------------------------
    nv_menu = [("Giới thiệu", "/vi/about/"), ("Tin tức", "/vi/news/"), ("Văn bản", "/vi/laws/"), ("Thống kê", "/vi/news/thong-ke/"),
               ("Hỏi đáp", "/vi/faq/"), ("Liên hệ", "/vi/contact/")]
    g["NV_MENU"] = nv_menu

    def nv_detail(title, hometext, body, date_line, other, extra=""):
        oth = "\n".join(f'<li><a href="{u}">{t}</a> <em>({d})</em></li>' for t, u, d in other)
        return f"""<div class="news_column panel panel-default" itemtype="http://schema.org/NewsArticle" itemscope>
<div class="panel-body">
<h1 class="title margin-bottom-lg" itemprop="headline">{title}</h1>
<div class="row margin-bottom-lg"><div class="col-md-12"><span class="h5">{date_line}</span></div>
<div class="col-md-12"><ul class="list-inline text-right"><li><a class="dimgray" rel="nofollow" title="Gửi bài viết qua email" href="#"><em class="fa fa-envelope fa-lg">&nbsp;</em></a></li>
<li><a class="dimgray" rel="nofollow" title="In ra" href="/vi/news/print/"><em class="fa fa-print fa-lg">&nbsp;</em></a></li></ul></div></div>
<div class="clearfix"><div class="hometext m-bottom" itemprop="description">{hometext}</div></div>
<div id="news-bodyhtml" class="bodytext margin-bottom-lg">{body}</div>
<div class="margin-bottom-lg"><span class="hit">Lượt xem: 312</span></div>
{extra}
</div></div>
<div class="news_column panel panel-default"><div class="panel-body other-news">
<p class="h3"><strong>Những tin cũ hơn</strong></p>
<ul class="related list-none">{oth}</ul></div></div>"""

    @page("nv-xuancam-chuyen-doi-so")
    def _():
        og = ('<meta property="og:type" content="article" />\n<meta property="article:published_time" content="2025-11-03ICT09:12:00" />\n'
              '<meta property="article:modified_time" content="2025-11-03ICT09:12:00" />\n<meta property="article:section" content="Tin tức" />')
        main = nv_detail(
            "Xã Xuân Cẩm tập huấn chuyển đổi số cho cán bộ thôn",
            "Ngày 02/11, UBND xã Xuân Cẩm tổ chức lớp tập huấn chuyển đổi số cho trưởng thôn và thành viên tổ công nghệ số cộng đồng.",
            "<p>Tham gia lớp tập huấn có 86 học viên đến từ 14 thôn. Học viên được hướng dẫn sử dụng chữ ký số, ứng dụng "
            "iBacNinh, nộp hồ sơ trực tuyến.</p><p>Kết thúc lớp học, 100% học viên thực hành thành thạo các thao tác cơ bản.</p>",
            "Thứ hai - 03/11/2025 09:12",
            [("Xã Xuân Cẩm tổng kết công tác tuyển quân năm 2025", "/vi/news/tin-tuc/tong-ket-tuyen-quan-2025-215.html", "28/10/2025"),
             ("Ra quân làm đường giao thông nông thôn", "/vi/news/tin-tuc/lam-duong-giao-thong-210.html", "15/10/2025")])
        return nukeviet("UBND xã Xuân Cẩm", "xuancam.bacninh.gov.vn", "Xã Xuân Cẩm tập huấn chuyển đổi số cho cán bộ thôn",
                        [("Tin tức", "/vi/news/tin-tuc/")], main, nv_menu, og=og,
                        footer="<p>UBND xã Xuân Cẩm - Địa chỉ: Thôn Xuân Bào, xã Xuân Cẩm, tỉnh Bắc Ninh</p>")

    @page("nv-nenh-ho-ngheo")
    def _():
        comm = """<div id="idcomment" class="nv-fullbg"><div class="comment-wrap"><h4>Ý kiến bạn đọc</h4>
<div class="media"><div class="media-body"><h4 class="media-heading">Lê Minh Tuấn <span class="small">23/10/2025 08:03</span></h4>
<p>Đề nghị phường công khai danh sách hộ cận nghèo tại nhà văn hóa các khu phố.</p></div></div>
<div class="media"><div class="media-body"><h4 class="media-heading">Quản trị <span class="small">24/10/2025 10:30</span></h4>
<p>Danh sách đã được niêm yết tại nhà văn hóa các khu phố từ ngày 20/10/2025.</p></div></div></div></div>"""
        main = nv_detail(
            "Kết quả rà soát hộ nghèo, hộ cận nghèo năm 2025 phường Nếnh",
            "Theo kết quả rà soát, toàn phường còn 46 hộ nghèo (0,39%) và 132 hộ cận nghèo (1,12%).",
            """<table border="1" cellpadding="3"><tr><th>Chỉ tiêu</th><th>Năm 2024</th><th>Năm 2025</th></tr>
<tr><td>Số hộ nghèo</td><td>71</td><td>46</td></tr><tr><td>Số hộ cận nghèo</td><td>165</td><td>132</td></tr>
<tr><td>Tỷ lệ hộ nghèo</td><td>0,61%</td><td>0,39%</td></tr></table>
<p>Số liệu tính đến ngày 30/9/2025 theo chuẩn nghèo đa chiều giai đoạn 2022 - 2025 (Nghị định số 07/2021/NĐ-CP).</p>""",
            "Thứ tư - 22/10/2025 14:30",
            [("Số liệu dân số và lao động phường Nếnh quý III/2025", "/vi/news/thong-ke/dan-so-quy-iii-2025-88.html", "06/10/2025")],
            extra=comm)
        return nukeviet("Cổng thông tin điện tử phường Nếnh", "nenh.bacninh.gov.vn", "Kết quả rà soát hộ nghèo, hộ cận nghèo năm 2025 phường Nếnh",
                        [("Thống kê", "/vi/news/thong-ke/")], main, nv_menu,
                        footer="<p>UBND phường Nếnh - Điện thoại: 0204.3866.250</p>")

    @page("nv-hiephoa-dai-doan-ket")
    def _():
        ld = """<script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","headline":"Xã Hiệp Hòa tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025",
"datePublished":"2025-11-18T08:00:00+07:00","dateModified":"2025-11-20T15:02:00+07:00",
"author":{"@type":"Organization","name":"UBND xã Hiệp Hòa"},"publisher":{"@type":"Organization","name":"UBND xã Hiệp Hòa"}}
</script>"""
        main = nv_detail(
            "Xã Hiệp Hòa tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025",
            "Nhân kỷ niệm 95 năm Ngày thành lập Mặt trận Dân tộc Thống nhất Việt Nam (18/11/1930 - 18/11/2025), các thôn trên địa bàn xã đồng loạt tổ chức Ngày hội.",
            "<p>Ngày hội gồm phần lễ ôn lại truyền thống và phần hội với các trò chơi dân gian, văn nghệ. UBND xã tặng quà cho "
            "32 hộ gia đình có hoàn cảnh khó khăn.</p><p>(Bài viết được bổ sung ảnh ngày 20/11.)</p>",
            "Cập nhật: 20/11/2025 15:02",
            [("Xã Hiệp Hòa hội nghị giao ban tháng 10", "/vi/news/tin-tuc/giao-ban-thang-10-301.html", "03/11/2025")])
        return nukeviet("UBND xã Hiệp Hòa", "hiephoa.bacninh.gov.vn", "Xã Hiệp Hòa tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025",
                        [("Tin tức", "/vi/news/tin-tuc/")], main, nv_menu, og=ld,
                        footer="<p>UBND xã Hiệp Hòa - Thôn Thượng, xã Hiệp Hòa, tỉnh Bắc Ninh</p>")

    # ------------------------------------------------------------------ WordPress ----------------------------
    wp_menu = [("Trang chủ", "https://tamgiang.bacninh.gov.vn/"), ("Giới thiệu", "https://tamgiang.bacninh.gov.vn/gioi-thieu/"),
               ("Tin tức", "https://tamgiang.bacninh.gov.vn/category/tin-tuc/"), ("Văn bản", "https://tamgiang.bacninh.gov.vn/van-ban/"),
               ("Số liệu thống kê", "https://tamgiang.bacninh.gov.vn/so-lieu-thong-ke/"), ("Liên hệ", "https://tamgiang.bacninh.gov.vn/lien-he/")]
    g["WP_MENU"] = wp_menu
    wp_foot = "<p>UBND xã Tam Giang - Thôn Đông Xá, xã Tam Giang, tỉnh Bắc Ninh</p>"
    g["WP_FOOT"] = wp_foot
    recent = """<aside class="widget widget_recent_entries"><h2 class="widget-title">Bài viết mới</h2><ul>
<li><a href="https://tamgiang.bacninh.gov.vn/2025/11/19/ngay-hoi-dai-doan-ket-thon-dong-xa/">Ngày hội Đại đoàn kết thôn Đông Xá</a></li>
<li><a href="https://tamgiang.bacninh.gov.vn/2025/11/06/ra-quan-ve-sinh-moi-truong/">Ra quân vệ sinh môi trường</a></li>
</ul></aside>"""

    @page("wp-tamgiang-nam-hoc")
    def _():
        head = ('<meta property="og:type" content="article" />\n'
                '<meta property="article:published_time" content="2025-09-17T23:30:00+00:00" />\n'
                '<meta property="article:modified_time" content="2025-09-25T02:10:44+00:00" />')
        main = """<article id="post-1842" class="post-1842 post type-post status-publish format-standard hentry category-tin-tuc">
<div class="inside-article"><header class="entry-header">
<h1 class="entry-title" itemprop="headline">Xã Tam Giang tổ chức Hội nghị triển khai nhiệm vụ năm học 2025 - 2026</h1>
<div class="entry-meta"><span class="posted-on"><time class="updated" datetime="2025-09-25T09:10:44+07:00" itemprop="dateModified">25 Tháng 9, 2025</time><time class="entry-date published" datetime="2025-09-18T06:30:00+07:00" itemprop="datePublished">18 Tháng 9, 2025</time></span> <span class="byline">bởi <span class="author vcard"><a class="url fn n" href="https://tamgiang.bacninh.gov.vn/author/bientap/">Ban biên tập</a></span></span></div>
</header>
<div class="entry-content" itemprop="text">
<p>Chiều 17/9, UBND xã Tam Giang tổ chức Hội nghị triển khai nhiệm vụ năm học 2025 - 2026 đối với các trường mầm non,
tiểu học và THCS trên địa bàn.</p>
<p>Năm học 2024 - 2025, ngành giáo dục xã có 2 trường đạt chuẩn quốc gia mức độ 2; tỷ lệ học sinh tốt nghiệp THCS đạt 99,6%.</p>
</div>
<footer class="entry-meta"><span class="cat-links">Chuyên mục: <a href="https://tamgiang.bacninh.gov.vn/category/tin-tuc/" rel="category tag">Tin tức</a></span></footer>
</div></article>"""
        return wordpress("UBND xã Tam Giang", "tamgiang.bacninh.gov.vn", "Xã Tam Giang tổ chức Hội nghị triển khai nhiệm vụ năm học 2025 - 2026",
                         main, wp_menu, recent, footer=wp_foot, head_extra=head)

    @page("wp-tamgiang-thon-thong-minh")
    def _():
        main = """<article id="post-1911" class="post-1911 post type-post status-publish hentry category-tin-tuc">
<div class="inside-article"><header class="entry-header">
<h1 class="entry-title">Hội nghị sơ kết mô hình "Thôn thông minh" tại thôn Đông Xá</h1>
</header>
<div class="entry-content">
<p>Sau 6 tháng triển khai, mô hình đã lắp đặt 24 camera an ninh, phủ sóng wifi miễn phí tại nhà văn hóa và điểm sinh
hoạt cộng đồng; 85% hộ gia đình sử dụng thanh toán không dùng tiền mặt.</p>
<p>Mô hình được triển khai theo Kế hoạch số 21/KH-UBND ngày 14/3/2025 của UBND xã.</p>
</div></div></article>
<div id="comments"><h3 class="comments-title">2 bình luận</h3><ol class="comment-list">
<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">Nguyễn Văn Thái</b>
<div class="comment-metadata"><time datetime="2025-10-08T09:14:22+07:00">08/10/2025 lúc 09:14</time></div></footer>
<div class="comment-content"><p>Mô hình hay, cần nhân rộng ra các thôn khác.</p></div></article></li>
<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">Phạm Thu</b>
<div class="comment-metadata"><time datetime="2025-10-11T20:40:05+07:00">11/10/2025 lúc 20:40</time></div></footer>
<div class="comment-content"><p>Wifi ở nhà văn hóa dùng rất tốt.</p></div></article></li></ol></div>"""
        return wordpress("UBND xã Tam Giang", "tamgiang.bacninh.gov.vn", "Hội nghị sơ kết mô hình &#8220;Thôn thông minh&#8221; tại thôn Đông Xá",
                         main, wp_menu, recent, footer=wp_foot)

    @page("wp-tamgiang-an-toan-thuc-pham")
    def _():
        main = """<article id="post-1875" class="post-1875 post type-post status-publish hentry category-tin-tuc">
<div class="inside-article"><header class="entry-header">
<h1 class="entry-title">Xã Tam Giang phát động Tháng hành động vì an toàn thực phẩm</h1>
<div class="post-dates"><span class="ngay-dang">Ngày đăng: 02/10/2025</span> &middot; <span class="ngay-sua">Cập nhật lần cuối: 28/09/2025</span></div>
</header>
<div class="entry-content">
<p>Tháng hành động diễn ra từ ngày 01/10 đến ngày 31/10/2025. Đoàn kiểm tra liên ngành sẽ kiểm tra 35 cơ sở sản xuất, kinh
doanh thực phẩm, bếp ăn tập thể tại các trường học.</p>
</div></div></article>"""
        return wordpress("UBND xã Tam Giang", "tamgiang.bacninh.gov.vn", "Xã Tam Giang phát động Tháng hành động vì an toàn thực phẩm",
                         main, wp_menu, recent, footer=wp_foot)

    @page("wp-daovien-nha-dai-doan-ket")
    def _():
        side = """<aside class="widget"><h2 class="widget-title">Bài viết mới</h2><ul>
<li><a href="https://daovien.bacninh.gov.vn/tin-tuc/dai-hoi-chi-bo-khu-pho/">Đại hội chi bộ khu phố nhiệm kỳ 2025 - 2027</a> <span class="post-date">12/11/2025</span></li>
<li><a href="https://daovien.bacninh.gov.vn/tin-tuc/tiep-xuc-cu-tri/">Tiếp xúc cử tri</a> <span class="post-date">07/11/2025</span></li></ul></aside>
<aside class="widget widget_archive"><h2 class="widget-title">Lưu trữ</h2><ul><li><a href="https://daovien.bacninh.gov.vn/2025/11/">Tháng Mười Một 2025</a></li><li><a href="https://daovien.bacninh.gov.vn/2025/10/">Tháng Mười 2025</a></li></ul></aside>"""
        main = """<article id="post-77" class="post-77 post type-post status-publish hentry category-tin-tuc">
<div class="inside-article"><header class="entry-header">
<h1 class="entry-title">Phường Đào Viên trao nhà Đại đoàn kết cho hộ nghèo khu phố Phù Lưu</h1>
</header>
<div class="entry-content">
<p>Ngôi nhà có diện tích 60 m², tổng kinh phí 120 triệu đồng, trong đó Quỹ "Vì người nghèo" phường hỗ trợ 60 triệu đồng,
còn lại do gia đình, dòng họ và các nhà hảo tâm đóng góp.</p>
<p>Từ đầu năm 2025, phường đã hỗ trợ xây mới, sửa chữa 7 nhà Đại đoàn kết.</p>
</div></div></article>"""
        menu = [("Trang chủ", "https://daovien.bacninh.gov.vn/"), ("Tin tức", "https://daovien.bacninh.gov.vn/tin-tuc/"), ("Liên hệ", "https://daovien.bacninh.gov.vn/lien-he/")]
        return wordpress("Phường Đào Viên", "daovien.bacninh.gov.vn", "Phường Đào Viên trao nhà Đại đoàn kết cho hộ nghèo khu phố Phù Lưu",
                         main, menu, side, footer="<p>UBND phường Đào Viên</p>")

    # ------------------------------------------------------------------ plain --------------------------------
    def plain_shell(unit, title, body_html, header_date=None, menu=None):
        hd = f'<td align="right" class="ngay">{header_date}</td>' if header_date else "<td></td>"
        mn = " | ".join(f'<a href="{u}">{t}</a>' for t, u in (menu or [("Trang chủ", "index.html"), ("Giới thiệu", "gioithieu.html"),
                                                                        ("Tin tức", "tintuc.html"), ("Văn bản", "vanban.html"), ("Liên hệ", "lienhe.html")]))
        return plain(title, f"""<table width="980" align="center" cellpadding="0" cellspacing="0" border="0">
<tr><td><img src="images/banner.jpg" width="980" height="120" alt="{unit}"></td></tr>
<tr><td class="menu">{mn}</td></tr>
<tr><td><table width="100%"><tr><td class="marquee"><marquee>Chào mừng bạn đến với Trang thông tin điện tử {unit}</marquee></td>{hd}</tr></table></td></tr>
<tr><td valign="top" class="noidung">
{body_html}
</td></tr>
<tr><td class="footer" align="center">{unit}<br>Bản quyền © 2023 - 2025. Thiết kế bởi Phòng Văn hóa - Thông tin.</td></tr>
</table>""")
    g["PLAIN_SHELL"] = plain_shell

    @page("pl-caoduc-thien-tai")
    def _():
        body = """<p class="tieude"><b>XÃ CAO ĐỨC: HỘI NGHỊ TỔNG KẾT CÔNG TÁC PHÒNG, CHỐNG THIÊN TAI NĂM 2025</b></p>
<p>Hội nghị đánh giá năm 2025 trên địa bàn xã chịu ảnh hưởng của 3 cơn bão và 2 đợt mưa lớn, gây ngập úng 120 ha lúa.
Nhờ chủ động phương châm "4 tại chỗ", thiệt hại được giảm thiểu.</p>
<p>Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn xã khen thưởng 3 tập thể, 8 cá nhân.</p>
<p align="right"><i>Tin: Nguyễn Văn Khải - Ngày 14/10/2025</i></p>"""
        return plain_shell("UBND xã Cao Đức", "Hội nghị tổng kết công tác phòng, chống thiên tai năm 2025", body,
                           header_date="Thứ Bảy, ngày 22/11/2025")

    @page("pl-songlieu-quan-ho")
    def _():
        body = """<h2>Phường Song Liễu chuẩn bị tổ chức Hội thi "Tiếng hát Quan họ" năm 2025</h2>
<p>Hội thi dự kiến diễn ra vào ngày 29/11/2025 tại Nhà văn hóa phường, với sự tham gia của 12 đội đến từ các khu phố.</p>
<p>Các đội đăng ký dự thi trước ngày 25/11/2025 tại Bộ phận Văn hóa - Xã hội, UBND phường.</p>
<p>Thể lệ hội thi thực hiện theo Kế hoạch số 112/KH-UBND ngày 30/10/2025 của UBND phường Song Liễu.</p>"""
        return plain_shell("UBND phường Song Liễu", "Phường Song Liễu chuẩn bị tổ chức Hội thi Tiếng hát Quan họ năm 2025", body)

    @page("pl-trungkenh-dua-thuyen")
    def _():
        body = """<div class="baiviet"><h3>Xã Trung Kênh tổ chức Lễ hội đua thuyền truyền thống</h3>
<div class="capnhat">Cập nhật lúc 08:30 ngày 15/9/2025</div>
<p>Lễ hội thu hút 10 đội thuyền của các thôn ven sông Thái Bình tham gia, với hàng nghìn người dân và du khách đến cổ vũ.</p>
<p>Giải nhất thuộc về đội thuyền thôn Kênh Phố.</p></div>"""
        return plain_shell("UBND xã Trung Kênh", "Xã Trung Kênh tổ chức Lễ hội đua thuyền truyền thống", body,
                           header_date="22/11/2025")

    @page("pl-lamthao-xoa-mu-chu")
    def _():
        body = """<h1 style="font-size:18px;color:#0033cc">Lâm Thao tổ chức Lễ khai giảng lớp xóa mù chữ cho người lớn tuổi</h1>
<p><font color="#999999">Đăng ngày: 4/9/2025</font></p>
<p>Lớp học gồm 28 học viên trong độ tuổi từ 40 đến 60, học vào buổi tối thứ Ba và thứ Năm hằng tuần tại Nhà văn hóa
thôn Lâm Thao. Lớp học được mở theo Kế hoạch số 15/KH-UBND ngày 8/7/2025.</p>
<p>Dự kiến lớp học kết thúc vào tháng 12/2025.</p>"""
        return plain_shell("UBND xã Lâm Thao", "Lâm Thao tổ chức Lễ khai giảng lớp xóa mù chữ cho người lớn tuổi", body)
