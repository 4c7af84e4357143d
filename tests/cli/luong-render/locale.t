# --locale en: English labels, "." decimal point, "," grouping.
$ luong-render -f table --locale en data/report.tsv
> Lower secondary (THCS)
>
>                            Programme                       Counsellor                      Vocational
> No.  District, town, city  Actual  Target    Gap  Result   Actual  Target    Gap  Result   Actual  Target    Gap  Result   Rank
> ---  --------------------  ------  ------  -----  -------  ------  ------  -----  -------  ------  ------  -----  -------  ----
>  01  Thủ Thừa              100.00     100   0.00  Met       92.86     100  -7.14  Not met   27.92   20.00  +7.92  Met         1
>  02  Tân An                100.00     100   0.00  Met       91.67     100  -8.33  Not met   36.25   35.09  +1.16  Met         2
>  03  Bến Lức               100.00     100   0.00  Met      100.00     100   0.00  Met       32.97   32.01  +0.96  Met         3
>  04  Châu Thành             95.24     100  -4.76  Not met  100.00     100   0.00  Met       32.80   32.98  -0.18  Not met     4
> ---  --------------------  ------  ------  -----  -------  ------  ------  -----  -------  ------  ------  -----  -------  ----
>      Total                  98.46     100  -1.54  Not met   96.92     100  -3.08  Not met   30.32   27.92  +2.40  Met
>
> Indicators:
>   Programme: % of schools with a career-guidance programme tied to local production, business and services
>   Counsellor: % of schools with a teacher doing career counselling who meets the professional requirements
>   Vocational: % of lower-secondary graduates who go on to vocational education at elementary or intermediate level
>
> Upper secondary (THPT)
>
>                            Programme                        Counsellor                       Vocational
> No.  District, town, city  Actual  Target     Gap  Result   Actual  Target     Gap  Result   Actual  Target    Gap  Result   Rank
> ---  --------------------  ------  ------  ------  -------  ------  ------  ------  -------  ------  ------  -----  -------  ----
>  01  Tân An                100.00     100    0.00  Met      100.00     100    0.00  Met       44.17   44.17   0.00  Met         1
>  02  Tân Thạnh             100.00     100    0.00  Met       66.67     100  -33.33  Not met   65.12   65.12   0.00  Met         1
>  03  Cần Giuộc              80.00     100  -20.00  Not met  100.00     100    0.00  Met       29.00   29.00   0.00  Met         1
>  04  Đức Hòa               100.00     100    0.00  Met      100.00     100    0.00  Met       40.00   43.60  -3.60  Not met     4
> ---  --------------------  ------  ------  ------  -------  ------  ------  ------  -------  ------  ------  -----  -------  ----
>      Total                  94.74     100   -5.26  Not met   94.74     100   -5.26  Not met   41.17   40.22  +0.95  Met
>
> Indicators:
>   Programme: % of schools with a career-guidance programme tied to local production, business and services
>   Counsellor: % of schools with a teacher doing career counselling who meets the professional requirements
>   Vocational: % of upper-secondary graduates who go on to vocational education at college level
! luong-render: 10 rows read, 2 tables (report layout) written as table

# Numbers in each locale: vi (the default) groups with "." and marks
# decimals with ","; en the other way round.  Codes and years are never
# grouped.
$ printf 'district_code\tyear\tgraduates\trate\n794\t2023\t1234567\t27.9\n80\t2022\t950\t100.25\n' | luong-render -f table
> district_code  year  graduates    rate
> -------------  ----  ---------  ------
>           794  2023  1.234.567   27,90
>            80  2022        950  100,25
! luong-render: 2 rows read, 1 table (plain layout) written as table

$ printf 'district_code\tyear\tgraduates\trate\n794\t2023\t1234567\t27.9\n80\t2022\t950\t100.25\n' | luong-render -f table --locale vi
> district_code  year  graduates    rate
> -------------  ----  ---------  ------
>           794  2023  1.234.567   27,90
>            80  2022        950  100,25
! luong-render: 2 rows read, 1 table (plain layout) written as table

$ printf 'district_code\tyear\tgraduates\trate\n794\t2023\t1234567\t27.9\n80\t2022\t950\t100.25\n' | luong-render -f table --locale en
> district_code  year  graduates    rate
> -------------  ----  ---------  ------
>           794  2023  1,234,567   27.90
>            80  2022        950  100.25
! luong-render: 2 rows read, 1 table (plain layout) written as table

# Total rows are recognised loosely (case, diacritics, spacing) and set
# apart; the plain layout shows their names as they come.
$ printf 'district\tn\nTân An\t1\nTOÀN TỈNH\t2\ntong  cong\t3\n' | luong-render -f table --locale en
> district    n
> ----------  -
> Tân An      1
> ----------  -
> TOÀN TỈNH   2
> tong  cong  3
! luong-render: 3 rows read, 1 table (plain layout) written as table

# Labels come from $LUONG_CONFIG/labels-LOCALE.yaml when it is set: any
# locale with a file works.
$ cd "$T" && sed 's/^decimal: .*/decimal: "·"/; s/^group: .*/group: "_"/; s/^total: .*/total: Cộng/' "$TOP/config/labels-vi.yaml" >labels-xx.yaml
$ printf 'district\tn\nTân An\t1234.5\nTổng cộng\t2\n' | LUONG_CONFIG=$T luong-render -f table --locale xx
> district         n
> ---------  -------
> Tân An     1_234·5
> ---------  -------
> Tổng cộng      2·0
! luong-render: 2 rows read, 1 table (plain layout) written as table

# A locale without a labels file.
$ cd "$T" && LUONG_CONFIG=. luong-render -f table </dev/null
! luong-render: ./labels-vi.yaml: cannot open: No such file or directory
? 2

$ luong-render -f table --locale fr </dev/null
! luong-render: labels-fr.yaml: not found; set LUONG_CONFIG to the directory that holds it
? 2

# A locale name that could walk out of the directory.
$ luong-render -f table --locale ../vi </dev/null
! luong-render: --locale: bad locale name "../vi"
? 2

# A bad labels file: the file, line and column.
$ cd "$T" && printf 'lang: [vi\n' >labels-xx.yaml && LUONG_CONFIG=. luong-render -f table --locale xx </dev/null
! luong-render: ./labels-xx.yaml:2:1: YAML error: did not find expected ',' or ']' while parsing a flow sequence
? 2

$ cd "$T" && printf 'lang: vi\n' >labels-xx.yaml && LUONG_CONFIG=. luong-render -f table --locale xx </dev/null
! luong-render: ./labels-xx.yaml:1:1: missing key "decimal"
? 2

$ cd "$T" && sed 's/^rank: .*/rank: [a, b]/' "$TOP/config/labels-vi.yaml" >labels-xx.yaml && LUONG_CONFIG=. luong-render -f table --locale xx </dev/null
! luong-render: ./labels-xx.yaml:14:7: "rank": expected a scalar
? 2

$ cd "$T" && { cat "$TOP/config/labels-vi.yaml"; echo 'colour: blue'; } >labels-xx.yaml && LUONG_CONFIG=. luong-render -f table --locale xx </dev/null
! luong-render: ./labels-xx.yaml:108:1: unknown key "colour"
? 2

$ cd "$T" && sed 's/^    short: GV tư vấn HN/    shrt: GV tư vấn HN/' "$TOP/config/labels-vi.yaml" >labels-xx.yaml && LUONG_CONFIG=. luong-render -f table --locale xx </dev/null
! luong-render: ./labels-xx.yaml:35:5: unknown key "shrt"
? 2

$ cd "$T" && sed 's/^total_names: .*/total_names: Tổng cộng/' "$TOP/config/labels-vi.yaml" >labels-xx.yaml && LUONG_CONFIG=. luong-render -f table --locale xx </dev/null
! luong-render: ./labels-xx.yaml:24:14: total_names: expected a list, found a scalar
? 2

$ cd "$T" && printf '' >labels-xx.yaml && LUONG_CONFIG=. luong-render -f table --locale xx </dev/null
! luong-render: ./labels-xx.yaml: empty file
? 2

# The words of the ranking rule, the date, the page and the narrowed
# table are keys like the others: required, their placeholders checked,
# an abbreviation only of a label that can have one.
$ cd "$T" && sed '/^rank_then:/d' "$TOP/config/labels-vi.yaml" >labels-xx.yaml && LUONG_CONFIG=. luong-render -f table --locale xx </dev/null
! luong-render: ./labels-xx.yaml:4:1: missing key "rank_then"
? 2
$ cd "$T" && sed 's/^date: .*/date: "ngày {dd}"/' "$TOP/config/labels-vi.yaml" >labels-xx.yaml && LUONG_CONFIG=. luong-render -f table --locale xx </dev/null
! luong-render: ./labels-xx.yaml:76:7: date: unknown placeholder "{dd}"
? 2
$ cd "$T" && sed 's/^  rank: Hạng/  title: Tựa/' "$TOP/config/labels-vi.yaml" >labels-xx.yaml && LUONG_CONFIG=. luong-render -f table --locale xx </dev/null
! luong-render: ./labels-xx.yaml:96:3: unknown key "title"
? 2
$ cd "$T" && sed 's/^  met_count: số chỉ tiêu đạt/  met_count: [số]/' "$TOP/config/labels-vi.yaml" >labels-xx.yaml && LUONG_CONFIG=. luong-render -f table --locale xx </dev/null
! luong-render: ./labels-xx.yaml:64:14: met_count: expected a scalar, found a list
? 2
