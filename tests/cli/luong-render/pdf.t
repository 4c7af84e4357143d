# -f pdf: A4 landscape, the fonts embedded, the document's dates from
# SOURCE_DATE_EPOCH (cairo 1.16 would write the current time).
$ SOURCE_DATE_EPOCH=1678147200 luong-render -f pdf -o "$T/r.pdf" data/report.tsv
$ pdfinfo -isodates "$T/r.pdf" | grep -E '^(Title|Creator|CreationDate|ModDate|Pages|Page size):'
> Title:           Kết quả thực hiện chỉ tiêu giáo dục hướng nghiệp và định hướng phân luồng học sinh
> Creator:         luong-render
> CreationDate:    2023-03-07T00:00:00Z
> ModDate:         2023-03-07T00:00:00Z
> Pages:           3
> Page size:       841.89 x 595.276 pts (A4)
! luong-render: 10 rows read, 2 tables (report layout) written as pdf

# Every face is Liberation Serif (Times New Roman's metrics, Vietnamese
# covered), embedded as a subset.
$ luong-render -f pdf data/report.tsv >"$T/r.pdf"
$ pdffonts "$T/r.pdf" | awk 'NR > 2 { sub(/^[A-Z]+\+/, "", $1); print $1, "emb=" $(NF-4), "sub=" $(NF-3) }' | sort -u
> LiberationSerif emb=yes sub=yes
> LiberationSerif-Bold emb=yes sub=yes
> LiberationSerif-BoldItalic emb=yes sub=yes
> LiberationSerif-Italic emb=yes sub=yes
! luong-render: 10 rows read, 2 tables (report layout) written as pdf

# The header block of Nghị định 30/2020/NĐ-CP, as text: the issuing body,
# the national title and motto, the date line (in Vietnam's time:
# 2023-03-06 17:30 UTC is the 7th there), the title.
$ SOURCE_DATE_EPOCH=1678123800 luong-render -f pdf data/report.tsv | pdftotext -l 1 - - | sed -n 1,9p
> UBND TỈNH LONG AN
> SỞ GIÁO DỤC VÀ ĐÀO TẠO
>
> CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
>
> Độc lập - Tự do - Hạnh phúc
> Long An, ngày 07 tháng 3 năm 2023
>
> Kết quả thực hiện chỉ tiêu giáo dục hướng nghiệp và định hướng phân luồng học sinh
! luong-render: 10 rows read, 2 tables (report layout) written as pdf

# The 15 districts of the THCS table and its total, on the first page,
# figures in the Vietnamese form (a district without a vocational rate
# is not ranked).
$ luong-rank -p level --total district='Tổng cộng' data/joined-2023.tsv 2>/dev/null | luong-render -f pdf | pdftotext -layout -l 1 - - | grep -E '^ *([0-9][0-9] |Tổng cộng|Cấp)' | tr -s ' ' | sed 's/^ //'
> Cấp trung học cơ sở
> 01 Cần Đước 100,00 100 0,00 Đạt 75,00 100 -25,00 Không đạt 11,52 10,01 +1,51 Đạt 1
> 02 Vĩnh Hưng 100,00 100 0,00 Đạt 60,00 100 -40,00 Không đạt 18,61 17,47 +1,14 Đạt 2
> 03 Châu Thành 100,00 100 0,00 Đạt 87,50 100 -12,50 Không đạt 33,62 32,98 +0,64 Đạt 3
> 04 Mộc Hóa 92,86 100 -7,14 Không đạt 92,86 100 -7,14 Không đạt 28,53 28,16 +0,37 Đạt 4
> 05 Thạnh Hóa 100,00 100 0,00 Đạt 100,00 100 0,00 Đạt 23,51 23,20 +0,31 Đạt 5
> 06 Đức Huệ 100,00 100 0,00 Đạt 100,00 100 0,00 Đạt 27,05 27,04 +0,01 Đạt 6
> 07 Tân An 100,00 100 0,00 Đạt 71,43 100 -28,57 Không đạt 35,09 35,09 0,00 Đạt 7
> 08 Tân Trụ 85,71 100 -14,29 Không đạt 100,00 100 0,00 Đạt 27,50 27,50 0,00 Đạt 7
> 09 Thủ Thừa 100,00 100 0,00 Đạt 100,00 100 0,00 Đạt 19,94 20,00 -0,06 Không đạt 9
> 10 Đức Hòa 100,00 100 0,00 Đạt 100,00 100 0,00 Đạt 37,80 37,87 -0,07 Không đạt 10
> 11 Tân Thạnh 94,12 100 -5,88 Không đạt 100,00 100 0,00 Đạt 32,43 32,86 -0,43 Không đạt 11
> 12 Bến Lức 100,00 100 0,00 Đạt 100,00 100 0,00 Đạt 31,56 32,01 -0,45 Không đạt 12
> 13 Tân Hưng 100,00 100 0,00 Đạt 100,00 100 0,00 Đạt 28,42 29,09 -0,67 Không đạt 13
> 14 Cần Giuộc 50,00 100 -50,00 Không đạt 100,00 100 0,00 Đạt 25,54 27,03 -1,49 Không đạt 14
> 15 Kiến Tường 100,00 100 0,00 Đạt 91,67 100 -8,33 Không đạt 29,81
> Tổng cộng 96,92 100 -3,08 Không đạt 95,38 100 -4,62 Không đạt 27,86 27,92 -0,06 Không đạt
! luong-render: 32 rows read, 2 tables (report layout) written as pdf

# The rows in the stream's order (the plan's, with --keep-order), the
# ranking rule under the table in the labels' words, on the table's page;
# --sort rank lists them by rank, as the other formats do.
$ luong-rank -p level -b met_count -b vocational_gap --keep-order --total district='Tổng cộng' data/joined-2023.tsv 2>/dev/null >"$T/r.tsv" && luong-render -f pdf "$T/r.tsv" | pdftotext -layout -l 1 - - | grep -E '^ *(0[1-3] |Tổng cộng|Xếp hạng)' | tr -s ' ' | sed 's/^ //'
> 01 Tân An 100,00 100 0,00 Đạt 71,43 100 -28,57 Không đạt 35,09 35,09 0,00 Đạt 6
> 02 Châu Thành 100,00 100 0,00 Đạt 87,50 100 -12,50 Không đạt 33,62 32,98 +0,64 Đạt 5
> 03 Tân Trụ 85,71 100 -14,29 Không đạt 100,00 100 0,00 Đạt 27,50 27,50 0,00 Đạt 6
> Tổng cộng 96,92 100 -3,08 Không đạt 95,38 100 -4,62 Không đạt 27,86 27,92 -0,06 Không đạt
> Xếp hạng theo số chỉ tiêu đạt, sau đó theo chênh lệch tỷ lệ học GDNN so với chỉ tiêu.
! luong-render: 32 rows read, 2 tables (report layout) written as pdf

$ luong-rank -p level -b met_count -b vocational_gap --keep-order --total district='Tổng cộng' data/joined-2023.tsv 2>/dev/null | luong-render -f pdf --sort rank | pdftotext -layout -l 1 - - | grep -E '^ *(0[1-3] |Xếp hạng)' | tr -s ' ' | sed 's/^ //'
> 01 Thạnh Hóa 100,00 100 0,00 Đạt 100,00 100 0,00 Đạt 23,51 23,20 +0,31 Đạt 1
> 02 Đức Huệ 100,00 100 0,00 Đạt 100,00 100 0,00 Đạt 27,05 27,04 +0,01 Đạt 2
> 03 Cần Đước 100,00 100 0,00 Đạt 75,00 100 -25,00 Không đạt 11,52 10,01 +1,51 Đạt 3
> Xếp hạng theo số chỉ tiêu đạt, sau đó theo chênh lệch tỷ lệ học GDNN so với chỉ tiêu.
! luong-render: 32 rows read, 2 tables (report layout) written as pdf

# The same input gives the same bytes under SOURCE_DATE_EPOCH, a second
# later too; another time, another document.
$ SOURCE_DATE_EPOCH=1678147200 luong-render -f pdf data/report.tsv >"$T/a.pdf"
$ sleep 1; SOURCE_DATE_EPOCH=1678147200 luong-render -f pdf -o "$T/b.pdf" data/report.tsv
$ cmp "$T/a.pdf" "$T/b.pdf" && echo same
$ SOURCE_DATE_EPOCH=1678233600 luong-render -f pdf data/report.tsv >"$T/c.pdf"; cmp -s "$T/a.pdf" "$T/c.pdf" || echo differs
> same
> differs
! luong-render: 10 rows read, 2 tables (report layout) written as pdf
! luong-render: 10 rows read, 2 tables (report layout) written as pdf
! luong-render: 10 rows read, 2 tables (report layout) written as pdf

# The charts: one per indicator and table, each titled with the level and
# the indicator's wording, the districts named, the values in the
# Vietnamese form.
$ LUONG_STATS_FD=3 luong-render -f pdf data/report.tsv 3>"$T/st" | pdftotext -layout - - | grep -c 'Cấp trung học .* — Tỷ lệ %'; cut -f 8 "$T/st"
> 6
> charts
> 6
! luong-render: 10 rows read, 2 tables (report layout) written as pdf

$ luong-render -f pdf data/tiny.tsv | pdftotext -layout - - | grep -E 'Học GDNN$|Tân An|Đức Hòa|Trang' | tr -s ' ' | sed 's/^ //'
> Học GDNN
> 01 Tân An 36,25 35,09 Đạt
> 02 Đức Hòa 20,00 37,87 Không đạt
> Học GDNN
> Tân An 36,25
> Đức Hòa 20,00
> Trang 1/1
! luong-render: 2 rows read, 1 table (report layout) written as pdf

# Coverage: the note above the table, "Chưa báo cáo" over the values of a
# district none of whose schools reported and instead of its bars, the
# total named with its schools in the charts (one district of the
# sample has not reported: its row and its three charts).
$ luong-render -f pdf data/coverage.tsv | pdftotext -layout -l 1 - - | grep -E '^ *([0-9][0-9] |Tổng cộng|Đã nhận)' | tr -s ' ' | sed 's/^ //'
> Đã nhận báo cáo của 51/66 trường (77,27%); 15 trường chưa báo cáo.
> 01 Tân An 12/12 100,00 100 0,00 Đạt 91,67 100 -8,33 Không đạt 36,25 35,09 +1,16 Đạt 1
> 02 Bến Lức 18/19 100,00 100 0,00 Đạt 100,00 100 0,00 Đạt 32,97 32,01 +0,96 Đạt 2
> 03 Châu Thành 21/21 95,24 100 -4,76 Không đạt 100,00 100 0,00 Đạt 32,80 32,98 -0,18 Không đạt 3
> 04 Thủ Thừa 0/14 Chưa báo cáo
> Tổng cộng 51/66 98,04 100 -1,96 Không đạt 98,04 100 -1,96 Không đạt 33,64 27,92 +5,72 Đạt
> Tổng cộng (51/66 trường) 98,04
! luong-render: 10 rows read, 2 tables (report layout) written as pdf

$ luong-render -f pdf data/coverage.tsv | pdftotext -layout - - | grep -c 'Chưa báo cáo'
> 4
! luong-render: 10 rows read, 2 tables (report layout) written as pdf

# A table longer than a page runs over to the next with its header
# again; the total row is never left alone on a page.  A chart taller than
# a page does the same, its title and legend repeated.
$ awk 'BEGIN { print "district\tvocational\tvocational_target"; for (i = 1; i <= 60; i++) printf "Xã %02d\t%d.50\t30\n", i, i; print "Tổng cộng\t30.5\t30" }' >"$T/s.tsv"
$ luong-render -f pdf -o "$T/s.pdf" "$T/s.tsv"
$ n=$(pdfinfo "$T/s.pdf" | awk '/^Pages:/ { print $2 }'); for p in $(seq 1 "$n"); do pdftotext -layout -f $p -l $p "$T/s.pdf" - | awk -v p=$p '/STT/ { h++ } /^Học GDNN/ { c++ } /^ *[0-9][0-9] / { if (!f) f = $1; l = $1 } /^ *Tổng cộng/ { t = 1 } END { print "page " p ": " h + 0 " header, " c + 0 " chart title, rows " (f ? f "-" l : "none") (t ? ", total" : "") }'; done
> page 1: 1 header, 0 chart title, rows 01-20
> page 2: 1 header, 0 chart title, rows 21-45
> page 3: 1 header, 1 chart title, rows 46-60, total
> page 4: 0 header, 1 chart title, rows none
> page 5: 0 header, 1 chart title, rows none, total
! luong-render: 61 rows read, 1 table (report layout) written as pdf

# A table too wide for the page, even set small, is split into tables of
# the columns that fit, the first column (the district) in each.
$ awk 'BEGIN { printf "district"; for (c = 1; c <= 40; c++) printf "\tfield_%02d", c; print ""; for (r = 1; r <= 3; r++) { printf "Xã %d", r; for (c = 1; c <= 40; c++) printf "\t%d.25", 10000 * c + r; print "" } }' | luong-render -f pdf | pdftotext -layout - - | grep -E '^ *district' | awk '{ print $1, $2, $NF }'
> district field_01 field_16
> district field_17 field_31
> district field_32 field_40
! luong-render: 3 rows read, 1 table (plain layout) written as pdf

# --issuer (again for each line, the issuing body last), --place and
# --date give the header block; in English, the labels of labels-en.yaml.
$ luong-render -f pdf --issuer 'ỦY BAN NHÂN DÂN TỈNH TÂY NINH' --issuer 'SỞ GIÁO DỤC VÀ ĐÀO TẠO' --place 'Tây Ninh' --date 2025-01-05 data/tiny.tsv | pdftotext -l 1 - - | sed -n '1,2p;7p'
> ỦY BAN NHÂN DÂN TỈNH TÂY NINH
> SỞ GIÁO DỤC VÀ ĐÀO TẠO
> Tây Ninh, ngày 05 tháng 01 năm 2025
! luong-render: 2 rows read, 1 table (report layout) written as pdf

$ luong-render -f pdf --issuer 'ỦY BAN NHÂN DÂN TỈNH LONG AN' --date 2023-12-15 data/tiny.tsv | pdftotext -l 1 - - | sed -n '1,6p'
> ỦY BAN NHÂN DÂN TỈNH LONG AN
>
> CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
>
> Độc lập - Tự do - Hạnh phúc
> Long An, ngày 15 tháng 12 năm 2023
! luong-render: 2 rows read, 1 table (report layout) written as pdf

$ luong-render -f pdf --locale en --date 2023-03-07 data/tiny.tsv | pdftotext -layout - - | grep -E 'REPUBLIC|Independence|Long An,|Page' | tr -s ' ' | sed 's/^ //'
> LONG AN PROVINCIAL PEOPLE'S COMMITTEE SOCIALIST REPUBLIC OF VIETNAM
> DEPARTMENT OF EDUCATION AND TRAINING Independence - Freedom - Happiness
> Long An, 07/03/2023
> Page 1 of 1
! luong-render: 2 rows read, 1 table (report layout) written as pdf

# The other formats ignore them.
$ luong-render -f tsv --issuer X --place Y --date 2023-01-01 data/tiny.tsv
> STT	Huyện, thị xã, thành phố	Học GDNN: Thực hiện	Học GDNN: Chỉ tiêu	Học GDNN: Kết quả
> 01	Tân An	36,25	35,09	Đạt
> 02	Đức Hòa	20,00	37,87	Không đạt
! luong-render: 2 rows read, 1 table (report layout) written as tsv

# Bad values of the options: usage errors, nothing written.
$ luong-render -f pdf --date 2023-3-7 data/tiny.tsv
! luong-render: --date: "2023-3-7" is not a date such as 2023-03-07
? 2

$ luong-render -f pdf --date 2023-02-29 data/tiny.tsv
! luong-render: --date: "2023-02-29": no such day
? 2

$ luong-render -f pdf --issuer '' data/tiny.tsv
! luong-render: --issuer: empty
? 2

$ luong-render -f pdf --place '  ' data/tiny.tsv
! luong-render: --place: empty
? 2

$ luong-render -f pdf --place "$(printf 'T\303y')" data/tiny.tsv
! luong-render: --place: not valid UTF-8
? 2

# Never to a terminal.
$ script -qec 'luong-render -f pdf data/tiny.tsv' /dev/null >"$T/o"; echo "status $?"; tr -d '\r' <"$T/o"
> status 2
> luong-render: refusing to write PDF to a terminal; use -o file or redirect standard output

# A full disk is a write error, status 1, with -o or without.
$ luong-render -f pdf data/tiny.tsv >/dev/full
! luong-render: <stdout>: write error: No space left on device
? 1

$ luong-render -f pdf -o /dev/full data/tiny.tsv
! luong-render: /dev/full: write error: No space left on device
? 1

# Nothing is cut to fit: a row taller than a page is an error at its
# file:line, and no document is written.
$ awk 'BEGIN { print "district\tnote"; print "Tân An\tngắn"; printf "Đức Hòa\t"; for (i = 0; i < 12000; i++) printf "chữ "; print "" }' >"$T/t.tsv"
$ cd "$T" && luong-render -f pdf -o r.pdf t.tsv; echo "status $?"; ls
> status 1
> t.tsv
! luong-render: t.tsv:3: a row too tall for a page of the PDF (1795 points, the page holds 470)

# The words of the header block are keys of the labels file, required as
# every key is: issuer (a list, at least one line), place, nation, motto,
# date_line and page, templates whose placeholders are checked.
$ cd "$T" && sed '/^issuer:/d' "$TOP/config/labels-vi.yaml" >labels-xx.yaml && LUONG_CONFIG=. luong-render -f pdf --locale xx </dev/null
! luong-render: ./labels-xx.yaml:4:1: missing key "issuer"
? 2

$ cd "$T" && sed 's/^issuer: .*/issuer: []/' "$TOP/config/labels-vi.yaml" >labels-xx.yaml && LUONG_CONFIG=. luong-render -f table --locale xx </dev/null
! luong-render: ./labels-xx.yaml:103:9: issuer: an empty list; name the issuing body
? 2

$ cd "$T" && sed 's/^issuer: .*/issuer: SỞ GIÁO DỤC VÀ ĐÀO TẠO/' "$TOP/config/labels-vi.yaml" >labels-xx.yaml && LUONG_CONFIG=. luong-render -f table --locale xx </dev/null
! luong-render: ./labels-xx.yaml:103:9: issuer: expected a list, found a scalar
? 2

$ cd "$T" && sed '/^motto:/d' "$TOP/config/labels-vi.yaml" >labels-xx.yaml && LUONG_CONFIG=. luong-render -f table --locale xx </dev/null
! luong-render: ./labels-xx.yaml:4:1: missing key "motto"
? 2

$ cd "$T" && sed '/^date_line:/s/{month}/{thang}/' "$TOP/config/labels-vi.yaml" >labels-xx.yaml && LUONG_CONFIG=. luong-render -f table --locale xx </dev/null
! luong-render: ./labels-xx.yaml:107:12: date_line: unknown placeholder "{thang}"
? 2

$ cd "$T" && sed 's/^page: .*/page: "Trang {page}\/{total}"/' "$TOP/config/labels-vi.yaml" >labels-xx.yaml && LUONG_CONFIG=. luong-render -f table --locale xx </dev/null
! luong-render: ./labels-xx.yaml:78:7: page: unknown placeholder "{total}"
? 2

# The date line's {dd} and {mm} are two digits always; {day} and
# {month} as the decree writes them.
$ cd "$T" && sed 's/^date_line: .*/date_line: "{place}, {day}|{month} {dd}|{mm}\/{year}"/' "$TOP/config/labels-vi.yaml" >labels-xx.yaml && for d in 2023-03-07 2023-02-01 2023-11-25; do LUONG_CONFIG=. luong-render -f pdf --locale xx --date $d "$TOP/tests/cli/luong-render/data/tiny.tsv" 2>/dev/null | pdftotext -l 1 - - | grep '^Long An'; done
> Long An, 07|3 07|03/2023
> Long An, 01|02 01|02/2023
> Long An, 25|11 25|11/2023

# The same in a table split into several: the row's line, whichever part
# of the table it is in.
$ awk 'BEGIN { printf "district"; for (c = 1; c <= 40; c++) printf "\tfield_%02d", c; print ""; for (r = 1; r <= 3; r++) { printf "Xã %d", r; for (c = 1; c <= 40; c++) { if (r == 2 && c == 35) { for (i = 0; i < 12000; i++) printf "%schữ", i ? " " : "\t" } else printf "\t%d.25", 10000 * c + r }; print "" } }' >"$T/w.tsv"
$ cd "$T" && luong-render -f pdf w.tsv >/dev/null
! luong-render: w.tsv:3: a row too tall for a page of the PDF (1795 points, the page holds 470)
? 1
