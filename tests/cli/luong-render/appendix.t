# --layout appendix: the plan's appendix as printed — a table a level:
# STT, district, the three targets with the plan's wording, the total row;
# each column with the decimals the plan prints (100, 35,09, 20,00).
$ luong-render -f table --layout appendix data/targets-2023.tsv
> I. Cấp trung học cơ sở
>
>                                   Tỷ lệ % trường học có                                Tỷ lệ % học sinh tốt
>                                   chương trình giáo dục     Tỷ lệ % trường học có    nghiệp trung học cơ sở
>                                    hướng nghiệp gắn với  giáo viên kiêm nhiệm làm  tiếp tục học tập tại các
>                                hoạt động sản xuất, kinh     nhiệm vụ tư vấn hướng       cơ sở giáo dục nghề
>                                  doanh, dịch vụ của địa    nghiệp đáp ứng yêu cầu   nghiệp đào tạo trình độ
> STT  Huyện, thị xã, thành phố                    phương  về chuyên môn, nghiệp vụ         sơ cấp, trung cấp
> ---  ------------------------  ------------------------  ------------------------  ------------------------
>  01  Tân An                                         100                       100                     35,09
>  02  Châu Thành                                     100                       100                     32,98
>  03  Tân Trụ                                        100                       100                     27,50
>  04  Thủ Thừa                                       100                       100                     20,00
>  05  Bến Lức                                        100                       100                     32,01
>  06  Cần Đước                                       100                       100                     10,01
>  07  Cần Giuộc                                      100                       100                     27,03
>  08  Đức Hòa                                        100                       100                     37,87
>  09  Đức Huệ                                        100                       100                     27,04
>  10  Thạnh Hóa                                      100                       100                     23,20
>  11  Tân Thạnh                                      100                       100                     32,86
>  12  Mộc Hóa                                        100                       100                     28,16
>  13  Kiến Tường                                     100                       100                     29,81
>  14  Vĩnh Hưng                                      100                       100                     17,47
>  15  Tân Hưng                                       100                       100                     29,09
> ---  ------------------------  ------------------------  ------------------------  ------------------------
>      Tổng cộng                                      100                       100                     27,92
>
> II. Cấp trung học phổ thông
>
>                                   Tỷ lệ % trường học có                                Tỷ lệ % học sinh tốt
>                                   chương trình giáo dục     Tỷ lệ % trường học có      nghiệp trung học phổ
>                                    hướng nghiệp gắn với  giáo viên kiêm nhiệm làm    thông tiếp tục học tập
>                                hoạt động sản xuất, kinh     nhiệm vụ tư vấn hướng    tại các cơ sở giáo dục
>                                  doanh, dịch vụ của địa    nghiệp đáp ứng yêu cầu       nghề nghiệp đào tạo
> STT  Huyện, thị xã, thành phố                    phương  về chuyên môn, nghiệp vụ         trình độ cao đẳng
> ---  ------------------------  ------------------------  ------------------------  ------------------------
>  01  Tân An                                         100                       100                     44,17
>  02  Châu Thành                                     100                       100                     42,94
>  03  Tân Trụ                                        100                       100                     43,07
>  04  Thủ Thừa                                       100                       100                     25,55
>  05  Bến Lức                                        100                       100                     45,05
>  06  Cần Đước                                       100                       100                     45,04
>  07  Cần Giuộc                                      100                       100                     29,00
>  08  Đức Hòa                                        100                       100                     43,60
>  09  Đức Huệ                                        100                       100                     41,22
>  10  Thạnh Hóa                                      100                       100                     22,86
>  11  Tân Thạnh                                      100                       100                     65,12
>  12  Mộc Hóa                                        100                       100                     42,86
>  13  Kiến Tường                                     100                       100                     43,04
>  14  Vĩnh Hưng                                      100                       100                     40,37
>  15  Tân Hưng                                       100                       100                     43,71
> ---  ------------------------  ------------------------  ------------------------  ------------------------
>      Tổng cộng                                      100                       100                     40,22
! luong-render: 32 rows read, 2 tables (appendix layout) written as table

# It reproduces the plan's appendix: the numbers (and names) of every row
# of ../shared/plan's text, compared with awk and sed only.  The plan
# misspells Thạnh Hóa as "Thanh Hóa" in its first table; the comparison
# fixes that one name on the plan's side, and says so.  (The plan is in
# $LUONG_SHARED, found by tests/find-shared.)
$ plan=$LUONG_SHARED/plan/ke-hoach-568-KH-UBND-2023.txt
$ awk -F'\t' '/^Phụ lục/ { on = 1 } !on { next } /^I+\. CẤP/ { split($0, r, "."); print "== " r[1]; next } /^[0-9][0-9][ \t]/ || /^Tổng cộng/ { f = $1; if (f ~ /^[0-9][0-9] /) { stt = substr(f, 1, 2); name = substr(f, 4) } else if (f ~ /^[0-9][0-9]$/) { stt = f; name = $2 } else { stt = ""; name = f } print stt "\t" name "\t" $(NF - 2) "\t" $(NF - 1) "\t" $NF }' "$plan" >"$T/plan"
$ sed -i 's/\tThanh Hóa\t/\tThạnh Hóa\t/' "$T/plan"
$ luong-render -f tsv --layout appendix data/targets-2023.tsv | awk -F'\t' 'NR > 1 { if ($1 != lv) { lv = $1; n++; print "== " (n == 1 ? "I" : n == 2 ? "II" : "III") } print $2 "\t" $3 "\t" $4 "\t" $5 "\t" $6 }' >"$T/ours"
$ diff "$T/plan" "$T/ours" && echo "same as the plan: $(grep -c -v '^==' "$T/ours") rows, $(grep -c '^==' "$T/ours") tables"
> same as the plan: 32 rows, 2 tables
! luong-render: 32 rows read, 2 tables (appendix layout) written as tsv

# The comparison fails on a single changed number.
$ sed 's/\t35.09$/\t35.1/' data/targets-2023.tsv | luong-render -f tsv --layout appendix 2>/dev/null | awk -F'\t' '$3 == "Tân An" && $1 == "THCS" { print $6 }'
> 35,10

# Markdown and English: the same numbers, the locale's marks.
$ luong-render -f md --layout appendix data/targets-2023.tsv | sed -n '1,8p'
> ## I. Cấp trung học cơ sở
>
> | STT | Huyện, thị xã, thành phố | Tỷ lệ % trường học có chương trình giáo dục hướng nghiệp gắn với hoạt động sản xuất, kinh doanh, dịch vụ của địa phương | Tỷ lệ % trường học có giáo viên kiêm nhiệm làm nhiệm vụ tư vấn hướng nghiệp đáp ứng yêu cầu về chuyên môn, nghiệp vụ | Tỷ lệ % học sinh tốt nghiệp trung học cơ sở tiếp tục học tập tại các cơ sở giáo dục nghề nghiệp đào tạo trình độ sơ cấp, trung cấp |
> | ---: | :--- | ---: | ---: | ---: |
> | 01 | Tân An | 100 | 100 | 35,09 |
> | 02 | Châu Thành | 100 | 100 | 32,98 |
> | 03 | Tân Trụ | 100 | 100 | 27,50 |
> | 04 | Thủ Thừa | 100 | 100 | 20,00 |
! luong-render: 32 rows read, 2 tables (appendix layout) written as md

$ luong-render -f csv --layout appendix --locale en data/targets-2023.tsv | tr -d '\r' | sed -n '1,3p;17p'
> Level,No.,"District, town, city",Programme,Counsellor,Vocational
> THCS,01,Tân An,100,100,35.09
> THCS,02,Châu Thành,100,100,32.98
> THCS,,Total,100,100,27.92
! luong-render: 32 rows read, 2 tables (appendix layout) written as csv

# The appendix needs a district field and at least one X_target field.
$ printf 'level\tname\tvocational_target\nTHCS\tTân An\t35.09\n' | luong-render -f table --layout appendix
! luong-render: <stdin>: the appendix layout needs a "district" field
? 1

$ printf 'level\tdistrict\tvocational\nTHCS\tTân An\t35.09\n' | luong-render -f table --layout appendix
! luong-render: <stdin>: the appendix layout needs an X_target field, such as vocational_target
? 1

# The shipped targets file gives the same appendix as the fixture.
$ luong-render -f tsv --layout appendix "$TOP/config/long-an/targets-2023.tsv" >"$T/a" && luong-render -f tsv --layout appendix data/targets-2023.tsv >"$T/b" && cmp "$T/a" "$T/b" && wc -l <"$T/a"
> 33
! luong-render: 32 rows read, 2 tables (appendix layout) written as tsv
! luong-render: 32 rows read, 2 tables (appendix layout) written as tsv
