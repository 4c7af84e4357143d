# luong-rates -i: the shipped indicators on school-level and student-level
# streams, and every error in an indicators file (exit 2, file:line:col).

# The plan's report from the samples (after ingest and normalise): per
# level and district in the gazetteer's order, the province total last.
# The figures are those of samples/long-an/README.md.
$ luong-rates -g level,district,district_code -i ../../../config/indicators.yaml --order data/districts.yaml --total 'district=Tổng cộng,district_code=80' data/schools.tsv
> level	district	district_code	programme_num	programme_den	programme	counsellor_num	counsellor_den	counsellor	vocational_num	vocational_den	vocational
> THCS	Tân An	794	7	7	100.00	7	7	100.00	1026	2711	37.85
> THCS	Châu Thành	808	5	5	100.00	4	5	80.00	351	1140	30.79
> THCS	Tân Trụ	805	4	4	100.00	4	4	100.00	245	751	32.62
> THCS	Thủ Thừa	804	5	5	100.00	5	5	100.00	136	850	16.00
> THCS	Bến Lức	803	6	6	100.00	6	6	100.00	686	2058	33.33
> THCS	Cần Đước	806	6	6	100.00	6	6	100.00	177	1637	10.81
> THCS	Cần Giuộc	807	5	6	83.33	5	6	83.33	379	1900	19.95
> THCS	Đức Hòa	802	6	7	85.71	7	7	100.00	753	2154	34.96
> THCS	Đức Huệ	801	4	4	100.00	4	4	100.00	158	579	27.29
> THCS	Thạnh Hóa	800	3	4	75.00	4	4	100.00	124	554	22.38
> THCS	Tân Thạnh	799	4	4	100.00	4	4	100.00	262	744	35.22
> THCS	Mộc Hóa	798	3	3	100.00	2	3	66.67	140	486	28.81
> THCS	Kiến Tường	795	3	3	100.00	3	3	100.00	117	394	29.70
> THCS	Vĩnh Hưng	797	4	4	100.00	4	4	100.00	150	674	22.26
> THCS	Tân Hưng	796	4	4	100.00	3	4	75.00	129	514	25.10
> THPT	Tân An	794	4	4	100.00	4	4	100.00	739	1825	40.49
> THPT	Châu Thành	808	3	3	100.00	3	3	100.00	526	1175	44.77
> THPT	Tân Trụ	805	3	3	100.00	3	3	100.00	290	791	36.66
> THPT	Thủ Thừa	804	3	3	100.00	2	3	66.67	244	848	28.77
> THPT	Bến Lức	803	3	3	100.00	3	3	100.00	515	1214	42.42
> THPT	Cần Đước	806	3	3	100.00	3	3	100.00	548	1142	47.99
> THPT	Cần Giuộc	807	2	3	66.67	3	3	100.00	370	1323	27.97
> THPT	Đức Hòa	802	4	4	100.00	4	4	100.00	837	1891	44.26
> THPT	Đức Huệ	801	2	3	66.67	3	3	100.00	291	755	38.54
> THPT	Thạnh Hóa	800	3	3	100.00	3	3	100.00	180	758	23.75
> THPT	Tân Thạnh	799	3	3	100.00	3	3	100.00	436	713	61.15
> THPT	Mộc Hóa	798	3	3	100.00	3	3	100.00	342	812	42.12
> THPT	Kiến Tường	795	3	3	100.00	3	3	100.00	251	604	41.56
> THPT	Vĩnh Hưng	797	3	3	100.00	3	3	100.00	284	757	37.52
> THPT	Tân Hưng	796	3	3	100.00	2	3	66.67	349	822	42.46
> THCS	Tổng cộng	80	69	72	95.83	68	72	94.44	4833	17146	28.19
> THPT	Tổng cộng	80	45	47	95.74	45	47	95.74	6202	15430	40.19
! luong-rates: 119 rows read, 30 groups, 32 rows written

# Student level: -l picks the level's definitions (vocational only) and
# skips rows of the other level.
$ luong-rates -g level,district -i ../../../config/indicators.yaml -l THCS data/students.tsv
> level	district	vocational_num	vocational_den	vocational
> THCS	Tân An	2	5	40.00
> THCS	Châu Thành	1	2	50.00
! luong-rates: 14 rows read, 6 skipped (level is not THCS), 2 groups, 2 rows written
! luong-rates: vocational: 1 row left out: a value it needs is missing

$ luong-rates -g district_code -i ../../../config/indicators.yaml -l THPT data/students.tsv
> district_code	vocational_num	vocational_den	vocational
> 794	1	3	33.33
> 808	2	3	66.67
! luong-rates: 14 rows read, 8 skipped (level is not THPT), 2 groups, 2 rows written

# Without a level field nothing is skipped: the rows are taken as they are.
$ cut -f 4,7 data/students.tsv | luong-rates -g district -i ../../../config/indicators.yaml -l THPT
> district	vocational_num	vocational_den	vocational
> Tân An	1	8	12.50
> Châu Thành	2	5	40.00
! luong-rates: 14 rows read, 2 groups, 2 rows written
! luong-rates: vocational: 1 row left out: a value it needs is missing

# School-level definitions on a student stream: no field has_programme.
$ luong-rates -g district -i ../../../config/indicators.yaml data/students.tsv
! luong-rates: ../../../config/indicators.yaml:11:22: programme: no field "has_programme" in data/students.tsv
? 2

$ luong-rates -g district -i ../../../config/indicators.yaml -l THCX data/students.tsv
! luong-rates: ../../../config/indicators.yaml: no indicator has a student-level definition for level "THCX"
? 2

$ luong-rates -g district -i data/ind-student.yaml data/students.tsv
! luong-rates: data/ind-student.yaml: no indicator has a school-level definition
? 2

# A malformed file, a bad expression (quoted: the column is after the
# quote), an unknown field, and every structural error.
$ luong-rates -g district -i data/ind-syntax.yaml data/small.tsv
! luong-rates: data/ind-syntax.yaml:4:1: YAML error: did not find expected ',' or ']' while parsing a flow sequence
? 2

$ luong-rates -g district -i data/ind-expr.yaml data/small.tsv
! luong-rates: data/ind-expr.yaml:6:31: b: unknown function "summ": expected sum, count or count_if
? 2

$ luong-rates -g district -i data/ind-field.yaml data/small.tsv
! luong-rates: data/ind-field.yaml:5:35: voc: no field "graduate" in data/small.tsv
? 2

$ luong-rates -g district -i data/ind-key.yaml data/small.tsv
! luong-rates: data/ind-key.yaml:4:5: unknown key "target"
? 2

$ luong-rates -g district -i data/ind-dup.yaml data/small.tsv
! luong-rates: data/ind-dup.yaml:4:11: indicator "a" is defined twice (first on line 2)
? 2

$ luong-rates -g district -i data/ind-none.yaml data/small.tsv
! luong-rates: data/ind-none.yaml:2:5: indicator "a": no "school" or "student" definition
? 2

$ luong-rates -g district -i data/ind-name.yaml data/small.tsv
! luong-rates: data/ind-name.yaml:2:11: name "a-b": expected a letter or "_", then letters, digits and "_"
? 2

$ luong-rates -g district -i data/ind-empty.yaml data/small.tsv
! luong-rates: data/ind-empty.yaml: empty file: expected "indicators:"
? 2

$ luong-rates -g district -i data/ind-map.yaml data/small.tsv
! luong-rates: data/ind-map.yaml:2:3: indicators: expected a list, found a mapping
? 2

$ luong-rates -g district -i data/ind-nolist.yaml data/small.tsv
! luong-rates: data/ind-nolist.yaml:1:13: indicators: the list is empty
? 2

$ luong-rates -g district -i data/ind-label.yaml data/small.tsv
! luong-rates: data/ind-label.yaml:3:12: label: expected a string, or a mapping from levels to strings
? 2

$ luong-rates -g district -i data/ind-level.yaml data/small.tsv
! luong-rates: data/ind-level.yaml:5:7: key "THCS" repeated (first on line 4)
? 2

$ luong-rates -g district -i data/nonexistent.yaml data/small.tsv
! luong-rates: data/nonexistent.yaml: cannot open: No such file or directory
? 2
