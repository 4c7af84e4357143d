# Coverage: a stream with schools_expected and schools_reported (as
# luong-rates --coverage schools writes them).  The table shows the
# schools that reported of those expected ("7/8"); a district none of
# whose schools reported shows "Chưa báo cáo" over its values; a level
# with schools missing (on its total row) says so above its table, with
# the reporting rate.  THCS here misses 15 of 66 schools (Thủ Thừa's 14,
# one of Bến Lức's); THPT has them all, and no note.
$ luong-render -f table data/coverage.tsv
> Cấp trung học cơ sở
>
> Đã nhận báo cáo của 51/66 trường (77,27%); 15 trường chưa báo cáo.
>
>                                                   Chương trình GDHN                           GV tư vấn HN                                Học GDNN
> STT  Huyện, thị xã, thành phố  Số trường báo cáo  Thực hiện  Chỉ tiêu  Chênh lệch  Kết quả    Thực hiện  Chỉ tiêu  Chênh lệch  Kết quả    Thực hiện  Chỉ tiêu  Chênh lệch  Kết quả    Xếp hạng
> ---  ------------------------  -----------------  ---------  --------  ----------  ---------  ---------  --------  ----------  ---------  ---------  --------  ----------  ---------  --------
>  01  Tân An                                12/12     100,00       100        0,00  Đạt            91,67       100       -8,33  Không đạt      36,25     35,09       +1,16  Đạt               1
>  02  Bến Lức                               18/19     100,00       100        0,00  Đạt           100,00       100        0,00  Đạt            32,97     32,01       +0,96  Đạt               2
>  03  Châu Thành                            21/21      95,24       100       -4,76  Không đạt     100,00       100        0,00  Đạt            32,80     32,98       -0,18  Không đạt         3
>  04  Thủ Thừa                               0/14  Chưa báo cáo
> ---  ------------------------  -----------------  ---------  --------  ----------  ---------  ---------  --------  ----------  ---------  ---------  --------  ----------  ---------  --------
>      Tổng cộng                             51/66      98,04       100       -1,96  Không đạt      98,04       100       -1,96  Không đạt      33,64     27,92       +5,72  Đạt
>
> Các chỉ tiêu:
>   Chương trình GDHN: Tỷ lệ % trường học có chương trình giáo dục hướng nghiệp gắn với hoạt động sản xuất, kinh doanh, dịch vụ của địa phương
>   GV tư vấn HN: Tỷ lệ % trường học có giáo viên kiêm nhiệm làm nhiệm vụ tư vấn hướng nghiệp đáp ứng yêu cầu về chuyên môn, nghiệp vụ
>   Học GDNN: Tỷ lệ % học sinh tốt nghiệp trung học cơ sở tiếp tục học tập tại các cơ sở giáo dục nghề nghiệp đào tạo trình độ sơ cấp, trung cấp
>
> Cấp trung học phổ thông
>
>                                                   Chương trình GDHN                           GV tư vấn HN                                Học GDNN
> STT  Huyện, thị xã, thành phố  Số trường báo cáo  Thực hiện  Chỉ tiêu  Chênh lệch  Kết quả    Thực hiện  Chỉ tiêu  Chênh lệch  Kết quả    Thực hiện  Chỉ tiêu  Chênh lệch  Kết quả    Xếp hạng
> ---  ------------------------  -----------------  ---------  --------  ----------  ---------  ---------  --------  ----------  ---------  ---------  --------  ----------  ---------  --------
>  01  Tân An                                  5/5     100,00       100        0,00  Đạt           100,00       100        0,00  Đạt            44,17     44,17        0,00  Đạt               1
>  02  Tân Thạnh                               3/3     100,00       100        0,00  Đạt            66,67       100      -33,33  Không đạt      65,12     65,12        0,00  Đạt               1
>  03  Cần Giuộc                               5/5      80,00       100      -20,00  Không đạt     100,00       100        0,00  Đạt            29,00     29,00        0,00  Đạt               1
>  04  Đức Hòa                                 6/6     100,00       100        0,00  Đạt           100,00       100        0,00  Đạt            40,00     43,60       -3,60  Không đạt         4
> ---  ------------------------  -----------------  ---------  --------  ----------  ---------  ---------  --------  ----------  ---------  ---------  --------  ----------  ---------  --------
>      Tổng cộng                             19/19      94,74       100       -5,26  Không đạt      94,74       100       -5,26  Không đạt      41,17     40,22       +0,95  Đạt
>
> Các chỉ tiêu:
>   Chương trình GDHN: Tỷ lệ % trường học có chương trình giáo dục hướng nghiệp gắn với hoạt động sản xuất, kinh doanh, dịch vụ của địa phương
>   GV tư vấn HN: Tỷ lệ % trường học có giáo viên kiêm nhiệm làm nhiệm vụ tư vấn hướng nghiệp đáp ứng yêu cầu về chuyên môn, nghiệp vụ
>   Học GDNN: Tỷ lệ % học sinh tốt nghiệp trung học phổ thông tiếp tục học tập tại các cơ sở giáo dục nghề nghiệp đào tạo trình độ cao đẳng
! luong-render: 10 rows read, 2 tables (report layout) written as table

# Box drawing: the words of a district not reported span its value
# columns, with no line inside them.
$ grep -v '^THPT' data/coverage.tsv | luong-render -f table --box
> Cấp trung học cơ sở
>
> Đã nhận báo cáo của 51/66 trường (77,27%); 15 trường chưa báo cáo.
>
> ┌─────┬──────────────────────────┬───────────────────┬───────────────────────────────────────────────┬───────────────────────────────────────────────┬───────────────────────────────────────────────┬──────────┐
> │     │                          │                   │ Chương trình GDHN                             │ GV tư vấn HN                                  │ Học GDNN                                      │          │
> │     │                          │                   ├───────────┬──────────┬────────────┬───────────┼───────────┬──────────┬────────────┬───────────┼───────────┬──────────┬────────────┬───────────┤          │
> │ STT │ Huyện, thị xã, thành phố │ Số trường báo cáo │ Thực hiện │ Chỉ tiêu │ Chênh lệch │ Kết quả   │ Thực hiện │ Chỉ tiêu │ Chênh lệch │ Kết quả   │ Thực hiện │ Chỉ tiêu │ Chênh lệch │ Kết quả   │ Xếp hạng │
> ├─────┼──────────────────────────┼───────────────────┼───────────┼──────────┼────────────┼───────────┼───────────┼──────────┼────────────┼───────────┼───────────┼──────────┼────────────┼───────────┼──────────┤
> │  01 │ Tân An                   │             12/12 │    100,00 │      100 │       0,00 │ Đạt       │     91,67 │      100 │      -8,33 │ Không đạt │     36,25 │    35,09 │      +1,16 │ Đạt       │        1 │
> │  02 │ Bến Lức                  │             18/19 │    100,00 │      100 │       0,00 │ Đạt       │    100,00 │      100 │       0,00 │ Đạt       │     32,97 │    32,01 │      +0,96 │ Đạt       │        2 │
> │  03 │ Châu Thành               │             21/21 │     95,24 │      100 │      -4,76 │ Không đạt │    100,00 │      100 │       0,00 │ Đạt       │     32,80 │    32,98 │      -0,18 │ Không đạt │        3 │
> │  04 │ Thủ Thừa                 │              0/14 │ Chưa báo cáo                                                                                                                                             │
> ├─────┼──────────────────────────┼───────────────────┼───────────┬──────────┬────────────┬───────────┬───────────┬──────────┬────────────┬───────────┬───────────┬──────────┬────────────┬───────────┬──────────┤
> │     │ Tổng cộng                │             51/66 │     98,04 │      100 │      -1,96 │ Không đạt │     98,04 │      100 │      -1,96 │ Không đạt │     33,64 │    27,92 │      +5,72 │ Đạt       │          │
> └─────┴──────────────────────────┴───────────────────┴───────────┴──────────┴────────────┴───────────┴───────────┴──────────┴────────────┴───────────┴───────────┴──────────┴────────────┴───────────┴──────────┘
>
> Các chỉ tiêu:
>   Chương trình GDHN: Tỷ lệ % trường học có chương trình giáo dục hướng nghiệp gắn với hoạt động sản xuất, kinh doanh, dịch vụ của địa phương
>   GV tư vấn HN: Tỷ lệ % trường học có giáo viên kiêm nhiệm làm nhiệm vụ tư vấn hướng nghiệp đáp ứng yêu cầu về chuyên môn, nghiệp vụ
>   Học GDNN: Tỷ lệ % học sinh tốt nghiệp trung học cơ sở tiếp tục học tập tại các cơ sở giáo dục nghề nghiệp đào tạo trình độ sơ cấp, trung cấp
! luong-render: 5 rows read, 1 table (report layout) written as table

# A district not reported first or last in its table: the rules above
# and below it have no junction inside its span.
$ printf 'district\tschools_expected\tschools_reported\tvocational\tvocational_target\tvocational_met\nThủ Thừa\t5\t0\t\t20.00\t\nTân An\t8\t8\t37.36\t35.09\t1\nĐức Hòa\t7\t0\t\t37.87\t\nTổng cộng\t20\t0\t\t27.92\t\n' | luong-render -f table --box
> Đã nhận báo cáo của 0/20 trường (0,00%); 20 trường chưa báo cáo.
>
> ┌─────┬──────────────────────────┬───────────────────┬────────────────────────────────┐
> │     │                          │                   │ Học GDNN                       │
> │     │                          │                   ├───────────┬──────────┬─────────┤
> │ STT │ Huyện, thị xã, thành phố │ Số trường báo cáo │ Thực hiện │ Chỉ tiêu │ Kết quả │
> ├─────┼──────────────────────────┼───────────────────┼───────────┴──────────┴─────────┤
> │  01 │ Thủ Thừa                 │               0/5 │ Chưa báo cáo                   │
> │  02 │ Tân An                   │               8/8 │     37,36 │    35,09 │ Đạt     │
> │  03 │ Đức Hòa                  │               0/7 │ Chưa báo cáo                   │
> ├─────┼──────────────────────────┼───────────────────┼────────────────────────────────┤
> │     │ Tổng cộng                │              0/20 │ Chưa báo cáo                   │
> └─────┴──────────────────────────┴───────────────────┴────────────────────────────────┘
! luong-render: 4 rows read, 1 table (report layout) written as table

# In English.
$ luong-render -f table --locale en data/coverage.tsv | head -12
> Lower secondary (THCS)
>
> Reports received from 51 of 66 schools (77.27%); 15 not yet reported.
>
>                                               Programme                       Counsellor                      Vocational
> No.  District, town, city  Schools reporting  Actual  Target    Gap  Result   Actual  Target    Gap  Result   Actual  Target    Gap  Result   Rank
> ---  --------------------  -----------------  ------  ------  -----  -------  ------  ------  -----  -------  ------  ------  -----  -------  ----
>  01  Tân An                            12/12  100.00     100   0.00  Met       91.67     100  -8.33  Not met   36.25   35.09  +1.16  Met         1
>  02  Bến Lức                           18/19  100.00     100   0.00  Met      100.00     100   0.00  Met       32.97   32.01  +0.96  Met         2
>  03  Châu Thành                        21/21   95.24     100  -4.76  Not met  100.00     100   0.00  Met       32.80   32.98  -0.18  Not met     3
>  04  Thủ Thừa                           0/14  Not reported
> ---  --------------------  -----------------  ------  ------  -----  -------  ------  ------  -----  -------  ------  ------  -----  -------  ----
! luong-render: 10 rows read, 2 tables (report layout) written as table

# Markdown: the note in bold above the table; the words in italics in
# the first value cell of a district not reported, the others empty.
$ luong-render -f md data/coverage.tsv
> ## Cấp trung học cơ sở
>
> **Đã nhận báo cáo của 51/66 trường (77,27%); 15 trường chưa báo cáo.**
>
> | STT | Huyện, thị xã, thành phố | Số trường báo cáo | Chương trình GDHN: Thực hiện | Chương trình GDHN: Chỉ tiêu | Chương trình GDHN: Chênh lệch | Chương trình GDHN: Kết quả | GV tư vấn HN: Thực hiện | GV tư vấn HN: Chỉ tiêu | GV tư vấn HN: Chênh lệch | GV tư vấn HN: Kết quả | Học GDNN: Thực hiện | Học GDNN: Chỉ tiêu | Học GDNN: Chênh lệch | Học GDNN: Kết quả | Xếp hạng |
> | ---: | :--- | ---: | ---: | ---: | ---: | :--- | ---: | ---: | ---: | :--- | ---: | ---: | ---: | :--- | ---: |
> | 01 | Tân An | 12/12 | 100,00 | 100 | 0,00 | Đạt | 91,67 | 100 | -8,33 | Không đạt | 36,25 | 35,09 | +1,16 | Đạt | 1 |
> | 02 | Bến Lức | 18/19 | 100,00 | 100 | 0,00 | Đạt | 100,00 | 100 | 0,00 | Đạt | 32,97 | 32,01 | +0,96 | Đạt | 2 |
> | 03 | Châu Thành | 21/21 | 95,24 | 100 | -4,76 | Không đạt | 100,00 | 100 | 0,00 | Đạt | 32,80 | 32,98 | -0,18 | Không đạt | 3 |
> | 04 | Thủ Thừa | 0/14 | _Chưa báo cáo_ |  |  |  |  |  |  |  |  |  |  |  |  |
> |  | **Tổng cộng** | **51/66** | **98,04** | **100** | **-1,96** | **Không đạt** | **98,04** | **100** | **-1,96** | **Không đạt** | **33,64** | **27,92** | **+5,72** | **Đạt** |  |
>
> Các chỉ tiêu:
>
> - Chương trình GDHN: Tỷ lệ % trường học có chương trình giáo dục hướng nghiệp gắn với hoạt động sản xuất, kinh doanh, dịch vụ của địa phương
> - GV tư vấn HN: Tỷ lệ % trường học có giáo viên kiêm nhiệm làm nhiệm vụ tư vấn hướng nghiệp đáp ứng yêu cầu về chuyên môn, nghiệp vụ
> - Học GDNN: Tỷ lệ % học sinh tốt nghiệp trung học cơ sở tiếp tục học tập tại các cơ sở giáo dục nghề nghiệp đào tạo trình độ sơ cấp, trung cấp
>
> ## Cấp trung học phổ thông
>
> | STT | Huyện, thị xã, thành phố | Số trường báo cáo | Chương trình GDHN: Thực hiện | Chương trình GDHN: Chỉ tiêu | Chương trình GDHN: Chênh lệch | Chương trình GDHN: Kết quả | GV tư vấn HN: Thực hiện | GV tư vấn HN: Chỉ tiêu | GV tư vấn HN: Chênh lệch | GV tư vấn HN: Kết quả | Học GDNN: Thực hiện | Học GDNN: Chỉ tiêu | Học GDNN: Chênh lệch | Học GDNN: Kết quả | Xếp hạng |
> | ---: | :--- | ---: | ---: | ---: | ---: | :--- | ---: | ---: | ---: | :--- | ---: | ---: | ---: | :--- | ---: |
> | 01 | Tân An | 5/5 | 100,00 | 100 | 0,00 | Đạt | 100,00 | 100 | 0,00 | Đạt | 44,17 | 44,17 | 0,00 | Đạt | 1 |
> | 02 | Tân Thạnh | 3/3 | 100,00 | 100 | 0,00 | Đạt | 66,67 | 100 | -33,33 | Không đạt | 65,12 | 65,12 | 0,00 | Đạt | 1 |
> | 03 | Cần Giuộc | 5/5 | 80,00 | 100 | -20,00 | Không đạt | 100,00 | 100 | 0,00 | Đạt | 29,00 | 29,00 | 0,00 | Đạt | 1 |
> | 04 | Đức Hòa | 6/6 | 100,00 | 100 | 0,00 | Đạt | 100,00 | 100 | 0,00 | Đạt | 40,00 | 43,60 | -3,60 | Không đạt | 4 |
> |  | **Tổng cộng** | **19/19** | **94,74** | **100** | **-5,26** | **Không đạt** | **94,74** | **100** | **-5,26** | **Không đạt** | **41,17** | **40,22** | **+0,95** | **Đạt** |  |
>
> Các chỉ tiêu:
>
> - Chương trình GDHN: Tỷ lệ % trường học có chương trình giáo dục hướng nghiệp gắn với hoạt động sản xuất, kinh doanh, dịch vụ của địa phương
> - GV tư vấn HN: Tỷ lệ % trường học có giáo viên kiêm nhiệm làm nhiệm vụ tư vấn hướng nghiệp đáp ứng yêu cầu về chuyên môn, nghiệp vụ
> - Học GDNN: Tỷ lệ % học sinh tốt nghiệp trung học phổ thông tiếp tục học tập tại các cơ sở giáo dục nghề nghiệp đào tạo trình độ cao đẳng
! luong-render: 10 rows read, 2 tables (report layout) written as md

# CSV and TSV stay data: the schools in two columns of numbers, as the
# stream has them (never "7/8", which a spreadsheet reads as a date), a
# district not reported with its fields as they are, and no note.
$ luong-render -f csv data/coverage.tsv | tr -d '\r'
> Cấp học,STT,"Huyện, thị xã, thành phố",Số trường phải báo cáo,Số trường đã báo cáo,Chương trình GDHN: Thực hiện,Chương trình GDHN: Chỉ tiêu,Chương trình GDHN: Chênh lệch,Chương trình GDHN: Kết quả,GV tư vấn HN: Thực hiện,GV tư vấn HN: Chỉ tiêu,GV tư vấn HN: Chênh lệch,GV tư vấn HN: Kết quả,Học GDNN: Thực hiện,Học GDNN: Chỉ tiêu,Học GDNN: Chênh lệch,Học GDNN: Kết quả,Xếp hạng
> THCS,01,Tân An,12,12,"100,00",100,"0,00",Đạt,"91,67",100,"-8,33",Không đạt,"36,25","35,09","+1,16",Đạt,1
> THCS,02,Bến Lức,19,18,"100,00",100,"0,00",Đạt,"100,00",100,"0,00",Đạt,"32,97","32,01","+0,96",Đạt,2
> THCS,03,Châu Thành,21,21,"95,24",100,"-4,76",Không đạt,"100,00",100,"0,00",Đạt,"32,80","32,98","-0,18",Không đạt,3
> THCS,04,Thủ Thừa,14,0,,100,,,,100,,,,"20,00",,,
> THCS,,Tổng cộng,66,51,"98,04",100,"-1,96",Không đạt,"98,04",100,"-1,96",Không đạt,"33,64","27,92","+5,72",Đạt,
> THPT,01,Tân An,5,5,"100,00",100,"0,00",Đạt,"100,00",100,"0,00",Đạt,"44,17","44,17","0,00",Đạt,1
> THPT,02,Tân Thạnh,3,3,"100,00",100,"0,00",Đạt,"66,67",100,"-33,33",Không đạt,"65,12","65,12","0,00",Đạt,1
> THPT,03,Cần Giuộc,5,5,"80,00",100,"-20,00",Không đạt,"100,00",100,"0,00",Đạt,"29,00","29,00","0,00",Đạt,1
> THPT,04,Đức Hòa,6,6,"100,00",100,"0,00",Đạt,"100,00",100,"0,00",Đạt,"40,00","43,60","-3,60",Không đạt,4
> THPT,,Tổng cộng,19,19,"94,74",100,"-5,26",Không đạt,"94,74",100,"-5,26",Không đạt,"41,17","40,22","+0,95",Đạt,
! luong-render: 10 rows read, 2 tables (report layout) written as csv

$ luong-render -f tsv --locale en data/coverage.tsv
> Level	No.	District, town, city	Schools expected	Schools reported	Programme: Actual	Programme: Target	Programme: Gap	Programme: Result	Counsellor: Actual	Counsellor: Target	Counsellor: Gap	Counsellor: Result	Vocational: Actual	Vocational: Target	Vocational: Gap	Vocational: Result	Rank
> THCS	01	Tân An	12	12	100.00	100	0.00	Met	91.67	100	-8.33	Not met	36.25	35.09	+1.16	Met	1
> THCS	02	Bến Lức	19	18	100.00	100	0.00	Met	100.00	100	0.00	Met	32.97	32.01	+0.96	Met	2
> THCS	03	Châu Thành	21	21	95.24	100	-4.76	Not met	100.00	100	0.00	Met	32.80	32.98	-0.18	Not met	3
> THCS	04	Thủ Thừa	14	0		100				100				20.00			
> THCS		Total	66	51	98.04	100	-1.96	Not met	98.04	100	-1.96	Not met	33.64	27.92	+5.72	Met	
> THPT	01	Tân An	5	5	100.00	100	0.00	Met	100.00	100	0.00	Met	44.17	44.17	0.00	Met	1
> THPT	02	Tân Thạnh	3	3	100.00	100	0.00	Met	66.67	100	-33.33	Not met	65.12	65.12	0.00	Met	1
> THPT	03	Cần Giuộc	5	5	80.00	100	-20.00	Not met	100.00	100	0.00	Met	29.00	29.00	0.00	Met	1
> THPT	04	Đức Hòa	6	6	100.00	100	0.00	Met	100.00	100	0.00	Met	40.00	43.60	-3.60	Not met	4
> THPT		Total	19	19	94.74	100	-5.26	Not met	94.74	100	-5.26	Not met	41.17	40.22	+0.95	Met	
! luong-render: 10 rows read, 2 tables (report layout) written as tsv

# HTML: the note above the table, one cell over the values of a district
# not reported; in the charts its name with the words and no bar or
# target, and the total named with the schools it covers.
$ SOURCE_DATE_EPOCH=1678147200 luong-render -f html data/coverage.tsv >"$T/c.html"
$ xmllint --noout "$T/c.html" && echo well-formed
$ grep -c 'class="coverage"' "$T/c.html"
$ grep -o '<p class="coverage">.*</p>\|<tr><td class="n">04</td><td>Thủ Thừa.*</tr>' "$T/c.html"
$ grep -o '<g><title>Thủ Thừa[^<]*</title>.*</g>' "$T/c.html" | head -1
$ grep -o '<text[^>]*class="total">Tổng cộng[^<]*</text>' "$T/c.html" | sort | uniq -c
$ grep '^p.coverage\|^td.nr\|^svg text.nr' "$T/c.html"
> well-formed
> 1
> <p class="coverage">Đã nhận báo cáo của 51/66 trường (77,27%); 15 trường chưa báo cáo.</p>
> <tr><td class="n">04</td><td>Thủ Thừa</td><td class="n">0/14</td><td colspan="13" class="nr">Chưa báo cáo</td></tr>
> <g><title>Thủ Thừa: Chưa báo cáo</title><text x="180.0" y="95.0" text-anchor="end">Thủ Thừa</text><text x="189.0" y="95.0" class="nr">Chưa báo cáo</text></g>
>       3 <text x="180.0" y="112.0" text-anchor="end" class="total">Tổng cộng (19/19 trường)</text>
>       3 <text x="180.0" y="112.0" text-anchor="end" class="total">Tổng cộng (51/66 trường)</text>
> p.coverage { font-weight: bold; border-left: 4px solid #b00020; padding: 0.2em 0.6em; }
> td.nr { text-align: center; font-style: italic; color: #555; }
> svg text.nr { font-style: italic; fill: #555; }
! luong-render: 10 rows read, 2 tables (report layout) written as html

# A page without coverage has none of its style.
$ SOURCE_DATE_EPOCH=1678147200 luong-render -f html data/report.tsv | grep -c 'coverage\|\.nr'
> 0
! luong-render: 10 rows read, 2 tables (report layout) written as html
? 1

# Without a total row, the schools are summed over the level's rows.
$ grep -v 'Tổng cộng' data/coverage.tsv | luong-render -f table | grep -n 'Cấp\|báo cáo của'
> 1:Cấp trung học cơ sở
> 3:Đã nhận báo cáo của 51/66 trường (77,27%); 15 trường chưa báo cáo.
> 18:Cấp trung học phổ thông
! luong-render: 8 rows read, 2 tables (report layout) written as table

# The rate is rounded as a rate is, but never reads 100% while a school
# is missing, nor 0% once one has reported; counts are grouped.
$ printf 'district\tschools_expected\tschools_reported\tvocational\tvocational_target\nTân An\t100000\t99999\t37.36\t35.09\nThủ Thừa\t5\t5\t1\t20.00\n' | luong-render -f table | head -1
$ printf 'district\tschools_expected\tschools_reported\tvocational\tvocational_target\nTân An\t100000\t1\t37.36\t35.09\n' | luong-render -f table --locale en | head -1
$ printf 'district\tschools_expected\tschools_reported\tvocational\tvocational_target\nTân An\t3\t2\t37.36\t35.09\n' | luong-render -f table | head -1
> Đã nhận báo cáo của 100.004/100.005 trường (99,99%); 1 trường chưa báo cáo.
> Reports received from 1 of 100,000 schools (0.01%); 99,999 not yet reported.
> Đã nhận báo cáo của 2/3 trường (66,67%); 1 trường chưa báo cáo.
! luong-render: 2 rows read, 1 table (report layout) written as table
! luong-render: 1 row read, 1 table (report layout) written as table
! luong-render: 1 row read, 1 table (report layout) written as table

# A district with no school expected and none reported is not "not
# reported": it shows what it has.
$ printf 'district\tschools_expected\tschools_reported\tvocational\tvocational_target\nTân An\t0\t0\t37.36\t35.09\n' | luong-render -f table
>                                                   Học GDNN
> STT  Huyện, thị xã, thành phố  Số trường báo cáo  Thực hiện  Chỉ tiêu
> ---  ------------------------  -----------------  ---------  --------
>  01  Tân An                                  0/0      37,36     35,09
! luong-render: 1 row read, 1 table (report layout) written as table

# Coverage needs both fields: one alone is a field like any other, which
# the report layout does not show.  The plain layout shows them as they
# come.
$ cut -f 1-4,6- data/coverage.tsv | luong-render -f table | sed -n 3,6p
$ cut -f 2,4,5 data/coverage.tsv | head -3 | luong-render -f table
>                                Chương trình GDHN                           GV tư vấn HN                                Học GDNN
> STT  Huyện, thị xã, thành phố  Thực hiện  Chỉ tiêu  Chênh lệch  Kết quả    Thực hiện  Chỉ tiêu  Chênh lệch  Kết quả    Thực hiện  Chỉ tiêu  Chênh lệch  Kết quả    Xếp hạng
> ---  ------------------------  ---------  --------  ----------  ---------  ---------  --------  ----------  ---------  ---------  --------  ----------  ---------  --------
>  01  Tân An                       100,00       100        0,00  Đạt            91,67       100       -8,33  Không đạt      36,25     35,09       +1,16  Đạt               1
> district  schools_expected  schools_reported
> --------  ----------------  ----------------
> Tân An                  12                12
> Bến Lức                 19                18
! luong-render: 10 rows read, 2 tables (report layout) written as table
! luong-render: 2 rows read, 1 table (plain layout) written as table

# Counts of schools that are not counts, or more reported than expected,
# are data errors at the row's file and line; nothing is written.
$ sed '3s/\t19\t18\t/\t19\tx\t/' data/coverage.tsv | luong-render -f table
! luong-render: <stdin>:3: field "schools_reported": "x" is not a number of schools (digits, at most 12)
? 1

$ sed '3s/\t19\t18\t/\t\t18\t/' data/coverage.tsv >"$T/c.tsv" && cd "$T" && luong-render -f html c.tsv
! luong-render: c.tsv:3: field "schools_expected": "" is not a number of schools (digits, at most 12)
? 1

$ sed '3s/\t19\t18\t/\t-1\t18\t/' data/coverage.tsv | luong-render -f xlsx -o "$T/c.xlsx"; echo "status $?"; ls -A "$T"
> status 1
! luong-render: <stdin>:3: field "schools_expected": "-1" is not a number of schools (digits, at most 12)

$ sed '3s/\t19\t18\t/\t19\t20\t/' data/coverage.tsv | luong-render -f csv
! luong-render: <stdin>:3: schools_reported 20 is more than schools_expected 19
? 1

$ sed '3s/\t19\t18\t/\t1234567890123\t18\t/' data/coverage.tsv | luong-render -f md
! luong-render: <stdin>:3: field "schools_expected": "1234567890123" is not a number of schools (digits, at most 12)
? 1

# The stats record counts the rows not reported.
$ LUONG_STATS_FD=3 luong-render -f csv data/coverage.tsv 3>"$T/st" >/dev/null; cat "$T/st"
> program	rows_read	rows_written	rows_rejected	tables	total_rows	unreported_rows	charts
> luong-render	10	10	0	2	2	1	0
! luong-render: 10 rows read, 2 tables (report layout) written as csv

# XLSX: the note in its own row under the level's name (row 3), a blank
# row, then the header; THPT's sheet, with every school, has no note.
# The schools are text ("0/14"); the words of a district not reported
# are in its first value cell, centred across the others (blank), which
# are not merged, so sorting under the filter still works; the filter
# ends before the total row.  Printing stays A4 landscape, one page
# wide, the rows down to the header (the note's included) and the STT
# and district columns on every page.
$ luong-render -f xlsx -o "$T/c.xlsx" data/coverage.tsv
$ str() { unzip -p "$T/c.xlsx" xl/sharedStrings.xml | grep -o '<t[^>]*>[^<]*</t>' | sed 's/<[^>]*>//g' | sed -n "$(($1 + 1))p"; }
$ cells() { unzip -p "$T/c.xlsx" "xl/worksheets/$1.xml" | grep -o "<c r=\"$2\"[^>]*\(/>\|>\(<v>[^<]*</v>\)\?\)" | while read -r c; do case $c in *t=\"s\"*) echo "${c%%>*}> $(str "$(echo "$c" | sed 's/.*<v>//; s/<.*//')")" ;; *) echo "$c" ;; esac; done; }
$ cells sheet1 'A[1-4]'
$ cells sheet2 'A[1-4]'
$ cells sheet1 '[A-F]10'
$ cells sheet1 '[N-P]10'
$ for c in D10 E10 P10; do s=$(unzip -p "$T/c.xlsx" xl/worksheets/sheet1.xml | grep -o "<c r=\"$c\" s=\"[0-9]*\"" | sed 's/.*s="//; s/"//'); unzip -p "$T/c.xlsx" xl/styles.xml | tr '<' '\n' | awk -v s="$s" -v c="$c" '/^cellXfs/ { on = 1; n = -1 } /^\/cellXfs/ { on = 0 } on && /^xf / { n++ } on && /^alignment/ && n == s { print c ": " $0 }'; done
$ unzip -p "$T/c.xlsx" xl/worksheets/sheet1.xml | grep -o '<autoFilter [^>]*>\|<pageSetup [^>]*>\|<pageSetUpPr [^>]*>\|<mergeCell [^>]*>'
$ unzip -p "$T/c.xlsx" xl/workbook.xml | grep -o '<definedName name="_xlnm.Print_Titles"[^<]*'
> <c r="A1" s="1" t="s"> Kết quả thực hiện chỉ tiêu giáo dục hướng nghiệp và định hướng phân luồng học sinh
> <c r="A2" s="2" t="s"> Cấp trung học cơ sở
> <c r="A3" s="3" t="s"> Đã nhận báo cáo của 51/66 trường (77,27%); 15 trường chưa báo cáo.
> <c r="A1" s="1" t="s"> Kết quả thực hiện chỉ tiêu giáo dục hướng nghiệp và định hướng phân luồng học sinh
> <c r="A2" s="2" t="s"> Cấp trung học phổ thông
> <c r="A4" s="4" t="s"> STT
> <c r="A10" s="5"><v>4</v>
> <c r="B10" s="6" t="s"> Thủ Thừa
> <c r="C10" s="7" t="s"> 0/14
> <c r="D10" s="14" t="s"> Chưa báo cáo
> <c r="E10" s="15"/>
> <c r="F10" s="15"/>
> <c r="N10" s="15"/>
> <c r="O10" s="15"/>
> <c r="P10" s="16"/>
> D10: alignment horizontal="centerContinuous" vertical="top"/>
> E10: alignment horizontal="centerContinuous" vertical="top"/>
> P10: alignment horizontal="centerContinuous" vertical="top"/>
> <pageSetUpPr fitToPage="1"/>
> <autoFilter ref="A6:P10"/>
> <mergeCell ref="A1:P1"/>
> <mergeCell ref="A3:P3"/>
> <mergeCell ref="A5:A6"/>
> <mergeCell ref="B5:B6"/>
> <mergeCell ref="C5:C6"/>
> <mergeCell ref="D5:G5"/>
> <mergeCell ref="H5:K5"/>
> <mergeCell ref="L5:O5"/>
> <mergeCell ref="P5:P6"/>
> <pageSetup paperSize="9" fitToHeight="0" orientation="landscape"/>
> <definedName name="_xlnm.Print_Titles" localSheetId="0">THCS!$A:$B,THCS!$1:$6
> <definedName name="_xlnm.Print_Titles" localSheetId="1">THPT!$A:$B,THPT!$1:$5
! luong-render: 10 rows read, 2 tables (report layout) written as xlsx

# In English, the same words from labels-en.yaml.
$ luong-render -f xlsx --locale en -o "$T/c.xlsx" data/coverage.tsv
$ unzip -p "$T/c.xlsx" xl/sharedStrings.xml | grep -o '<t[^>]*>[^<]*</t>' | grep 'report'
> <t>Reports received from 51 of 66 schools (77.27%); 15 not yet reported.</t>
> <t>Schools reporting</t>
> <t>Not reported</t>
! luong-render: 10 rows read, 2 tables (report layout) written as xlsx

# The words are keys of the labels file, required as every key is; the
# note and the total's name may use only their own placeholders.
$ cd "$T" && sed '/^not_reported:/d' "$TOP/config/labels-vi.yaml" >labels-xx.yaml && LUONG_CONFIG=. luong-render -f table --locale xx </dev/null
! luong-render: ./labels-xx.yaml:4:1: missing key "not_reported"
? 2

$ cd "$T" && sed 's/{missing}/{absent}/' "$TOP/config/labels-vi.yaml" >labels-xx.yaml && LUONG_CONFIG=. luong-render -f table --locale xx </dev/null
! luong-render: ./labels-xx.yaml:53:11: coverage: unknown placeholder "{absent}"
? 2

$ cd "$T" && sed 's/{total} (/{missing} (/' "$TOP/config/labels-en.yaml" >labels-xx.yaml && LUONG_CONFIG=. luong-render -f table --locale xx </dev/null
! luong-render: ./labels-xx.yaml:47:17: total_coverage: unknown placeholder "{missing}"
? 2

$ cd "$T" && sed 's/^total_coverage: .*/total_coverage: "{total} {N}"/' "$TOP/config/labels-vi.yaml" >labels-xx.yaml && LUONG_CONFIG=. luong-render -f table --locale xx </dev/null
! luong-render: ./labels-xx.yaml:54:17: total_coverage: "{" that begins no placeholder such as {total}
? 2

# Other text, and a template with no placeholder at all, is as written.
$ cd "$T" && sed 's/^coverage: .*/coverage: "Thiếu báo cáo (xem danh sách)."/; s/^total_coverage: .*/total_coverage: "Cộng: {reported} trên {expected}"/' "$TOP/config/labels-vi.yaml" >labels-xx.yaml && LUONG_CONFIG=. luong-render -f html --locale xx "$TOP/tests/cli/luong-render/data/coverage.tsv" | grep -o '<p class="coverage">[^<]*\|class="total">Cộng[^<]*' | sort -u
> <p class="coverage">Thiếu báo cáo (xem danh sách).
> class="total">Cộng: 19 trên 19
> class="total">Cộng: 51 trên 66
! luong-render: 10 rows read, 2 tables (report layout) written as html

# Words wider than all the value columns widen the last of them.
$ cd "$T" && sed 's/^not_reported: .*/not_reported: Chưa nhận được báo cáo nào của huyện/' "$TOP/config/labels-vi.yaml" >labels-xx.yaml && printf 'district\tschools_expected\tschools_reported\tvocational\tvocational_target\nTân An\t8\t8\t37.36\t35.09\nThủ Thừa\t5\t0\t\t20.00\n' | LUONG_CONFIG=. luong-render -f table --box --locale xx
> Đã nhận báo cáo của 8/13 trường (61,54%); 5 trường chưa báo cáo.
>
> ┌─────┬──────────────────────────┬───────────────────┬──────────────────────────────────────┐
> │     │                          │                   │ Học GDNN                             │
> │     │                          │                   ├───────────┬──────────────────────────┤
> │ STT │ Huyện, thị xã, thành phố │ Số trường báo cáo │ Thực hiện │                 Chỉ tiêu │
> ├─────┼──────────────────────────┼───────────────────┼───────────┼──────────────────────────┤
> │  01 │ Tân An                   │               8/8 │     37,36 │                    35,09 │
> │  02 │ Thủ Thừa                 │               0/5 │ Chưa nhận được báo cáo nào của huyện │
> └─────┴──────────────────────────┴───────────────────┴──────────────────────────────────────┘
! luong-render: 2 rows read, 1 table (report layout) written as table
