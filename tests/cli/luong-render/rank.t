# The report lists the districts in the stream's order — the plan's, the
# gazetteer's, when luong-rank keeps it (--keep-order) — with the rank a
# column; --sort rank gives the ranking view.  Under every table the
# ranking rule, from luong-rank's rank_rule, in words.

# The plan's order: STT is the district's place in the plan, the rank a
# column of its own.
$ luong-rank -p level -b met_count -b vocational_gap --keep-order --total district='Tổng cộng' data/joined-2023.tsv 2>/dev/null >"$T/r.tsv" && luong-render -f tsv "$T/r.tsv" | cut -f 1-3,16 | sed -n '1,6p;16,18p'
> Cấp học	STT	Huyện, thị xã, thành phố	Xếp hạng
> THCS	01	Tân An	6
> THCS	02	Châu Thành	5
> THCS	03	Tân Trụ	6
> THCS	04	Thủ Thừa	8
> THCS	05	Bến Lức	10
> THCS	15	Tân Hưng	11
> THCS		Tổng cộng	
> THPT	01	Tân An	1
! luong-render: 32 rows read, 2 tables (report layout) written as tsv

# --sort rank: within each level the ranked rows by rank (ties as they
# came), then those without a rank (Kiến Tường, no vocational figure),
# then the total; STT numbers the rows as shown.
$ luong-rank -p level -b met_count -b vocational_gap --keep-order --total district='Tổng cộng' data/joined-2023.tsv 2>/dev/null >"$T/r.tsv" && luong-render -f tsv --sort rank "$T/r.tsv" | cut -f 1-3,16 | sed -n '1,4p;7,9p;14,19p'
$ luong-rank -p level -b met_count -b vocational_gap --total district='Tổng cộng' data/joined-2023.tsv 2>/dev/null >"$T/a.tsv" && luong-rank -p level -b met_count -b vocational_gap --keep-order --total district='Tổng cộng' data/joined-2023.tsv 2>/dev/null | luong-render -f tsv --sort rank >"$T/b" && luong-render -f tsv "$T/a.tsv" | cut -f 3,16 >"$T/a" && cut -f 3,16 "$T/b" | cmp - "$T/a" && echo the ranking luong-rank writes
> Cấp học	STT	Huyện, thị xã, thành phố	Xếp hạng
> THCS	01	Thạnh Hóa	1
> THCS	02	Đức Huệ	2
> THCS	03	Cần Đước	3
> THCS	06	Tân An	6
> THCS	07	Tân Trụ	6
> THCS	08	Thủ Thừa	8
> THCS	13	Tân Thạnh	13
> THCS	14	Cần Giuộc	14
> THCS	15	Kiến Tường	
> THCS		Tổng cộng	
> THPT	01	Tân An	1
> THPT	02	Châu Thành	2
> the ranking luong-rank writes
! luong-render: 32 rows read, 2 tables (report layout) written as tsv
! luong-render: 32 rows read, 2 tables (report layout) written as tsv
! luong-render: 32 rows read, 2 tables (report layout) written as tsv

# The rule, in words, under the table: in the terminal table, Markdown,
# HTML and XLSX (a row of its own, across the table, after a blank row).
$ luong-rank -p level -b met_count -b vocational_gap --keep-order --total district='Tổng cộng' data/joined-2023.tsv 2>/dev/null >"$T/r.tsv" && luong-render -f table "$T/r.tsv" | grep -B1 -A1 '^Xếp hạng theo'
$ luong-rank -p level --keep-order --total district='Tổng cộng' data/joined-2023.tsv 2>/dev/null >"$T/r.tsv" && luong-render -f md "$T/r.tsv" | grep '^Xếp hạng theo'; luong-render -f html "$T/r.tsv" | grep -o '</table>\|<p class="rule">[^<]*</p>\|<div class="chart">' | sed -n 1,3p
$ luong-rank -p level --keep-order --total district='Tổng cộng' data/joined-2023.tsv 2>/dev/null | luong-render -f xlsx -o "$T/r.xlsx" && unzip -p "$T/r.xlsx" xl/worksheets/sheet1.xml | grep -o '<row r="2[1-4]"[^>]*><c r="[A-Z]*2[1-4]"\|<mergeCell ref="A23:[^"]*"/>' && unzip -p "$T/r.xlsx" xl/sharedStrings.xml | grep -o '<t>Xếp hạng theo[^<]*</t>'
>
> Xếp hạng theo số chỉ tiêu đạt, sau đó theo chênh lệch tỷ lệ học GDNN so với chỉ tiêu.
>
> --
>
> Xếp hạng theo số chỉ tiêu đạt, sau đó theo chênh lệch tỷ lệ học GDNN so với chỉ tiêu.
>
> Xếp hạng theo chênh lệch tỷ lệ học GDNN so với chỉ tiêu.
> Xếp hạng theo chênh lệch tỷ lệ học GDNN so với chỉ tiêu.
> </table>
> <p class="rule">Xếp hạng theo chênh lệch tỷ lệ học GDNN so với chỉ tiêu.</p>
> <div class="chart">
> <row r="21" spans="1:15"><c r="A21"
> <row r="23" spans="1:15" ht="14.85" customHeight="1"><c r="A23"
> <mergeCell ref="A23:O23"/>
> <t>Xếp hạng theo chênh lệch tỷ lệ học GDNN so với chỉ tiêu.</t>
! luong-render: 32 rows read, 2 tables (report layout) written as table
! luong-render: 32 rows read, 2 tables (report layout) written as md
! luong-render: 32 rows read, 2 tables (report layout) written as html
! luong-render: 32 rows read, 2 tables (report layout) written as xlsx

# English, and a rule the labels do not know: a key ranked smallest
# first says so; a field the labels have no words for is named as it
# is; a bad item is shown as written.
$ luong-rank -p level -b met_count -b vocational_gap --keep-order --total district='Tổng cộng' data/joined-2023.tsv 2>/dev/null | luong-render -f table --locale en | grep '^Ranked by'
$ printf 'district\tvocational\tvocational_target\trank\trank_rule\nTân An\t30\t29\t1\tdropout_rate:asc,vocational,x:sideways\n' | luong-render -f md | grep '^Xếp'
$ printf 'district\tvocational\tvocational_target\trank\trank_rule\nTân An\t30\t29\t1\tdropout_rate:asc,vocational:asc\n' | luong-render -f md --locale en | grep '^Ranked'
> Ranked by the number of targets met, then by the gap between the vocational rate and its target.
> Ranked by the number of targets met, then by the gap between the vocational rate and its target.
> Xếp hạng theo dropout\_rate (từ thấp đến cao), sau đó theo tỷ lệ học GDNN, sau đó theo x:sideways.
> Ranked by dropout\_rate (lowest first), then by the vocational rate (lowest first).
! luong-render: 32 rows read, 2 tables (report layout) written as table
! luong-render: 1 row read, 1 table (report layout) written as md
! luong-render: 1 row read, 1 table (report layout) written as md

# A stream saved before luong-rank wrote the rule: no rule stated; and
# CSV and TSV stay data, without it.
$ luong-render -f table data/report.tsv | grep -c 'Xếp hạng theo'
> 0
! luong-render: 10 rows read, 2 tables (report layout) written as table
? 1
$ luong-rank -p level --total district='Tổng cộng' data/joined-2023.tsv 2>/dev/null | luong-render -f csv | grep -c 'Xếp hạng theo'
> 0
! luong-render: 32 rows read, 2 tables (report layout) written as csv
? 1

# --sort rank needs a rank, and a rank is a whole number.
$ luong-render -f table --sort rank data/targets-2023.tsv
! luong-render: data/targets-2023.tsv: --sort rank: the stream has no "rank" field (luong-rank writes it)
? 1
$ printf 'district\tvocational\tvocational_target\trank\nTân An\t30\t29\t1\nTân Trụ\t30\t29\tđầu\n' | luong-render -f table --sort rank
! luong-render: <stdin>:3: field "rank": "đầu" is not a rank (a whole number)
? 1
$ luong-render -f table --sort alphabet data/report.tsv
! luong-render: --sort: unknown order "alphabet"
? 2
