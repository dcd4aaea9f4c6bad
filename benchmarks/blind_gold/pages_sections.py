"""Non-article pages (landing, listing, contact, directory, documents, Q&A, schedule). Content hand-written."""


def register(page, g):
    liferay, lf_portlet, lf_sidebar_news = g["liferay"], g["lf_portlet"], g["lf_sidebar_news"]
    sharepoint, nukeviet, wordpress = g["sharepoint"], g["nukeviet"], g["wordpress"]

    # ------------------------------------------------------------------ Liferay ------------------------------
    @page("lf-daovien-gioi-thieu")
    def _():
        inner = """<div class="journal-content-article">
<h2 class="title-page">Giới thiệu chung phường Đào Viên</h2>
<p><strong>1. Vị trí địa lý</strong></p>
<p>Phường Đào Viên được thành lập theo Nghị quyết số 1658/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội về việc
sắp xếp các đơn vị hành chính cấp xã của tỉnh Bắc Ninh năm 2025, trên cơ sở nhập toàn bộ diện tích tự nhiên và quy mô
dân số của các xã Phù Lương, Đào Viên và thị trấn Phố Mới cũ. Phường có diện tích tự nhiên 29,45 km², dân số 48.210 người.</p>
<p><strong>2. Cơ cấu tổ chức</strong></p>
<p>UBND phường gồm Chủ tịch, 02 Phó Chủ tịch; Văn phòng HĐND và UBND, Phòng Kinh tế, Hạ tầng và Đô thị, Phòng Văn hóa -
Xã hội, Trung tâm Phục vụ hành chính công phường.</p>
<p><strong>3. Chức năng, nhiệm vụ</strong></p>
<p>UBND phường thực hiện chức năng, nhiệm vụ, quyền hạn theo quy định của Luật Tổ chức chính quyền địa phương năm 2025.</p>
</div>"""
        return liferay("Phường Đào Viên", "daovien.bacninh.gov.vn", "phuong-dao-vien", "Giới thiệu chung",
                       [("Trang chủ", "/web/phuong-dao-vien/trang-chu"), ("Giới thiệu", None)],
                       lf_portlet("56", "aB3dE5fG7hJ9", inner), "",
                       footer={"Địa chỉ": "Khu phố Phố Mới, phường Đào Viên, tỉnh Bắc Ninh", "Điện thoại": "0222.3863.101"})

    @page("lf-phulang-lich-su-van-hoa")
    def _():
        items = [("Làng gốm Phù Lãng - 800 năm giữ lửa nghề", "/news/-/details/1251420/lang-gom-phu-lang-1202234"),
                 ("Đình Phù Lãng và hội làng mùa xuân", "/news/-/details/1251420/dinh-phu-lang-1201119"),
                 ("Quá trình hình thành và phát triển xã Phù Lãng", "/news/-/details/1251420/qua-trinh-hinh-thanh-1200007"),
                 ("Di tích lịch sử cách mạng Chùa Bựa", "/news/-/details/1251420/chua-bua-1199982")]
        lis = "\n".join(f'<div class="news-item"><h3><a href="{u}">{t}</a></h3></div>' for t, u in items)
        inner = f"""<div class="category-header"><h2>Lịch sử - Văn hóa</h2></div>
<div class="category-intro"><p>Xã Phù Lãng nằm bên bờ sông Cầu, nổi tiếng với làng nghề gốm truyền thống có lịch sử hơn 800 năm, được
công nhận là Di sản văn hóa phi vật thể quốc gia năm 2024.</p></div>
<div class="list-news">
{lis}
</div>"""
        return liferay("Xã Phù Lãng", "phulang.bacninh.gov.vn", "xa-phu-lang", "Lịch sử - Văn hóa",
                       [("Trang chủ", "/web/xa-phu-lang/trang-chu"), ("Lịch sử - Văn hóa", None)],
                       lf_portlet("newsbycategory", "Hs8Jk1Lm3Np5", inner), "",
                       footer={"Địa chỉ": "Thôn Phù Lãng, xã Phù Lãng, tỉnh Bắc Ninh"})

    @page("lf-tamson-danh-sach-tin")
    def _():
        items = [("Phường Tam Sơn tổ chức Ngày hội Đại đoàn kết toàn dân tộc khu phố Tam Sơn", "1390118", "19/11/2025 9:05"),
                 ("Hội nghị giao ban công tác quý IV/2025", "1389402", "14/11/2025 4:40"),
                 ("Kiểm tra công tác phòng cháy, chữa cháy tại các cơ sở sản xuất", "1388215", "10/11/2025 3:15"),
                 ("Phường Tam Sơn ra quân giải tỏa hành lang an toàn giao thông", "1387007", "05/11/2025 10:20"),
                 ("Trao quà cho hộ gia đình chính sách nhân dịp 20/10", "1383320", "20/10/2025 8:00")]
        rows = "\n".join(f'<li class="news-item"><a class="title" href="/web/phuong-tam-son/news/-/details/1250993/tin-{i}">{t}</a>'
                         f'<span class="createdDate">{d}</span></li>' for t, i, d in items)
        inner = f"""<div class="newsbycategory"><h2 class="category-title">Tin tức - Sự kiện</h2>
<ul class="list-news" id="listNews_Wq7Er9Ty1Ui3">
{rows}
</ul>
<div class="paging"><a href="javascript:loadPage(1)" class="current">1</a> <a href="javascript:loadPage(2)">2</a> <a href="javascript:loadPage(3)">3</a> … <a href="javascript:loadPage(42)">42</a></div>
<script type="text/javascript">
var loadPageURL = "https://tamson.bacninh.gov.vn/web/phuong-tam-son/tin-tuc-su-kien?p_p_id=newsbycategory_WAR_bacninhportlet_INSTANCE_Wq7Er9Ty1Ui3&p_p_lifecycle=2&p_p_state=normal&p_p_mode=view&p_p_resource_id=loadPage&p_p_cacheability=cacheLevelPage";
function loadPage(n){{ AUI().use('aui-io-request', function(A){{ A.io.request(loadPageURL, {{data:{{pageNum:n, recordPerPage:5, keyword:''}}, dataType:'json'}}); }}); }}
</script></div>"""
        return liferay("Phường Tam Sơn", "tamson.bacninh.gov.vn", "phuong-tam-son", "Tin tức - Sự kiện",
                       [("Trang chủ", "/web/phuong-tam-son/trang-chu"), ("Tin tức - Sự kiện", None)],
                       lf_portlet("newsbycategory", "Wq7Er9Ty1Ui3", inner), "",
                       footer={"Địa chỉ": "Khu phố Tam Sơn, phường Tam Sơn, tỉnh Bắc Ninh"})

    @page("lf-yentrung-van-ban")
    def _():
        docs = [("245/QĐ-UBND", "Quyết định ban hành Quy chế làm việc của UBND xã Yên Trung nhiệm kỳ 2021 - 2026", "31/10/2025", True),
                ("118/KH-UBND", "Kế hoạch tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025", "24/10/2025", True),
                ("236/QĐ-UBND", "Quyết định phê duyệt danh sách hộ nghèo, hộ cận nghèo năm 2025", "20/10/2025", False),
                ("112/TB-UBND", "Thông báo lịch tiếp công dân của Chủ tịch UBND xã tháng 11 năm 2025", "15/10/2025", True),
                ("07/2025/NQ-HĐND", "Nghị quyết về dự toán thu, chi ngân sách xã năm 2026", "10/10/2025", True),
                ("98/BC-UBND", "Báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 9 tháng đầu năm 2025", "30/09/2025", False),
                ("221/QĐ-UBND", "Quyết định thành lập Tổ công nghệ số cộng đồng các thôn", "18/09/2025", True),
                ("85/KH-UBND", "Kế hoạch chuyển đổi số xã Yên Trung năm 2025", "02/08/2025", True)]
        rows = []
        for i, (so, ty, ng, f) in enumerate(docs, 1):
            dl = (f'<a href="/documents/1251512/0/{so.replace("/", "-")}.pdf" title="Tải về"><img src="/bacninh-theme/images/icon-pdf.png" alt="Tải về"/></a>'
                  if f else "")
            rows.append(f'<tr class="dataRow"><td>{i}</td><td>{so}</td><td>{ty}</td><td>{ng}</td><td class="download">{dl}</td></tr>')
        rows = "\n".join(rows)
        inner = f"""<div class="document-search"><form id="vanbanSearch"><input type="text" id="documentKeyWord" name="keyword" placeholder="Nhập số ký hiệu hoặc trích yếu"/>
<select name="documentForm"><option value="">-- Loại văn bản --</option><option>Quyết định</option><option>Kế hoạch</option><option>Thông báo</option></select>
<button type="button" onclick="searchDocument()">Tìm kiếm</button></form></div>
<table class="table table-bordered document-table" id="documentTable">
<thead><tr><th>STT</th><th>Số/Ký hiệu</th><th>Trích yếu</th><th>Ngày ban hành</th><th>Tải về</th></tr></thead>
<tbody>
{rows}
</tbody></table>
<input type="hidden" id="documentTable_loadPageURL" value="https://yentrung.bacninh.gov.vn/web/xa-yen-trung/van-ban?p_p_id=documents_WAR_bacninhportlet&amp;p_p_lifecycle=2&amp;p_p_resource_id=loadPage"/>
<input type="hidden" id="documentTable_itemsPerPageInput" value="25"/>"""
        return liferay("Xã Yên Trung", "yentrung.bacninh.gov.vn", "xa-yen-trung", "Văn bản",
                       [("Trang chủ", "/web/xa-yen-trung/trang-chu"), ("Văn bản", None)],
                       lf_portlet("documents", "Zx2Cv4Bn6Mq8", inner, "Văn bản"), "",
                       footer={"Địa chỉ": "Thôn Trung Bạn, xã Yên Trung, tỉnh Bắc Ninh"})

    @page("lf-tulan-lich-lam-viec")
    def _():
        inner = """<div class="lich-cong-tac">
<h2 class="week-title">LỊCH LÀM VIỆC CỦA LÃNH ĐẠO UBND PHƯỜNG TỰ LẠN<br/>Tuần 47 (Từ ngày 17/11/2025 đến ngày 21/11/2025)</h2>
<table class="table table-bordered lich-cong-tac">
<thead><tr><th>Lãnh đạo</th><th>Thứ Hai<br/>17/11</th><th>Thứ Ba<br/>18/11</th><th>Thứ Tư<br/>19/11</th><th>Thứ Năm<br/>20/11</th><th>Thứ Sáu<br/>21/11</th></tr></thead>
<tbody>
<tr><td><b>Đ/c Thân Văn Dũng</b><br/>Chủ tịch UBND phường</td><td>Sáng: Chào cờ đầu tuần; giao ban UBND phường</td><td>Sáng: Dự Ngày hội Đại đoàn kết khu phố Tự Lạn</td><td>Làm việc tại trụ sở</td><td>Sáng: Dự Lễ kỷ niệm Ngày Nhà giáo Việt Nam 20/11 tại Trường THCS Tự Lạn</td><td>Sáng: Tiếp công dân định kỳ</td></tr>
<tr><td><b>Đ/c Nguyễn Thị Hương</b><br/>Phó Chủ tịch UBND phường</td><td>Sáng: Giao ban UBND phường</td><td>Làm việc tại trụ sở</td><td>Chiều: Kiểm tra công tác vệ sinh an toàn thực phẩm</td><td>Sáng: Dự Lễ kỷ niệm 20/11 tại Trường Tiểu học Tự Lạn</td><td>Làm việc tại trụ sở</td></tr>
<tr><td><b>Đ/c Hoàng Văn Lực</b><br/>Phó Chủ tịch UBND phường</td><td>Sáng: Giao ban UBND phường</td><td>Cả ngày: Kiểm tra tiến độ GPMB dự án đường vành đai</td><td>Làm việc tại trụ sở</td><td>Làm việc tại trụ sở</td><td>Chiều: Họp Ban Chỉ đạo chuyển đổi số</td></tr>
</tbody></table>
<p class="note"><i>Lịch có thể thay đổi, đề nghị theo dõi thông báo của Văn phòng HĐND và UBND phường.</i></p>
<p>Lịch làm việc các tuần trước: <a href="/web/phuong-tu-lan/lich-lam-viec?tuan=46">Tuần 46 (10/11 - 14/11/2025)</a></p>
</div>"""
        return liferay("Phường Tự Lạn", "tulan.bacninh.gov.vn", "phuong-tu-lan", "Lịch làm việc",
                       [("Trang chủ", "/web/phuong-tu-lan/trang-chu"), ("Lịch làm việc", None)],
                       lf_portlet("lichcongtac", "Lk9Jh7Gf5Ds3", inner), "",
                       footer={"Địa chỉ": "Khu phố 3, phường Tự Lạn, tỉnh Bắc Ninh"})

    @page("lf-ninhxa-phan-anh-kien-nghi")
    def _():
        qs = [("Hỏi về thủ tục cấp lại Giấy chứng nhận quyền sử dụng đất bị mất", "Nguyễn Văn Bình", "2025/11/10", "UBND phường Ninh Xá", True),
              ("Đề nghị sửa chữa đèn chiếu sáng đường Ngô Gia Tự", "Trần Thị Mai", "2025/11/05", "UBND phường Ninh Xá", True),
              ("Phản ánh tình trạng đổ rác thải không đúng nơi quy định tại khu phố Niềm Xá", "Lê Văn Hải", "2025/10/28", "UBND phường Ninh Xá", True),
              ("Hỏi về chế độ trợ cấp xã hội hằng tháng đối với người cao tuổi", "Phạm Thị Lan", "2025/10/20", "Phòng Văn hóa - Xã hội", True),
              ("Hỏi thủ tục đăng ký khai sinh cho con khi cha mẹ chưa đăng ký kết hôn", "Đỗ Minh Quân", "2025/10/14", "UBND phường Ninh Xá", True),
              ("Phản ánh tiếng ồn từ cơ sở kinh doanh karaoke về đêm", "Ngô Thị Thủy", "2025/11/18", "", False),
              ("Kiến nghị lắp đặt biển báo giảm tốc độ trước cổng trường tiểu học", "Vũ Đình Trọng", "2025/11/20", "", False)]
        rows = []
        for i, (t, n, d, org, ans) in enumerate(qs, 1):
            st = "Đã trả lời" if ans else "Đang xử lý"
            rows.append(f'<tr class="dataRow"><td>{i}</td><td><a href="javascript:void(0)" class="question-title">{t}</a></td><td>{n}</td><td>{d}</td><td>{org}</td><td>{st}</td></tr>')
        rows = "\n".join(rows)
        inner = f"""<div class="answered-questions">
<div class="question-filter"><input type="text" id="answeredQuestionKeyWord" placeholder="Nhập từ khóa"/>
<select id="questionType"><option value="0">Tất cả lĩnh vực</option><option value="1">Đất đai</option><option value="2">Hộ tịch</option><option value="3">Chính sách xã hội</option></select>
<button type="button">Tìm kiếm</button> <a class="btn btn-primary" href="/web/phuong-ninh-xa/gui-cau-hoi">Gửi câu hỏi</a></div>
<table class="table table-bordered" id="answeredQuestionTable">
<thead><tr><th>STT</th><th>Câu hỏi</th><th>Người hỏi</th><th>Ngày hỏi</th><th>Cơ quan trả lời</th><th>Trạng thái</th></tr></thead>
<tbody>
{rows}
</tbody></table>
<input type="hidden" id="answeredQuestionTable_loadPageURL" value="https://ninhxa.bacninh.gov.vn/web/phuong-ninh-xa/phan-anh-kien-nghi?p_p_id=answered_questions_WAR_bacninhportlet&amp;p_p_lifecycle=2&amp;p_p_resource_id=loadPage"/>
</div>"""
        return liferay("Phường Ninh Xá", "ninhxa.bacninh.gov.vn", "phuong-ninh-xa", "Phản ánh kiến nghị",
                       [("Trang chủ", "/web/phuong-ninh-xa/trang-chu"), ("Phản ánh kiến nghị", None)],
                       lf_portlet("answered_questions", "Qa1Ws2Ed3Rf4", inner, "Hỏi đáp - Phản ánh kiến nghị"), "",
                       footer={"Địa chỉ": "Số 2 đường Ngô Gia Tự, phường Ninh Xá, tỉnh Bắc Ninh"})

    @page("lf-tanchi-tiep-can-thong-tin")
    def _():
        inner = """<div class="journal-content-article">
<h2>Tiếp cận thông tin</h2>
<p><strong>1. Danh mục thông tin phải được công khai</strong>: <a href="/documents/1251630/0/danh-muc-thong-tin-cong-khai-2025.pdf">Danh mục thông tin công khai của UBND xã Tân Chi năm 2025 (tệp PDF)</a></p>
<p><strong>2. Đầu mối cung cấp thông tin</strong>: Bà Nguyễn Thị Thanh Nga, công chức Văn phòng - Thống kê, UBND xã Tân Chi.
Điện thoại: 0222.3717.082; thư điện tử: ngantt.tanchi@bacninh.gov.vn.</p>
<p><strong>3. Địa chỉ tiếp nhận yêu cầu cung cấp thông tin qua mạng điện tử</strong>: ubndtanchi@bacninh.gov.vn</p>
<p><strong>4. Tiếp nhận phản ánh, kiến nghị, khiếu nại, tố cáo về tiếp cận thông tin</strong>: Bộ phận Một cửa, UBND xã Tân Chi,
thôn Tân Chi, xã Tân Chi, tỉnh Bắc Ninh.</p>
<p>Căn cứ Luật Tiếp cận thông tin năm 2016 và Nghị định số 13/2018/NĐ-CP ngày 23/01/2018 của Chính phủ.</p>
</div>"""
        return liferay("Xã Tân Chi", "tanchi.bacninh.gov.vn", "xa-tan-chi", "Tiếp cận thông tin",
                       [("Trang chủ", "/web/xa-tan-chi/trang-chu"), ("Tiếp cận thông tin", None)],
                       lf_portlet("56", "Tc5Yh6Uj7Ik8", inner), "",
                       footer={"Địa chỉ": "Thôn Tân Chi, xã Tân Chi, tỉnh Bắc Ninh"})

    @page("lf-bonglai-danh-ba")
    def _():
        ppl = [("Nguyễn Văn Tuấn", "Chủ tịch UBND phường", "UBND phường Bồng Lai", "0912.345.678", "tuannv.bonglai@bacninh.gov.vn"),
               ("Trần Thị Thu Hằng", "Phó Chủ tịch UBND phường", "UBND phường Bồng Lai", "0983.221.406", "hangttt.bonglai@bacninh.gov.vn"),
               ("Lê Quang Minh", "Phó Chủ tịch UBND phường", "UBND phường Bồng Lai", "", "minhlq.bonglai@bacninh.gov.vn"),
               ("Phạm Đức Thắng", "Chánh Văn phòng", "Văn phòng HĐND và UBND", "0222.3865.010", "thangpd.bonglai@bacninh.gov.vn"),
               ("Đỗ Thị Ngọc Anh", "Trưởng phòng", "Phòng Văn hóa - Xã hội", "0904.556.127", ""),
               ("Vũ Văn Cường", "Trưởng phòng", "Phòng Kinh tế, Hạ tầng và Đô thị", "0976.118.903", "cuongvv.bonglai@bacninh.gov.vn")]
        rows = "\n".join(f"<tr><td>{i}</td><td>{n}</td><td>{p}</td><td>{u}</td><td>{ph}</td><td>{e}</td></tr>"
                         for i, (n, p, u, ph, e) in enumerate(ppl, 1))
        inner = f"""<h2 class="title-page">Danh bạ điện thoại</h2>
<table class="table table-bordered danh-ba">
<thead><tr><th>STT</th><th>Họ và tên</th><th>Chức vụ</th><th>Đơn vị</th><th>Điện thoại</th><th>Email</th></tr></thead>
<tbody>
{rows}
</tbody></table>"""
        return liferay("Phường Bồng Lai", "bonglai.bacninh.gov.vn", "phuong-bong-lai", "Danh bạ",
                       [("Trang chủ", "/web/phuong-bong-lai/trang-chu"), ("Danh bạ", None)],
                       lf_portlet("danhba", "Db1Nm2Vc3Xz4", inner), "",
                       footer={"Địa chỉ": "Khu phố Bồng Lai, phường Bồng Lai, tỉnh Bắc Ninh"})

    @page("lf-dailai-lien-he")
    def _():
        inner = """<div class="contact-info">
<h2>Thông tin liên hệ</h2>
<p><strong>ỦY BAN NHÂN DÂN XÃ ĐẠI LAI</strong></p>
<p>Địa chỉ: Thôn Đại Lai, xã Đại Lai, tỉnh Bắc Ninh</p>
<p>Điện thoại: 0222.3868.205</p>
<p>Fax: 0222.3868.206</p>
<p>Email: ubnddailai@bacninh.gov.vn</p>
</div>
<div class="contact-form"><h3>Gửi liên hệ</h3>
<form><input name="hoTen" placeholder="Họ và tên"/><input name="email" placeholder="Email"/><textarea name="noiDung" placeholder="Nội dung"></textarea><button>Gửi</button></form></div>"""
        return liferay("Xã Đại Lai", "dailai.bacninh.gov.vn", "xa-dai-lai", "Liên hệ",
                       [("Trang chủ", "/web/xa-dai-lai/trang-chu"), ("Liên hệ", None)],
                       lf_portlet("56", "Lh4Gf5Ds6Aq7", inner), "",
                       footer={"Địa chỉ": "Thôn Đại Lai, xã Đại Lai, tỉnh Bắc Ninh", "Điện thoại": "0222.3868.205"})

    @page("lf-quevo-lay-y-kien")
    def _():
        items = [("Dự thảo Quy chế quản lý kiến trúc đô thị phường Quế Võ", "05/11/2025 - 05/12/2025"),
                 ("Dự thảo Kế hoạch phát triển kinh tế - xã hội năm 2026", "27/10/2025 - 26/11/2025"),
                 ("Dự thảo Đề án sắp xếp khu phố trên địa bàn phường", "01/9/2025 - 30/9/2025")]
        rows = "\n".join(f'<tr><td>{i}</td><td>{t}</td><td>{d}</td><td><a href="/web/phuong-que-vo/lay-y-kien-du-thao/-/draft/{i}">Xem chi tiết và góp ý</a></td></tr>'
                         for i, (t, d) in enumerate(items, 1))
        inner = f"""<table class="table table-bordered">
<thead><tr><th>STT</th><th>Tên dự thảo</th><th>Thời gian lấy ý kiến</th><th>Chi tiết</th></tr></thead>
<tbody>
{rows}
</tbody></table>
<p>Ý kiến góp ý gửi về: Văn phòng HĐND và UBND phường Quế Võ, email: ubndquevo@bacninh.gov.vn</p>"""
        return liferay("Phường Quế Võ", "quevo.bacninh.gov.vn", "phuong-que-vo", "Lấy ý kiến dự thảo",
                       [("Trang chủ", "/web/phuong-que-vo/trang-chu"), ("Lấy ý kiến dự thảo", None)],
                       lf_portlet("draftdocuments", "Dt8Rf9Tg0Yh1", inner, "Lấy ý kiến dự thảo văn bản"), "",
                       footer={"Địa chỉ": "Khu phố Phố Mới, phường Quế Võ, tỉnh Bắc Ninh"})

    @page("lf-nhanthang-phat-thanh")
    def _():
        items = [("Bản tin truyền thanh ngày 19/11/2025", "20/11/2025"), ("Bản tin truyền thanh ngày 12/11/2025", "13/11/2025"),
                 ("Bản tin truyền thanh ngày 05/11/2025", "06/11/2025"), ("Chuyên đề: Phòng, chống lừa đảo qua mạng", "31/10/2025")]
        lis = "\n".join(f'<li><a href="/news/-/details/1251705/ban-tin-{i}">{t}</a> <span class="date">{d}</span>'
                        f'<audio controls preload="none" src="/documents/1251705/0/bt-{i}.mp3"></audio></li>' for i, (t, d) in enumerate(items, 1))
        inner = f"""<h2 class="category-title">Trang truyền thanh</h2><ul class="list-audio">
{lis}
</ul>"""
        return liferay("Xã Nhân Thắng", "nhanthang.bacninh.gov.vn", "xa-nhan-thang", "Trang truyền thanh",
                       [("Trang chủ", "/web/xa-nhan-thang/trang-chu"), ("Trang truyền thanh", None)],
                       lf_portlet("newsbycategory", "Pt2Th3Ah4Nh5", inner), "",
                       footer={"Địa chỉ": "Thôn Nhân Thắng, xã Nhân Thắng, tỉnh Bắc Ninh"})

    @page("lf-gb-chi-dao-dieu-hanh")
    def _():
        docs = [("1520/UBND-VP", "Về việc tăng cường công tác phòng cháy, chữa cháy mùa hanh khô", "Phòng cháy, chữa cháy", "17/11/2025", True),
                ("1498/UBND-KT", "Về việc đẩy nhanh tiến độ thu ngân sách những tháng cuối năm 2025", "Tài chính", "12/11/2025", True),
                ("1466/UBND-VHXH", "Về việc tổ chức các hoạt động kỷ niệm Ngày Nhà giáo Việt Nam 20/11", "Giáo dục", "06/11/2025", True),
                ("1431/UBND-KT", "Về việc chủ động ứng phó mưa lớn, ngập úng", "Nông nghiệp", "28/10/2025", False)]
        rows = "\n".join(f'<tr class="dataRow"><td>{so}</td><td>{ty}</td><td>{lv}</td><td>{ng}</td><td>' +
                         (f'<a href="/documents/1251800/0/{so.replace("/", "-")}.pdf">Tải về</a>' if f else "") + "</td></tr>"
                         for so, ty, lv, ng, f in docs)
        inner = f"""<table class="table table-striped">
<thead><tr><th>Số/Ký hiệu</th><th>Trích yếu</th><th>Lĩnh vực</th><th>Ngày</th><th>Tải về</th></tr></thead>
<tbody>
{rows}
</tbody></table>"""
        return liferay("Xã Gia Bình", "giabinh.bacninh.gov.vn", "xa-gia-binh", "Chỉ đạo điều hành",
                       [("Trang chủ", "/web/xa-gia-binh/trang-chu"), ("Chỉ đạo điều hành", None)],
                       lf_portlet("documents", "Cd6Dh7Vb8Nm9", inner, "Văn bản chỉ đạo điều hành"), "",
                       footer={"Địa chỉ": "Thôn Ngọc Tuấn, xã Gia Bình, tỉnh Bắc Ninh"})

    # ------------------------------------------------------------------ SharePoint ---------------------------
    stp_menu, stp_footer = g["STP_MENU"], g["STP_FOOTER"]

    @page("sp-stp-thu-tuc-hanh-chinh")
    def _():
        tt = [("Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam", "Lý lịch tư pháp", "Toàn trình"),
              ("Đăng ký hành nghề và cấp Thẻ công chứng viên", "Công chứng", "Một phần"),
              ("Thành lập Văn phòng công chứng", "Công chứng", "Một phần"),
              ("Cấp chứng chỉ hành nghề quản tài viên", "Quản tài viên", "Toàn trình"),
              ("Đăng ký hoạt động của Trung tâm tư vấn pháp luật", "Tư vấn pháp luật", "Một phần")]
        rows = "\n".join(f"<tr><td>{i}</td><td><a href=\"/Pages/thu-tuc-hanh-chinh.aspx?ItemID={300 + i}\">{a}</a></td><td>Sở Tư pháp</td><td>{b}</td><td>{c}</td></tr>"
                         for i, (a, b, c) in enumerate(tt, 1))
        main = f"""<h1 class="page-title">Thủ tục hành chính</h1>
<div class="filter">Lĩnh vực: <select><option>Tất cả</option><option>Lý lịch tư pháp</option><option>Công chứng</option></select></div>
<table class="ms-listviewtable" border="1">
<tr><th>STT</th><th>Tên thủ tục</th><th>Cơ quan thực hiện</th><th>Lĩnh vực</th><th>Mức độ</th></tr>
{rows}
</table>
<p>Nộp hồ sơ trực tuyến tại <a href="https://dichvucong.bacninh.gov.vn">Cổng Dịch vụ công tỉnh Bắc Ninh</a>.</p>"""
        return sharepoint("Sở Tư pháp tỉnh Bắc Ninh", "stp.bacninh.gov.vn", "Thủ tục hành chính",
                          [("Trang chủ", "/Pages/default.aspx"), ("Thủ tục hành chính", None)], main, stp_menu, footer=stp_footer)

    @page("sp-stp-lanh-dao-so")
    def _():
        ppl = [("Nguyễn Thị Thu Trang", "Giám đốc Sở", "0204.3855.001", "trangntt@bacninh.gov.vn",
                "Phụ trách chung; trực tiếp chỉ đạo công tác tổ chức cán bộ, tài chính, thi đua - khen thưởng."),
               ("Hoàng Văn Kiên", "Phó Giám đốc Sở", "0204.3855.002", "kienhv@bacninh.gov.vn",
                "Phụ trách lĩnh vực xây dựng và kiểm tra văn bản quy phạm pháp luật, phổ biến giáo dục pháp luật."),
               ("Đào Mạnh Hùng", "Phó Giám đốc Sở", "0204.3855.003", "hungdm@bacninh.gov.vn",
                "Phụ trách lĩnh vực bổ trợ tư pháp, hành chính tư pháp, lý lịch tư pháp.")]
        cards = "\n".join(f"""<div class="leader-card"><img src="/PublishingImages/lanhdao{i}.jpg" alt="{n}"/>
<h3 class="leader-name">{n}</h3><p class="leader-position">{p}</p>
<p>Điện thoại: {ph}</p><p>Email: {e}</p><p class="leader-task">Nhiệm vụ: {t}</p></div>""" for i, (n, p, ph, e, t) in enumerate(ppl, 1))
        main = f'<h1 class="page-title">Lãnh đạo Sở</h1>\n<div class="leaders">\n{cards}\n</div>'
        return sharepoint("Sở Tư pháp tỉnh Bắc Ninh", "stp.bacninh.gov.vn", "Lãnh đạo Sở",
                          [("Trang chủ", "/Pages/default.aspx"), ("Giới thiệu", "/Pages/gioi-thieu.aspx"), ("Lãnh đạo Sở", None)], main, stp_menu, footer=stp_footer)

    @page("sp-stc-cong-khai-ngan-sach")
    def _():
        docs = [("2950/QĐ-STC", "Quyết định công khai quyết toán ngân sách năm 2024 của Sở Tài chính", "30/09/2025"),
                ("1810/QĐ-STC", "Quyết định công khai tình hình thực hiện dự toán ngân sách 6 tháng đầu năm 2025", "15/07/2025"),
                ("915/QĐ-STC", "Quyết định công khai tình hình thực hiện dự toán ngân sách quý I năm 2025", "14/04/2025"),
                ("120/QĐ-STC", "Quyết định công khai dự toán ngân sách năm 2025 của Sở Tài chính", "10/01/2025"),
                ("2760/QĐ-STC", "Quyết định công khai quyết toán ngân sách năm 2023", "27/09/2024")]
        rows = "\n".join(f'<tr><td>{i}</td><td>{so}</td><td>{ty}</td><td>{ng}</td><td><a href="/Documents/{so.replace("/", "-")}.pdf">Tải về</a></td></tr>'
                         for i, (so, ty, ng) in enumerate(docs, 1))
        main = f"""<h1 class="page-title">Công khai ngân sách</h1>
<table class="ms-listviewtable" border="1">
<tr><th>STT</th><th>Số/Ký hiệu</th><th>Trích yếu</th><th>Ngày ban hành</th><th>Tệp đính kèm</th></tr>
{rows}
</table>"""
        menu = [("Giới thiệu", "/Pages/gioi-thieu.aspx"), ("Tin tức", "/Pages/tin-tuc.aspx"), ("Công khai ngân sách", "/Pages/cong-khai-ngan-sach.aspx"),
                ("Văn bản", "/Pages/van-ban.aspx"), ("Liên hệ", "/Pages/lien-he.aspx")]
        return sharepoint("Sở Tài chính tỉnh Bắc Ninh", "stc.bacninh.gov.vn", "Công khai ngân sách",
                          [("Trang chủ", "/Pages/default.aspx"), ("Công khai ngân sách", None)], main, menu,
                          footer="<p>SỞ TÀI CHÍNH TỈNH BẮC NINH - Điện thoại: 0204.3854.315</p>")

    # ------------------------------------------------------------------ NukeViet -----------------------------
    nv_menu = g["NV_MENU"]

    @page("nv-canhthuy-van-ban")
    def _():
        docs = [("135/QĐ-UBND", "14/11/2025", "14/11/2025", "Quyết định về việc kiện toàn Ban Chỉ đạo chuyển đổi số phường", "UBND phường Cảnh Thụy", "Quyết định", True),
                ("04/2025/NQ-HĐND", "28/10/2025", "07/11/2025", "Nghị quyết về việc quy định mức chi hỗ trợ hoạt động của khu phố", "HĐND phường Cảnh Thụy", "Nghị quyết", True),
                ("89/KH-UBND", "20/10/2025", "20/10/2025", "Kế hoạch tổ chức Ngày hội Đại đoàn kết toàn dân tộc", "UBND phường Cảnh Thụy", "Kế hoạch", True),
                ("127/QĐ-UBND", "06/10/2025", "06/10/2025", "Quyết định phê duyệt kế hoạch lựa chọn nhà thầu công trình cải tạo nhà văn hóa khu phố 2", "UBND phường Cảnh Thụy", "Quyết định", False),
                ("75/TB-UBND", "25/09/2025", "25/09/2025", "Thông báo kết luận của Chủ tịch UBND phường tại cuộc họp giao ban tháng 9", "UBND phường Cảnh Thụy", "Thông báo", True),
                ("38/2025/QĐ-UBND", "12/09/2025", "22/09/2025", "Quyết định ban hành Quy định quản lý nhà nước về giá trên địa bàn tỉnh", "UBND tỉnh Bắc Ninh", "Quyết định", True),
                ("02/2025/NQ-HĐND", "15/08/2025", "25/08/2025", "Nghị quyết về kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030", "HĐND phường Cảnh Thụy", "Nghị quyết", True)]
        rows = "\n".join(f'<tr><td class="text-center">{i}</td><td><a href="/vi/laws/detail/{so.replace("/", "-")}/">{so}</a></td><td>{bh}</td><td>{hl}</td>'
                         f'<td>{ty}</td><td>{cq}</td><td>{lv}</td><td>' + ('<a href="/vi/laws/down/' + str(i) + '/"><em class="fa fa-download"></em></a>' if f else "") + "</td></tr>"
                         for i, (so, bh, hl, ty, cq, lv, f) in enumerate(docs, 1))
        main = f"""<div class="laws-search panel panel-default"><div class="panel-body"><form action="/vi/laws/search/" method="get">
<input type="text" name="q" class="form-control" placeholder="Từ khóa"/><select name="type" class="form-control"><option value="0">Loại văn bản</option></select>
<select name="sgid" class="form-control"><option value="0">Cơ quan ban hành</option></select><input type="submit" class="btn btn-primary" value="Tìm kiếm"/></form></div></div>
<table class="table table-striped table-bordered table-hover">
<thead><tr><th>STT</th><th>Số ký hiệu</th><th>Ngày ban hành</th><th>Ngày hiệu lực</th><th>Trích yếu</th><th>Cơ quan ban hành</th><th>Loại văn bản</th><th>Tải về</th></tr></thead>
<tbody>
{rows}
</tbody></table>"""
        return nukeviet("Cổng thông tin điện tử phường Cảnh Thụy", "canhthuy.bacninh.gov.vn", "Văn bản",
                        [("Văn bản", "/vi/laws/")], main, nv_menu, footer="<p>UBND phường Cảnh Thụy</p>")

    @page("nv-yendung-du-an")
    def _():
        prj = [("Cải tạo, nâng cấp đường Nham Biền đoạn khu phố 2 - khu phố 5", "UBND phường Yên Dũng", "14,2 tỷ đồng", "2025 - 2026", "Đang thi công"),
               ("Xây dựng Trường Mầm non Tân Liễu (điểm trường chính)", "UBND phường Yên Dũng", "22,8 tỷ đồng", "2025 - 2027", "Đang lựa chọn nhà thầu"),
               ("Hạ tầng kỹ thuật khu dân cư Đồng Cửa", "UBND phường Yên Dũng", "48,5 tỷ đồng", "2024 - 2025", "Đã hoàn thành")]
        rows = "\n".join(f"<tr><td>{i}</td><td>{a}</td><td>{b}</td><td>{c}</td><td>{d}</td><td>{e}</td></tr>" for i, (a, b, c, d, e) in enumerate(prj, 1))
        main = f"""<div class="panel panel-default"><div class="panel-heading"><h1 class="h3">Dự án đầu tư - Đấu thầu</h1></div><div class="panel-body">
<table class="table table-bordered"><thead><tr><th>STT</th><th>Tên dự án</th><th>Chủ đầu tư</th><th>Tổng mức đầu tư</th><th>Thời gian thực hiện</th><th>Tình trạng</th></tr></thead>
<tbody>
{rows}
</tbody></table>
<h2 class="h4">Thông báo mời thầu</h2>
<ul><li><a href="/vi/news/dau-thau/moi-thau-truong-mam-non-tan-lieu-45.html">Thông báo mời thầu gói thầu số 05: Thi công xây dựng Trường Mầm non Tân Liễu</a> <em>(17/11/2025)</em></li>
<li><a href="/vi/news/dau-thau/ket-qua-lcnt-duong-nham-bien-41.html">Kết quả lựa chọn nhà thầu công trình đường Nham Biền</a> <em>(22/09/2025)</em></li></ul>
</div></div>"""
        return nukeviet("UBND phường Yên Dũng", "yendung.bacninh.gov.vn", "Dự án đầu tư - Đấu thầu",
                        [("Dự án đầu tư - Đấu thầu", "/vi/news/du-an-dau-tu/")], main, nv_menu, footer="<p>UBND phường Yên Dũng</p>")

    @page("nv-hopthinh-quy-hoach")
    def _():
        items = [("Công bố quy hoạch chung xã Hợp Thịnh đến năm 2045", "12/11/2025", "Quyết định số 1456/QĐ-UBND ngày 31/10/2025 của UBND tỉnh phê duyệt đồ án."),
                 ("Kế hoạch sử dụng đất năm 2026 xã Hợp Thịnh", "27/10/2025", "Lấy ý kiến về kế hoạch sử dụng đất năm 2026."),
                 ("Quy hoạch chi tiết tỷ lệ 1/500 khu dân cư mới thôn Hợp Thịnh", "18/08/2025", "Thông tin quy hoạch chi tiết được phê duyệt.")]
        arts = "\n".join(f"""<div class="news_column panel panel-default"><div class="panel-body"><h3><a href="/vi/news/quy-hoach/qh-{i}.html">{t}</a></h3>
<ul class="list-inline"><li><em class="fa fa-clock-o">&nbsp;</em> {d}</li></ul><p>{s}</p></div></div>""" for i, (t, d, s) in enumerate(items, 1))
        return nukeviet("UBND xã Hợp Thịnh", "hopthinh.bacninh.gov.vn", "Quy hoạch - Kế hoạch",
                        [("Quy hoạch - Kế hoạch", "/vi/news/quy-hoach/")], arts, nv_menu, footer="<p>UBND xã Hợp Thịnh</p>")

    # ------------------------------------------------------------------ WordPress ----------------------------
    wp_menu, wp_foot = g["WP_MENU"], g["WP_FOOT"]

    @page("wp-tamgiang-so-lieu-thong-ke")
    def _():
        main = """<article id="post-12" class="post-12 page type-page status-publish hentry"><div class="inside-article">
<header class="entry-header"><h1 class="entry-title">Số liệu thống kê</h1></header>
<div class="entry-content">
<p>Một số chỉ tiêu kinh tế - xã hội chủ yếu của xã Tam Giang (số liệu ước thực hiện đến 30/9/2025):</p>
<table><tr><th>Chỉ tiêu</th><th>Đơn vị</th><th>Năm 2024</th><th>9 tháng 2025</th></tr>
<tr><td>Dân số trung bình</td><td>Người</td><td>31.420</td><td>31.655</td></tr>
<tr><td>Tổng giá trị sản xuất</td><td>Tỷ đồng</td><td>2.140</td><td>1.718</td></tr>
<tr><td>Thu ngân sách trên địa bàn</td><td>Triệu đồng</td><td>56.300</td><td>41.870</td></tr>
<tr><td>Tỷ lệ hộ nghèo</td><td>%</td><td>0,72</td><td>0,48</td></tr></table>
<p>Nguồn: Văn phòng - Thống kê UBND xã Tam Giang.</p>
</div></div></article>"""
        return wordpress("UBND xã Tam Giang", "tamgiang.bacninh.gov.vn", "Số liệu thống kê", main, wp_menu, "", footer=wp_foot,
                         body_class="page-template-default page page-id-12")

    @page("wp-tamgiang-lien-he")
    def _():
        main = """<article id="post-9" class="post-9 page type-page status-publish hentry"><div class="inside-article">
<header class="entry-header"><h1 class="entry-title">Liên hệ</h1></header>
<div class="entry-content">
<h3>ỦY BAN NHÂN DÂN XÃ TAM GIANG</h3>
<ul class="lien-he">
<li><strong>Địa chỉ:</strong> Thôn Đông Xá, xã Tam Giang, tỉnh Bắc Ninh</li>
<li><strong>Điện thoại:</strong> 0222.3871.234</li>
<li><strong>Email:</strong> ubndtamgiang@bacninh.gov.vn</li>
</ul>
<div class="wpcf7"><form class="wpcf7-form"><p><label>Họ tên<br/><input type="text" name="your-name"/></label></p>
<p><label>Nội dung<br/><textarea name="your-message"></textarea></label></p><p><input type="submit" value="Gửi"/></p></form></div>
</div></div></article>"""
        return wordpress("UBND xã Tam Giang", "tamgiang.bacninh.gov.vn", "Liên hệ", main, wp_menu, "", footer=wp_foot,
                         body_class="page-template-default page page-id-9")

    # ------------------------------------------------------------------ plain --------------------------------
    plain_shell = g["PLAIN_SHELL"]

    @page("pl-caoduc-khen-thuong")
    def _():
        body = """<p class="tieude"><b>THÔNG TIN KHEN THƯỞNG - XỬ PHẠT</b></p>
<table border="1" cellspacing="0" cellpadding="4" width="100%">
<tr bgcolor="#DDEEFF"><td><b>STT</b></td><td><b>Số quyết định</b></td><td><b>Ngày</b></td><td><b>Nội dung</b></td></tr>
<tr><td>1</td><td>312/QĐ-UBND</td><td>12/11/2025</td><td>Khen thưởng tập thể, cá nhân có thành tích trong công tác phòng, chống thiên tai năm 2025</td></tr>
<tr><td>2</td><td>298/QĐ-XPHC</td><td>30/10/2025</td><td>Xử phạt vi phạm hành chính đối với hộ kinh doanh vi phạm quy định về an toàn thực phẩm</td></tr>
<tr><td>3</td><td>275/QĐ-UBND</td><td>02/10/2025</td><td>Khen thưởng học sinh đạt giải kỳ thi học sinh giỏi cấp tỉnh năm học 2024 - 2025</td></tr>
</table>"""
        return plain_shell("UBND xã Cao Đức", "Khen thưởng - Xử phạt", body, header_date="Thứ Bảy, ngày 22/11/2025",
                           menu=[("Trang chủ", "index.html"), ("Giới thiệu", "gioithieu.html"), ("Tin tức", "tintuc.html"),
                                 ("Khen thưởng - Xử phạt", "khenthuong.html"), ("Liên hệ", "lienhe.html")])

    @page("pl-thanhtra-danh-ba")
    def _():
        body = """<p class="tieude"><b>DANH BẠ ĐIỆN THOẠI CƠ QUAN THANH TRA TỈNH</b></p>
<table border="1" cellspacing="0" cellpadding="4" width="100%">
<tr bgcolor="#DDEEFF"><td><b>Họ tên</b></td><td><b>Chức vụ</b></td><td><b>Phòng</b></td><td><b>Điện thoại</b></td></tr>
<tr><td>Ngô Quang Hải</td><td>Chánh Thanh tra</td><td>Lãnh đạo Thanh tra tỉnh</td><td>0204.3856.100</td></tr>
<tr><td>Bùi Thị Hạnh</td><td>Phó Chánh Thanh tra</td><td>Lãnh đạo Thanh tra tỉnh</td><td>0204.3856.101</td></tr>
<tr><td>Tạ Văn Sơn</td><td>Chánh Văn phòng</td><td>Văn phòng</td><td>0204.3856.110</td></tr>
<tr><td>Dương Thị Lụa</td><td>Trưởng phòng</td><td>Phòng Tiếp công dân, xử lý đơn thư</td><td>0204.3856.120</td></tr>
</table>
<p>Đường dây nóng tiếp nhận phản ánh: 0204.3856.199</p>"""
        return plain_shell("Thanh tra tỉnh Bắc Ninh", "Danh bạ điện thoại", body,
                           menu=[("Trang chủ", "index.html"), ("Giới thiệu", "gioithieu.html"), ("Danh bạ điện thoại", "danhba.html"), ("Liên hệ", "lienhe.html")])
