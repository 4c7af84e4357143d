# -f table fits the terminal: COLUMNS, else the terminal's width, else no
# limit.  Too wide, the gap columns go first, then the target columns
# (each indicator keeps its value and Đạt/Không đạt), then the headers
# are abbreviated; a table still too wide is split into several; one
# line says what was done, and every prose line wraps.  --wide keeps it
# all.  Widths are display widths, as text-width (text_width) counts.

# The bundled pipelines' stream at 80 and 120 columns, plain and boxed,
# in both languages: no line is wider.
$ w="${LUONG_TESTTOOLS:-$TOP/build/testtools}/text-width"; luong-rank -p level -b met_count -b vocational_gap --keep-order --total district='Tổng cộng' data/joined-2023.tsv 2>/dev/null >"$T/r.tsv" && for c in 80 120; do for o in "" --box "--locale en" "--box --locale en"; do COLUMNS=$c luong-render -f table $o "$T/r.tsv" 2>/dev/null | "$w" | awk -v c=$c -v o="$o" '$1 > c { n++ } $1 > m { m = $1 } END { print c, o ": " NR " lines, the widest " m ", " n + 0 " wider" }'; done; done
> 80 : 73 lines, the widest 80, 0 wider
> 80 --box: 79 lines, the widest 80, 0 wider
> 80 --locale en: 71 lines, the widest 80, 0 wider
> 80 --box --locale en: 77 lines, the widest 80, 0 wider
> 120 : 67 lines, the widest 119, 0 wider
> 120 --box: 73 lines, the widest 119, 0 wider
> 120 --locale en: 61 lines, the widest 114, 0 wider
> 120 --box --locale en: 67 lines, the widest 114, 0 wider

# At 80: the gaps and targets left out, the headers abbreviated, and the
# line that says so, with the abbreviations; the rule and the legend
# wrapped.  Kiến Tường has no vocational figure.
$ luong-rank -p level -b met_count -b vocational_gap --keep-order --total district='Tổng cộng' data/joined-2023.tsv 2>/dev/null | COLUMNS=80 luong-render -f table | sed -n '1,30p;/^Các chỉ tiêu/,$p' | head -40
> Bảng thu gọn cho vừa 80 cột: bỏ các cột Chênh lệch, Chỉ tiêu; tên cột viết tắt
> (TH: Thực hiện; KQ: Kết quả; KĐ: Không đạt; Hạng: Xếp hạng; Huyện/TX/TP: Huyện,
> thị xã, thành phố); xem đầy đủ với --wide.
>
> Cấp trung học cơ sở
>
>                   Chương       GV tư vấn    Học GDNN
>                   trình GDHN   HN
> STT  Huyện/TX/TP      TH  KQ       TH  KQ      TH  KQ   Hạng
> ---  -----------  ------  ---  ------  ---  -----  ---  ----
>  01  Tân An       100,00  Đạt   71,43  KĐ   35,09  Đạt     6
>  02  Châu Thành   100,00  Đạt   87,50  KĐ   33,62  Đạt     5
>  03  Tân Trụ       85,71  KĐ   100,00  Đạt  27,50  Đạt     6
>  04  Thủ Thừa     100,00  Đạt  100,00  Đạt  19,94  KĐ      8
>  05  Bến Lức      100,00  Đạt  100,00  Đạt  31,56  KĐ     10
>  06  Cần Đước     100,00  Đạt   75,00  KĐ   11,52  Đạt     3
>  07  Cần Giuộc     50,00  KĐ   100,00  Đạt  25,54  KĐ     14
>  08  Đức Hòa      100,00  Đạt  100,00  Đạt  37,80  KĐ      9
>  09  Đức Huệ      100,00  Đạt  100,00  Đạt  27,05  Đạt     2
>  10  Thạnh Hóa    100,00  Đạt  100,00  Đạt  23,51  Đạt     1
>  11  Tân Thạnh     94,12  KĐ   100,00  Đạt  32,43  KĐ     13
>  12  Mộc Hóa       92,86  KĐ    92,86  KĐ   28,53  Đạt    12
>  13  Kiến Tường   100,00  Đạt   91,67  KĐ
>  14  Vĩnh Hưng    100,00  Đạt   60,00  KĐ   18,61  Đạt     4
>  15  Tân Hưng     100,00  Đạt  100,00  Đạt  28,42  KĐ     11
> ---  -----------  ------  ---  ------  ---  -----  ---  ----
>      Tổng cộng     96,92  KĐ    95,38  KĐ   27,86  KĐ
>
> Xếp hạng theo số chỉ tiêu đạt, sau đó theo chênh lệch tỷ lệ học GDNN so với chỉ
> tiêu.
> Các chỉ tiêu:
>   Chương trình GDHN: Tỷ lệ % trường học có chương trình giáo dục hướng nghiệp
>     gắn với hoạt động sản xuất, kinh doanh, dịch vụ của địa phương
>   GV tư vấn HN: Tỷ lệ % trường học có giáo viên kiêm nhiệm làm nhiệm vụ tư vấn
>     hướng nghiệp đáp ứng yêu cầu về chuyên môn, nghiệp vụ
>   Học GDNN: Tỷ lệ % học sinh tốt nghiệp trung học cơ sở tiếp tục học tập tại các
>     cơ sở giáo dục nghề nghiệp đào tạo trình độ sơ cấp, trung cấp
>
> Cấp trung học phổ thông
>
! luong-render: 32 rows read, 2 tables (report layout) written as table

# At 120 only the gaps and targets go; the headers stay whole.
$ luong-rank -p level -b met_count -b vocational_gap --keep-order --total district='Tổng cộng' data/joined-2023.tsv 2>/dev/null | COLUMNS=120 luong-render -f table | sed -n '1,12p'
> Bảng thu gọn cho vừa 120 cột: bỏ các cột Chênh lệch, Chỉ tiêu; xem đầy đủ với --wide.
>
> Cấp trung học cơ sở
>
>                                Chương trình GDHN     GV tư vấn HN          Học GDNN
> STT  Huyện, thị xã, thành phố  Thực hiện  Kết quả    Thực hiện  Kết quả    Thực hiện  Kết quả    Xếp hạng
> ---  ------------------------  ---------  ---------  ---------  ---------  ---------  ---------  --------
>  01  Tân An                       100,00  Đạt            71,43  Không đạt      35,09  Đạt               6
>  02  Châu Thành                   100,00  Đạt            87,50  Không đạt      33,62  Đạt               5
>  03  Tân Trụ                       85,71  Không đạt     100,00  Đạt            27,50  Đạt               6
>  04  Thủ Thừa                     100,00  Đạt           100,00  Đạt            19,94  Không đạt         8
>  05  Bến Lức                      100,00  Đạt           100,00  Đạt            31,56  Không đạt        10
! luong-render: 32 rows read, 2 tables (report layout) written as table

# --wide: everything, however narrow the terminal; so does no limit
# (not a terminal, no COLUMNS) and a COLUMNS that is not a width.
$ luong-rank -p level --total district='Tổng cộng' data/joined-2023.tsv 2>/dev/null >"$T/r.tsv"; luong-render -f table "$T/r.tsv" >"$T/full" 2>/dev/null; COLUMNS=80 luong-render -f table --wide "$T/r.tsv" 2>/dev/null | cmp - "$T/full" && COLUMNS=abc luong-render -f table "$T/r.tsv" 2>/dev/null | cmp - "$T/full" && COLUMNS=0 luong-render -f table "$T/r.tsv" 2>/dev/null | cmp - "$T/full" && COLUMNS= luong-render -f table "$T/r.tsv" 2>/dev/null | cmp - "$T/full" && echo all the same; "${LUONG_TESTTOOLS:-$TOP/build/testtools}/text-width" "$T/full" | sort -n | tail -1
> all the same
> 171

# Wide enough: nothing changes, nothing said.
$ COLUMNS=300 luong-render -f table data/report.tsv >"$T/a" && luong-render -f table data/report.tsv | cmp - "$T/a" && echo same
> same
! luong-render: 10 rows read, 2 tables (report layout) written as table
! luong-render: 10 rows read, 2 tables (report layout) written as table

# At 40 even the abbreviated table is too wide: it is split, STT and the
# district in each part, an indicator's columns kept together.
$ luong-rank -p level -b met_count -b vocational_gap --keep-order --total district='Tổng cộng' data/joined-2023.tsv 2>/dev/null | COLUMNS=40 luong-render -f table --locale en >"$T/t" && sed -n '1,10p' "$T/t" && grep -c '^No\.' "$T/t" && "${LUONG_TESTTOOLS:-$TOP/build/testtools}/text-width" "$T/t" | sort -n | tail -1
> Table narrowed to fit 40 columns: Gap,
> Target left out; headers abbreviated
> (Act.: Actual; Met?: Result; Yes: Met;
> No: Not met; District: District, town,
> city); columns split into 3 tables;
> --wide shows it all.
>
> Lower secondary (THCS)
>
>                  Programme
> 6
> 40
! luong-render: 32 rows read, 2 tables (report layout) written as table

# The plain layout is split too, the first column and the district in
# every part; the appendix uses the indicators' short names, in its
# legend; the note on the schools wraps.
$ COLUMNS=70 luong-render -f table --layout plain data/report.tsv | sed -n '1,4p;14,16p'
$ COLUMNS=60 luong-render -f table --layout appendix data/targets-2023.tsv | sed -n '1,12p;/^Các chỉ tiêu/,$p' | head -24
$ COLUMNS=50 luong-render -f table data/coverage.tsv | sed -n '1,9p'
> Bảng thu gọn cho vừa 70 cột: chia cột làm 7 bảng; xem đầy đủ với
> --wide.
>
> level  district    district_code  programme_num  programme_den
> THPT   Cần Giuộc             807              4              5
> THPT   Đức Hòa               802              6              6
> -----  ----------  -------------  -------------  -------------
> Bảng thu gọn cho vừa 60 cột: tên cột viết tắt (Huyện/TX/TP:
> Huyện, thị xã, thành phố); xem đầy đủ với --wide.
>
> I. Cấp trung học cơ sở
>
>                   Chương
>                    trình   GV tư     Học
> STT  Huyện/TX/TP    GDHN  vấn HN    GDNN
> ---  -----------  ------  ------  ------
>  01  Tân An          100     100   35,09
>  02  Châu Thành      100     100   32,98
>  03  Tân Trụ         100     100   27,50
> Các chỉ tiêu:
>   Chương trình GDHN: Tỷ lệ % trường học có chương trình giáo
>     dục hướng nghiệp gắn với hoạt động sản xuất, kinh doanh,
>     dịch vụ của địa phương
>   GV tư vấn HN: Tỷ lệ % trường học có giáo viên kiêm nhiệm
>     làm nhiệm vụ tư vấn hướng nghiệp đáp ứng yêu cầu về
>     chuyên môn, nghiệp vụ
>   Học GDNN: Tỷ lệ % học sinh tốt nghiệp trung học cơ sở tiếp
>     tục học tập tại các cơ sở giáo dục nghề nghiệp đào tạo
>     trình độ sơ cấp, trung cấp
>
> II. Cấp trung học phổ thông
> Bảng thu gọn cho vừa 50 cột: bỏ các cột Chênh
> lệch, Chỉ tiêu; tên cột viết tắt (TH: Thực hiện;
> KQ: Kết quả; KĐ: Không đạt; Hạng: Xếp hạng; Số
> trường: Số trường báo cáo; Huyện/TX/TP: Huyện, thị
> xã, thành phố); chia cột làm 2 bảng; xem đầy đủ
> với --wide.
>
> Cấp trung học cơ sở
>
! luong-render: 10 rows read, 1 table (plain layout) written as table
! luong-render: 32 rows read, 2 tables (appendix layout) written as table
! luong-render: 10 rows read, 2 tables (report layout) written as table

# A word wider than the line is broken between characters, never before
# a combining mark: x with a tilde has no precomposed form, so its U+0303
# stays after it, in NFC too.
$ printf 'district\tvocational\tvocational_target\nTân An\t1\t2\n' | COLUMNS=12 luong-render -f table --title "$(printf 'Tx\314\203x\314\203x\314\203x\314\203x\314\203x\314\203x\314\203x\314\203x\314\203x\314\203x\314\203x\314\203x\314\203 nữa')" | head -3
> Tx̃x̃x̃x̃x̃x̃x̃x̃x̃x̃x̃
> x̃x̃ nữa
>
! luong-render: 1 row read, 1 table (report layout) written as table

# --wide is for the table only.
$ luong-render -f md --wide data/report.tsv
! luong-render: --wide: only with -f table
? 2
