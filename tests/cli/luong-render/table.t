# luong-render -f table: the report layout of luong-rank's output, one
# table a level, numbers right-aligned in Vietnamese form.
$ luong-render -f table data/report.tsv
> Cấp trung học cơ sở
>
>                                Chương trình GDHN                           GV tư vấn HN                                Học GDNN
> STT  Huyện, thị xã, thành phố  Thực hiện  Chỉ tiêu  Chênh lệch  Kết quả    Thực hiện  Chỉ tiêu  Chênh lệch  Kết quả    Thực hiện  Chỉ tiêu  Chênh lệch  Kết quả    Xếp hạng
> ---  ------------------------  ---------  --------  ----------  ---------  ---------  --------  ----------  ---------  ---------  --------  ----------  ---------  --------
>  01  Thủ Thừa                     100,00       100        0,00  Đạt            92,86       100       -7,14  Không đạt      27,92     20,00       +7,92  Đạt               1
>  02  Tân An                       100,00       100        0,00  Đạt            91,67       100       -8,33  Không đạt      36,25     35,09       +1,16  Đạt               2
>  03  Bến Lức                      100,00       100        0,00  Đạt           100,00       100        0,00  Đạt            32,97     32,01       +0,96  Đạt               3
>  04  Châu Thành                    95,24       100       -4,76  Không đạt     100,00       100        0,00  Đạt            32,80     32,98       -0,18  Không đạt         4
> ---  ------------------------  ---------  --------  ----------  ---------  ---------  --------  ----------  ---------  ---------  --------  ----------  ---------  --------
>      Tổng cộng                     98,46       100       -1,54  Không đạt      96,92       100       -3,08  Không đạt      30,32     27,92       +2,40  Đạt
>
> Các chỉ tiêu:
>   Chương trình GDHN: Tỷ lệ % trường học có chương trình giáo dục hướng nghiệp gắn với hoạt động sản xuất, kinh doanh, dịch vụ của địa phương
>   GV tư vấn HN: Tỷ lệ % trường học có giáo viên kiêm nhiệm làm nhiệm vụ tư vấn hướng nghiệp đáp ứng yêu cầu về chuyên môn, nghiệp vụ
>   Học GDNN: Tỷ lệ % học sinh tốt nghiệp trung học cơ sở tiếp tục học tập tại các cơ sở giáo dục nghề nghiệp đào tạo trình độ sơ cấp, trung cấp
>
> Cấp trung học phổ thông
>
>                                Chương trình GDHN                           GV tư vấn HN                                Học GDNN
> STT  Huyện, thị xã, thành phố  Thực hiện  Chỉ tiêu  Chênh lệch  Kết quả    Thực hiện  Chỉ tiêu  Chênh lệch  Kết quả    Thực hiện  Chỉ tiêu  Chênh lệch  Kết quả    Xếp hạng
> ---  ------------------------  ---------  --------  ----------  ---------  ---------  --------  ----------  ---------  ---------  --------  ----------  ---------  --------
>  01  Tân An                       100,00       100        0,00  Đạt           100,00       100        0,00  Đạt            44,17     44,17        0,00  Đạt               1
>  02  Tân Thạnh                    100,00       100        0,00  Đạt            66,67       100      -33,33  Không đạt      65,12     65,12        0,00  Đạt               1
>  03  Cần Giuộc                     80,00       100      -20,00  Không đạt     100,00       100        0,00  Đạt            29,00     29,00        0,00  Đạt               1
>  04  Đức Hòa                      100,00       100        0,00  Đạt           100,00       100        0,00  Đạt            40,00     43,60       -3,60  Không đạt         4
> ---  ------------------------  ---------  --------  ----------  ---------  ---------  --------  ----------  ---------  ---------  --------  ----------  ---------  --------
>      Tổng cộng                     94,74       100       -5,26  Không đạt      94,74       100       -5,26  Không đạt      41,17     40,22       +0,95  Đạt
>
> Các chỉ tiêu:
>   Chương trình GDHN: Tỷ lệ % trường học có chương trình giáo dục hướng nghiệp gắn với hoạt động sản xuất, kinh doanh, dịch vụ của địa phương
>   GV tư vấn HN: Tỷ lệ % trường học có giáo viên kiêm nhiệm làm nhiệm vụ tư vấn hướng nghiệp đáp ứng yêu cầu về chuyên môn, nghiệp vụ
>   Học GDNN: Tỷ lệ % học sinh tốt nghiệp trung học phổ thông tiếp tục học tập tại các cơ sở giáo dục nghề nghiệp đào tạo trình độ cao đẳng
! luong-render: 10 rows read, 2 tables (report layout) written as table

# --title goes first; --box draws the table; a header without a group
# spans both header rows.
$ head -3 data/report.tsv | cut -f 1-9 | luong-render -f table --box --title 'Báo cáo quý I'
> Báo cáo quý I
>
> Cấp trung học cơ sở
>
> ┌─────┬──────────────────────────┬─────────────────────────────────────────────┐
> │     │                          │ Chương trình GDHN                           │
> │     │                          ├───────────┬──────────┬────────────┬─────────┤
> │ STT │ Huyện, thị xã, thành phố │ Thực hiện │ Chỉ tiêu │ Chênh lệch │ Kết quả │
> ├─────┼──────────────────────────┼───────────┼──────────┼────────────┼─────────┤
> │  01 │ Thủ Thừa                 │    100,00 │      100 │       0,00 │ Đạt     │
> │  02 │ Tân An                   │    100,00 │      100 │       0,00 │ Đạt     │
> └─────┴──────────────────────────┴───────────┴──────────┴────────────┴─────────┘
>
> Các chỉ tiêu:
>   Chương trình GDHN: Tỷ lệ % trường học có chương trình giáo dục hướng nghiệp gắn với hoạt động sản xuất, kinh doanh, dịch vụ của địa phương
! luong-render: 2 rows read, 1 table (report layout) written as table

# Box drawing of the whole report.
$ luong-render -f table --box data/report.tsv
> Cấp trung học cơ sở
>
> ┌─────┬──────────────────────────┬───────────────────────────────────────────────┬───────────────────────────────────────────────┬───────────────────────────────────────────────┬──────────┐
> │     │                          │ Chương trình GDHN                             │ GV tư vấn HN                                  │ Học GDNN                                      │          │
> │     │                          ├───────────┬──────────┬────────────┬───────────┼───────────┬──────────┬────────────┬───────────┼───────────┬──────────┬────────────┬───────────┤          │
> │ STT │ Huyện, thị xã, thành phố │ Thực hiện │ Chỉ tiêu │ Chênh lệch │ Kết quả   │ Thực hiện │ Chỉ tiêu │ Chênh lệch │ Kết quả   │ Thực hiện │ Chỉ tiêu │ Chênh lệch │ Kết quả   │ Xếp hạng │
> ├─────┼──────────────────────────┼───────────┼──────────┼────────────┼───────────┼───────────┼──────────┼────────────┼───────────┼───────────┼──────────┼────────────┼───────────┼──────────┤
> │  01 │ Thủ Thừa                 │    100,00 │      100 │       0,00 │ Đạt       │     92,86 │      100 │      -7,14 │ Không đạt │     27,92 │    20,00 │      +7,92 │ Đạt       │        1 │
> │  02 │ Tân An                   │    100,00 │      100 │       0,00 │ Đạt       │     91,67 │      100 │      -8,33 │ Không đạt │     36,25 │    35,09 │      +1,16 │ Đạt       │        2 │
> │  03 │ Bến Lức                  │    100,00 │      100 │       0,00 │ Đạt       │    100,00 │      100 │       0,00 │ Đạt       │     32,97 │    32,01 │      +0,96 │ Đạt       │        3 │
> │  04 │ Châu Thành               │     95,24 │      100 │      -4,76 │ Không đạt │    100,00 │      100 │       0,00 │ Đạt       │     32,80 │    32,98 │      -0,18 │ Không đạt │        4 │
> ├─────┼──────────────────────────┼───────────┼──────────┼────────────┼───────────┼───────────┼──────────┼────────────┼───────────┼───────────┼──────────┼────────────┼───────────┼──────────┤
> │     │ Tổng cộng                │     98,46 │      100 │      -1,54 │ Không đạt │     96,92 │      100 │      -3,08 │ Không đạt │     30,32 │    27,92 │      +2,40 │ Đạt       │          │
> └─────┴──────────────────────────┴───────────┴──────────┴────────────┴───────────┴───────────┴──────────┴────────────┴───────────┴───────────┴──────────┴────────────┴───────────┴──────────┘
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
> │  01 │ Tân An                   │    100,00 │      100 │       0,00 │ Đạt       │    100,00 │      100 │       0,00 │ Đạt       │     44,17 │    44,17 │       0,00 │ Đạt       │        1 │
> │  02 │ Tân Thạnh                │    100,00 │      100 │       0,00 │ Đạt       │     66,67 │      100 │     -33,33 │ Không đạt │     65,12 │    65,12 │       0,00 │ Đạt       │        1 │
> │  03 │ Cần Giuộc                │     80,00 │      100 │     -20,00 │ Không đạt │    100,00 │      100 │       0,00 │ Đạt       │     29,00 │    29,00 │       0,00 │ Đạt       │        1 │
> │  04 │ Đức Hòa                  │    100,00 │      100 │       0,00 │ Đạt       │    100,00 │      100 │       0,00 │ Đạt       │     40,00 │    43,60 │      -3,60 │ Không đạt │        4 │
> ├─────┼──────────────────────────┼───────────┼──────────┼────────────┼───────────┼───────────┼──────────┼────────────┼───────────┼───────────┼──────────┼────────────┼───────────┼──────────┤
> │     │ Tổng cộng                │     94,74 │      100 │      -5,26 │ Không đạt │     94,74 │      100 │      -5,26 │ Không đạt │     41,17 │    40,22 │      +0,95 │ Đạt       │          │
> └─────┴──────────────────────────┴───────────┴──────────┴────────────┴───────────┴───────────┴──────────┴────────────┴───────────┴───────────┴──────────┴────────────┴───────────┴──────────┘
>
> Các chỉ tiêu:
>   Chương trình GDHN: Tỷ lệ % trường học có chương trình giáo dục hướng nghiệp gắn với hoạt động sản xuất, kinh doanh, dịch vụ của địa phương
>   GV tư vấn HN: Tỷ lệ % trường học có giáo viên kiêm nhiệm làm nhiệm vụ tư vấn hướng nghiệp đáp ứng yêu cầu về chuyên môn, nghiệp vụ
>   Học GDNN: Tỷ lệ % học sinh tốt nghiệp trung học phổ thông tiếp tục học tập tại các cơ sở giáo dục nghề nghiệp đào tạo trình độ cao đẳng
! luong-render: 10 rows read, 2 tables (report layout) written as table

# No target field: the plain layout, every field as it comes; codes
# (*_code) as written, counts grouped, decimals padded per column.
$ cut -f 1-5,18 data/report.tsv | luong-render -f table
> level  district    district_code  programme_num  programme_den  vocational
> -----  ----------  -------------  -------------  -------------  ----------
> THCS   Thủ Thừa              804             14             14       27,92
> THCS   Tân An                794             12             12       36,25
> THCS   Bến Lức               803             18             18       32,97
> THCS   Châu Thành            808             20             21       32,80
> -----  ----------  -------------  -------------  -------------  ----------
> THCS   Tổng cộng              80             64             65       30,32
> THPT   Tân An                794              5              5       44,17
> THPT   Tân Thạnh             799              3              3       65,12
> THPT   Cần Giuộc             807              4              5       29,00
> THPT   Đức Hòa               802              6              6       40,00
> -----  ----------  -------------  -------------  -------------  ----------
> THPT   Tổng cộng              80             18             19       41,17
! luong-render: 10 rows read, 1 table (plain layout) written as table

# --layout plain on a report stream.
$ head -3 data/report.tsv | cut -f 1-3,22 | luong-render -f table --layout plain
> level  district  district_code  rank
> -----  --------  -------------  ----
> THCS   Thủ Thừa            804     1
> THCS   Tân An              794     2
! luong-render: 2 rows read, 1 table (plain layout) written as table

# NFC and NFD input align the same: the output is the same bytes.
$ printf 'district\tn\nTh\341\272\241nh H\303\263a\t1\nB\341\272\277n L\341\273\251c\t22\n' | luong-render -f table >"$T/nfc"
$ printf 'district\tn\nTha\314\243nh Ho\314\201a\t1\nBe\314\202\314\201n Lu\314\233\314\201c\t22\n' | luong-render -f table >"$T/nfd"
$ cmp "$T/nfc" "$T/nfd" && cat "$T/nfd"
> district    n
> ---------  --
> Thạnh Hóa   1
> Bến Lức    22
! luong-render: 2 rows read, 1 table (plain layout) written as table
! luong-render: 2 rows read, 1 table (plain layout) written as table

# Combining marks count 0, wide characters 2, in --box too.
$ printf 'name\tn\nx\314\243y\t1\n\346\235\261\344\272\254\t22\nabcd\t333\n' | luong-render -f table --box
> ┌──────┬─────┐
> │ name │   n │
> ├──────┼─────┤
> │ x̣y   │   1 │
> │ 東京 │  22 │
> │ abcd │ 333 │
> └──────┴─────┘
! luong-render: 3 rows read, 1 table (plain layout) written as table

# Control characters cannot reach the terminal: TAB and line breaks
# become spaces, an escape U+FFFD.
$ printf 'name\tn\na\\tb\\nc\t1\n\033[31mred\t2\n' | luong-render -f table
> name      n
> --------  -
> a b c     1
> �[31mred  2
! luong-render: 2 rows read, 1 table (plain layout) written as table

# Nor can the bidirectional controls, which reorder what follows them on
# the line (U+202E RIGHT-TO-LEFT OVERRIDE: "Trojan Source"): each shows
# by its name, counted in the column's width.  All eleven, in values, a
# header and the title; then a level's heading.
$ printf 'district\tn\342\200\256\nT\303\242n \342\200\256An\t1\n\330\234x\342\200\216\342\200\217\342\200\252\342\200\253\342\200\254\342\200\255\342\201\246\342\201\247\342\201\250\342\201\251\t3\n' | luong-render -f table --title "$(printf 'B\303\241o c\303\241o \342\200\2562023')"
$ printf 'level\tdistrict\tvocational\tvocational_target\nTHCS\342\201\247\tT\303\242n An\t1\t2\n' | luong-render -f table | head -1
> Báo cáo <U+202E>2023
>
> district                                                                                   n<U+202E>
> -----------------------------------------------------------------------------------------  ---------
> Tân <U+202E>An                                                                                     1
> <U+061C>x<U+200E><U+200F><U+202A><U+202B><U+202C><U+202D><U+2066><U+2067><U+2068><U+2069>          3
> THCS<U+2067>
! luong-render: 2 rows read, 1 table (plain layout) written as table
! luong-render: 1 row read, 1 table (report layout) written as table

# A header only: the table's headers and nothing else.
$ head -1 data/report.tsv | cut -f 1-3 | luong-render -f table --box
> ┌───────┬──────────┬───────────────┐
> │ level │ district │ district_code │
> └───────┴──────────┴───────────────┘
! luong-render: 0 rows read, 1 table (plain layout) written as table

# A long header wraps at spaces, at the wider of 24 columns and its
# longest word; a header with no space stays whole.
$ printf 'district\tTỷ lệ học sinh tốt nghiệp tiếp tục học tại cơ sở GDNN\tvery_long_field_name_without_spaces\nA\t27.5\t2\n' | luong-render -f table
>                 Tỷ lệ học sinh tốt
>            nghiệp tiếp tục học tại
> district                cơ sở GDNN  very_long_field_name_without_spaces
> --------  ------------------------  -----------------------------------
> A                             27,5                                    2
! luong-render: 1 row read, 1 table (plain layout) written as table

# A field with no name is not a stream (luong-stream(5)): nothing to
# lay out.
$ printf '\t\nx\t1\n' | luong-render -f table --box
! luong-render: <stdin>:1: field 1 of the header has no name
? 2
