# luong-rates --order: the gazetteer's order for the district field and its
# _code companion; other group fields keep their first appearance.

# By name, by code, or both; the level stays in first-appearance order.
$ luong-rates -g district --rate 'v=sum(vocational)/sum(graduates)' --order data/districts.yaml data/schools.tsv | cut -f 1
> district
> Tân An
> Châu Thành
> Tân Trụ
> Thủ Thừa
> Bến Lức
> Cần Đước
> Cần Giuộc
> Đức Hòa
> Đức Huệ
> Thạnh Hóa
> Tân Thạnh
> Mộc Hóa
> Kiến Tường
> Vĩnh Hưng
> Tân Hưng
! luong-rates: 119 rows read, 15 groups, 15 rows written

$ luong-rates -g district_code,level --rate 'n=count()/count()' --order data/districts.yaml data/schools.tsv | head -n 5
> district_code	level	n_num	n_den	n
> 794	THCS	7	7	100.00
> 794	THPT	4	4	100.00
> 808	THCS	5	5	100.00
> 808	THPT	3	3	100.00
! luong-rates: 119 rows read, 30 groups, 30 rows written

$ luong-rates -g level,district_code --rate 'n=count()/count()' --order data/districts.yaml data/schools.tsv | sed -n '1,3p;16,18p'
> level	district_code	n_num	n_den	n
> THCS	794	7	7	100.00
> THCS	808	5	5	100.00
> THCS	796	4	4	100.00
> THPT	794	4	4	100.00
> THPT	808	3	3	100.00
! luong-rates: 119 rows read, 30 groups, 30 rows written

# --order FIELD=FILE: another field and its FIELD_code.
$ sed '1s/district/huyen/g' data/schools.tsv | luong-rates -g huyen_code --rate 'n=count()/count()' --order huyen=data/districts.yaml | head -n 4
> huyen_code	n_num	n_den	n
> 794	11	11	100.00
> 808	8	8	100.00
> 805	7	7	100.00
! luong-rates: 119 rows read, 15 groups, 15 rows written

# Values not in the gazetteer come last, in order of appearance, and are
# named on stderr once.
$ luong-rates -g district --rate 'n=count()/count()' --order data/districts.yaml
< district	x
< Thủ Thừa	1
< Atlantis	1
< Tân An	1
< 	1
< Atlantis	1
< Long An	1
> district	n_num	n_den	n
> Tân An	1	1	100.00
> Thủ Thừa	1	1	100.00
> Atlantis	2	2	100.00
> 	1	1	100.00
> Long An	1	1	100.00
! luong-rates: data/districts.yaml: district "Atlantis" is not in the gazetteer: its rows come last
! luong-rates: data/districts.yaml: district "" is not in the gazetteer: its rows come last
! luong-rates: data/districts.yaml: district "Long An" is not in the gazetteer: its rows come last
! luong-rates: 6 rows read, 5 groups, 5 rows written

# Each value is named once, the first ten of a field, then the rest are
# counted: 1,000 unknown districts make 12 lines, not 1,001.
$ awk 'BEGIN { print "district\tx"; for (i = 0; i < 1000; i++) print "D" i "\t1"; print "Tân An\t1"; print "D1\t1" }' | luong-rates -g district --rate 'n=count()/count()' --order data/districts.yaml | sed -n '1,2p;$p'
> district	n_num	n_den	n
> Tân An	1	1	100.00
> D999	1	1	100.00
! luong-rates: data/districts.yaml: district "D0" is not in the gazetteer: its rows come last
! luong-rates: data/districts.yaml: district "D1" is not in the gazetteer: its rows come last
! luong-rates: data/districts.yaml: district "D2" is not in the gazetteer: its rows come last
! luong-rates: data/districts.yaml: district "D3" is not in the gazetteer: its rows come last
! luong-rates: data/districts.yaml: district "D4" is not in the gazetteer: its rows come last
! luong-rates: data/districts.yaml: district "D5" is not in the gazetteer: its rows come last
! luong-rates: data/districts.yaml: district "D6" is not in the gazetteer: its rows come last
! luong-rates: data/districts.yaml: district "D7" is not in the gazetteer: its rows come last
! luong-rates: data/districts.yaml: district "D8" is not in the gazetteer: its rows come last
! luong-rates: data/districts.yaml: district "D9" is not in the gazetteer: its rows come last
! luong-rates: data/districts.yaml: 990 more values of district are not in the gazetteer: their rows come last
! luong-rates: 1002 rows read, 1001 groups, 1001 rows written

# One more than ten: "1 more value".
$ awk 'BEGIN { print "district\tdistrict_code\tx"; for (i = 0; i < 11; i++) print "D" i "\t" i "\t1" }' | luong-rates -g district,district_code --rate 'n=count()/count()' --order data/districts.yaml 2>&1 >/dev/null | grep -v '" is not in'
> luong-rates: data/districts.yaml: 1 more value of district is not in the gazetteer: its rows come last
> luong-rates: data/districts.yaml: 1 more value of district_code is not in the gazetteer: its rows come last
> luong-rates: 11 rows read, 11 groups, 11 rows written

# Gazetteer errors: exit 2 with line and column, before any input is read.
$ luong-rates -g district --rate 'n=count()/count()' --order data/gaz-syntax.yaml data/small.tsv
! luong-rates: data/gaz-syntax.yaml:4:4: YAML error: did not find expected '-' indicator while parsing a block collection
? 2

$ luong-rates -g district --rate 'n=count()/count()' --order data/gaz-nocode.yaml data/small.tsv
! luong-rates: data/gaz-nocode.yaml:1:1: missing key "province"
? 2

$ luong-rates -g district --rate 'n=count()/count()' --order data/gaz-nounits.yaml data/small.tsv
! luong-rates: data/gaz-nounits.yaml:1:1: unknown key "districts"
? 2

$ luong-rates -g district --rate 'n=count()/count()' --order data/gaz-notlist.yaml data/small.tsv
! luong-rates: data/gaz-notlist.yaml:1:1: missing key "province"
? 2

$ luong-rates -g district --rate 'n=count()/count()' --order data/ind-empty.yaml data/small.tsv
! luong-rates: data/ind-empty.yaml: empty gazetteer
? 2
