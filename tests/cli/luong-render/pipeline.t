# luong-rank's real output, both levels of Long An (data/joined-2023.tsv is
# luong-join's output for the bundled samples): ranked within each level,
# total rows last, rendered in every format.  Kiến Tường THCS has no
# vocational rate, so it has no rank (luong-rank(1), Rows without values).
$ luong-rank -p level --total district='Tổng cộng' data/joined-2023.tsv 2>/dev/null | luong-render -f table --box
> Cấp trung học cơ sở
>
> ┌─────┬──────────────────────────┬───────────────────────────────────────────────┬───────────────────────────────────────────────┬───────────────────────────────────────────────┬──────────┐
> │     │                          │ Chương trình GDHN                             │ GV tư vấn HN                                  │ Học GDNN                                      │          │
> │     │                          ├───────────┬──────────┬────────────┬───────────┼───────────┬──────────┬────────────┬───────────┼───────────┬──────────┬────────────┬───────────┤          │
> │ STT │ Huyện, thị xã, thành phố │ Thực hiện │ Chỉ tiêu │ Chênh lệch │ Kết quả   │ Thực hiện │ Chỉ tiêu │ Chênh lệch │ Kết quả   │ Thực hiện │ Chỉ tiêu │ Chênh lệch │ Kết quả   │ Xếp hạng │
> ├─────┼──────────────────────────┼───────────┼──────────┼────────────┼───────────┼───────────┼──────────┼────────────┼───────────┼───────────┼──────────┼────────────┼───────────┼──────────┤
> │  01 │ Cần Đước                 │    100,00 │      100 │       0,00 │ Đạt       │     75,00 │      100 │     -25,00 │ Không đạt │     11,52 │    10,01 │      +1,51 │ Đạt       │        1 │
> │  02 │ Vĩnh Hưng                │    100,00 │      100 │       0,00 │ Đạt       │     60,00 │      100 │     -40,00 │ Không đạt │     18,61 │    17,47 │      +1,14 │ Đạt       │        2 │
> │  03 │ Châu Thành               │    100,00 │      100 │       0,00 │ Đạt       │     87,50 │      100 │     -12,50 │ Không đạt │     33,62 │    32,98 │      +0,64 │ Đạt       │        3 │
> │  04 │ Mộc Hóa                  │     92,86 │      100 │      -7,14 │ Không đạt │     92,86 │      100 │      -7,14 │ Không đạt │     28,53 │    28,16 │      +0,37 │ Đạt       │        4 │
> │  05 │ Thạnh Hóa                │    100,00 │      100 │       0,00 │ Đạt       │    100,00 │      100 │       0,00 │ Đạt       │     23,51 │    23,20 │      +0,31 │ Đạt       │        5 │
> │  06 │ Đức Huệ                  │    100,00 │      100 │       0,00 │ Đạt       │    100,00 │      100 │       0,00 │ Đạt       │     27,05 │    27,04 │      +0,01 │ Đạt       │        6 │
> │  07 │ Tân An                   │    100,00 │      100 │       0,00 │ Đạt       │     71,43 │      100 │     -28,57 │ Không đạt │     35,09 │    35,09 │       0,00 │ Đạt       │        7 │
> │  08 │ Tân Trụ                  │     85,71 │      100 │     -14,29 │ Không đạt │    100,00 │      100 │       0,00 │ Đạt       │     27,50 │    27,50 │       0,00 │ Đạt       │        7 │
> │  09 │ Thủ Thừa                 │    100,00 │      100 │       0,00 │ Đạt       │    100,00 │      100 │       0,00 │ Đạt       │     19,94 │    20,00 │      -0,06 │ Không đạt │        9 │
> │  10 │ Đức Hòa                  │    100,00 │      100 │       0,00 │ Đạt       │    100,00 │      100 │       0,00 │ Đạt       │     37,80 │    37,87 │      -0,07 │ Không đạt │       10 │
> │  11 │ Tân Thạnh                │     94,12 │      100 │      -5,88 │ Không đạt │    100,00 │      100 │       0,00 │ Đạt       │     32,43 │    32,86 │      -0,43 │ Không đạt │       11 │
> │  12 │ Bến Lức                  │    100,00 │      100 │       0,00 │ Đạt       │    100,00 │      100 │       0,00 │ Đạt       │     31,56 │    32,01 │      -0,45 │ Không đạt │       12 │
> │  13 │ Tân Hưng                 │    100,00 │      100 │       0,00 │ Đạt       │    100,00 │      100 │       0,00 │ Đạt       │     28,42 │    29,09 │      -0,67 │ Không đạt │       13 │
> │  14 │ Cần Giuộc                │     50,00 │      100 │     -50,00 │ Không đạt │    100,00 │      100 │       0,00 │ Đạt       │     25,54 │    27,03 │      -1,49 │ Không đạt │       14 │
> │  15 │ Kiến Tường               │    100,00 │      100 │       0,00 │ Đạt       │     91,67 │      100 │      -8,33 │ Không đạt │           │    29,81 │            │           │          │
> ├─────┼──────────────────────────┼───────────┼──────────┼────────────┼───────────┼───────────┼──────────┼────────────┼───────────┼───────────┼──────────┼────────────┼───────────┼──────────┤
> │     │ Tổng cộng                │     96,92 │      100 │      -3,08 │ Không đạt │     95,38 │      100 │      -4,62 │ Không đạt │     27,86 │    27,92 │      -0,06 │ Không đạt │          │
> └─────┴──────────────────────────┴───────────┴──────────┴────────────┴───────────┴───────────┴──────────┴────────────┴───────────┴───────────┴──────────┴────────────┴───────────┴──────────┘
>
> Xếp hạng theo chênh lệch tỷ lệ học GDNN so với chỉ tiêu.
>
> Các chỉ tiêu:
>   Chương trình GDHN: Tỷ lệ % trường học có chương trình giáo dục hướng nghiệp gắn với hoạt động sản xuất, kinh doanh, dịch vụ của địa phương
>   GV tư vấn HN: Tỷ lệ % trường học có giáo viên kiêm nhiệm làm nhiệm vụ tư vấn hướng nghiệp đáp ứng yêu cầu về chuyên môn, nghiệp vụ
>   Học GDNN: Tỷ lệ % học sinh tốt nghiệp trung học cơ sở tiếp tục học tập tại các cơ sở giáo dục nghề nghiệp đào tạo trình độ sơ cấp, trung cấp
>
> Cấp trung học phổ thông
>
> ┌─────┬──────────────────────────┬───────────────────────────────────────────────┬───────────────────────────────────────────────┬───────────────────────────────────────────────┬──────────┐
> │     │                          │ Chương trình GDHN                             │ GV tư vấn HN                                  │ Học GDNN                                      │          │
> │     │                          ├───────────┬──────────┬────────────┬───────────┼───────────┬──────────┬────────────┬───────────┼───────────┬──────────┬────────────┬───────────┤          │
> │ STT │ Huyện, thị xã, thành phố │ Thực hiện │ Chỉ tiêu │ Chênh lệch │ Kết quả   │ Thực hiện │ Chỉ tiêu │ Chênh lệch │ Kết quả   │ Thực hiện │ Chỉ tiêu │ Chênh lệch │ Kết quả   │ Xếp hạng │
> ├─────┼──────────────────────────┼───────────┼──────────┼────────────┼───────────┼───────────┼──────────┼────────────┼───────────┼───────────┼──────────┼────────────┼───────────┼──────────┤
> │  01 │ Tân Thạnh                │     80,00 │      100 │     -20,00 │ Không đạt │     60,00 │      100 │     -40,00 │ Không đạt │     66,37 │    65,12 │      +1,25 │ Đạt       │        1 │
> │  02 │ Vĩnh Hưng                │      0,00 │      100 │    -100,00 │ Không đạt │      0,00 │      100 │    -100,00 │ Không đạt │     41,07 │    40,37 │      +0,70 │ Đạt       │        2 │
> │  03 │ Tân An                   │    100,00 │      100 │       0,00 │ Đạt       │    100,00 │      100 │       0,00 │ Đạt       │     44,73 │    44,17 │      +0,56 │ Đạt       │        3 │
> │  04 │ Châu Thành               │    100,00 │      100 │       0,00 │ Đạt       │    100,00 │      100 │       0,00 │ Đạt       │     43,39 │    42,94 │      +0,45 │ Đạt       │        4 │
> │  05 │ Thủ Thừa                 │    100,00 │      100 │       0,00 │ Đạt       │    100,00 │      100 │       0,00 │ Đạt       │     25,66 │    25,55 │      +0,11 │ Đạt       │        5 │
> │  06 │ Tân Trụ                  │    100,00 │      100 │       0,00 │ Đạt       │    100,00 │      100 │       0,00 │ Đạt       │     43,07 │    43,07 │       0,00 │ Đạt       │        6 │
> │  07 │ Mộc Hóa                  │     60,00 │      100 │     -40,00 │ Không đạt │    100,00 │      100 │       0,00 │ Đạt       │     42,85 │    42,86 │      -0,01 │ Không đạt │        7 │
> │  08 │ Cần Đước                 │    100,00 │      100 │       0,00 │ Đạt       │    100,00 │      100 │       0,00 │ Đạt       │     45,03 │    45,04 │      -0,01 │ Không đạt │        7 │
> │  09 │ Thạnh Hóa                │    100,00 │      100 │       0,00 │ Đạt       │    100,00 │      100 │       0,00 │ Đạt       │     22,82 │    22,86 │      -0,04 │ Không đạt │        9 │
> │  10 │ Đức Hòa                  │    100,00 │      100 │       0,00 │ Đạt       │    100,00 │      100 │       0,00 │ Đạt       │     43,50 │    43,60 │      -0,10 │ Không đạt │       10 │
> │  11 │ Cần Giuộc                │    100,00 │      100 │       0,00 │ Đạt       │    100,00 │      100 │       0,00 │ Đạt       │     28,64 │    29,00 │      -0,36 │ Không đạt │       11 │
> │  12 │ Kiến Tường               │    100,00 │      100 │       0,00 │ Đạt       │    100,00 │      100 │       0,00 │ Đạt       │     42,17 │    43,04 │      -0,87 │ Không đạt │       12 │
> │  13 │ Tân Hưng                 │    100,00 │      100 │       0,00 │ Đạt       │     66,67 │      100 │     -33,33 │ Không đạt │     42,45 │    43,71 │      -1,26 │ Không đạt │       13 │
> │  14 │ Đức Huệ                  │    100,00 │      100 │       0,00 │ Đạt       │    100,00 │      100 │       0,00 │ Đạt       │     39,28 │    41,22 │      -1,94 │ Không đạt │       14 │
> │  15 │ Bến Lức                  │      0,00 │      100 │    -100,00 │ Không đạt │    100,00 │      100 │       0,00 │ Đạt       │     42,30 │    45,05 │      -2,75 │ Không đạt │       15 │
> ├─────┼──────────────────────────┼───────────┼──────────┼────────────┼───────────┼───────────┼──────────┼────────────┼───────────┼───────────┼──────────┼────────────┼───────────┼──────────┤
> │     │ Tổng cộng                │     90,91 │      100 │      -9,09 │ Không đạt │     90,91 │      100 │      -9,09 │ Không đạt │     39,58 │    40,22 │      -0,64 │ Không đạt │          │
> └─────┴──────────────────────────┴───────────┴──────────┴────────────┴───────────┴───────────┴──────────┴────────────┴───────────┴───────────┴──────────┴────────────┴───────────┴──────────┘
>
> Xếp hạng theo chênh lệch tỷ lệ học GDNN so với chỉ tiêu.
>
> Các chỉ tiêu:
>   Chương trình GDHN: Tỷ lệ % trường học có chương trình giáo dục hướng nghiệp gắn với hoạt động sản xuất, kinh doanh, dịch vụ của địa phương
>   GV tư vấn HN: Tỷ lệ % trường học có giáo viên kiêm nhiệm làm nhiệm vụ tư vấn hướng nghiệp đáp ứng yêu cầu về chuyên môn, nghiệp vụ
>   Học GDNN: Tỷ lệ % học sinh tốt nghiệp trung học phổ thông tiếp tục học tập tại các cơ sở giáo dục nghề nghiệp đào tạo trình độ cao đẳng
! luong-render: 32 rows read, 2 tables (report layout) written as table

$ luong-rank -p level --total district='Tổng cộng' data/joined-2023.tsv 2>/dev/null | luong-render -f html >"$T/r.html" && xmllint --noout "$T/r.html" && grep -c '<svg ' "$T/r.html"
> 6
! luong-render: 32 rows read, 2 tables (report layout) written as html

# A district without data (Kiến Tường, THCS): empty cells, no bar, only
# its target marker.
$ luong-rank -p level --total district='Tổng cộng' data/joined-2023.tsv 2>/dev/null | luong-render -f html | grep -o '<g><title>Kiến Tường[^<]*</title><text[^>]*>[^<]*</text>[^g]*</g>' | head -1
> <g><title>Kiến Tường: — / Chỉ tiêu 29,81</title><text x="90.0" y="282.0" text-anchor="end">Kiến Tường</text><path d="M512.8 270.0v18" stroke="#000" stroke-width="2.5"/></g>
! luong-render: 32 rows read, 2 tables (report layout) written as html

$ luong-rank -p level --total district='Tổng cộng' data/joined-2023.tsv 2>/dev/null | luong-render -f xlsx -o "$T/r.xlsx" && unzip -p "$T/r.xlsx" xl/worksheets/sheet1.xml | grep -o '<autoFilter [^>]*>\|<c r="[K-N]20"[^>]*>'
> <c r="K20" s="5"/>
> <c r="L20" s="6">
> <c r="M20" s="5"/>
> <c r="N20" s="5"/>
> <autoFilter ref="A5:O20"/>
! luong-render: 32 rows read, 2 tables (report layout) written as xlsx

$ luong-rank -p level --total district='Tổng cộng' data/joined-2023.tsv 2>/dev/null | luong-render -f csv --locale en | tr -d '\r' | sed -n '1p;17p;$p'
> Level,No.,"District, town, city",Programme: Actual,Programme: Target,Programme: Gap,Programme: Result,Counsellor: Actual,Counsellor: Target,Counsellor: Gap,Counsellor: Result,Vocational: Actual,Vocational: Target,Vocational: Gap,Vocational: Result,Rank
> THCS,,Total,96.92,100,-3.08,Not met,95.38,100,-4.62,Not met,27.86,27.92,-0.06,Not met,
> THPT,,Total,90.91,100,-9.09,Not met,90.91,100,-9.09,Not met,39.58,40.22,-0.64,Not met,
! luong-render: 32 rows read, 2 tables (report layout) written as csv
