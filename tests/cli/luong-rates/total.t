# luong-rates --total: Σnum/Σden rows, one per combination of the group
# fields --total does not name, written last.

# One total per level; the named fields take the given values.
$ luong-rates -g level,district --rate 'v=sum(vocational)/sum(graduates)' --rate 'p=count_if(has_programme)/count()' --total district=ALL data/small.tsv
> level	district	v_num	v_den	v	p_num	p_den	p
> THCS	A	4	16	25.00	2	3	66.67
> THCS	B	1	8	12.50	0	1	0.00
> THPT	A	5	5	100.00	0	0	
> THCS	C	0	0		1	1	100.00
> THPT	B	1	3	33.33	1	1	100.00
> THCS	ALL	5	24	20.83	3	5	60.00
> THPT	ALL	6	8	75.00	1	1	100.00
! luong-rates: 7 rows read, 5 groups, 7 rows written
! luong-rates: v: 1 row left out: a value it needs is missing
! luong-rates: p: 1 row left out: a value it needs is missing

# All group fields named: one province row.
$ luong-rates -g level,district --rate 'v=sum(vocational)/sum(graduates)' --total 'level=,district=Tổng cộng' data/small.tsv
> level	district	v_num	v_den	v
> THCS	A	4	16	25.00
> THCS	B	1	8	12.50
> THPT	A	5	5	100.00
> THCS	C	0	0	
> THPT	B	1	3	33.33
> 	Tổng cộng	11	32	34.38
! luong-rates: 7 rows read, 5 groups, 6 rows written
! luong-rates: v: 1 row left out: a value it needs is missing

# A total of 0/0 is empty too; escapes in --total values are written as
# stream escapes.
$ luong-rates -g g --rate 'r=sum(x)/count()' --total 'g=a	b'
< g	x
< a	
> g	r_num	r_den	r
> a	0	0	
> a\tb	0	0	
! luong-rates: 1 row read, 1 group, 2 rows written
! luong-rates: r: 1 row left out: a value it needs is missing

# The total is Σnum/Σden over the rows, never a mean of the rates: computed
# here independently with awk (integers, half away from zero) from the
# school rows, per level, and compared with luong-rates' total rows.
$ luong-rates -g level,district,district_code -i ../../../config/indicators.yaml --total 'district=Tổng cộng,district_code=80' data/schools.tsv 2>/dev/null | awk -F'\t' '$2 == "Tổng cộng"' >"$T/got"; awk -F'\t' 'function pct(n, d,   x, q, r) { x = n * 10000; q = int(x / d); r = x - q * d; if (2 * r >= d) q++; return sprintf("%d.%02d", int(q / 100), q % 100) } NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } { lv = $c["level"]; if (!(lv in n)) o[++k] = lv; n[lv]++; p[lv] += $c["has_programme"]; s[lv] += $c["has_counsellor"]; g[lv] += $c["graduates"]; v[lv] += $c["vocational"] } END { for (i = 1; i <= k; i++) { lv = o[i]; printf "%s\tTổng cộng\t80\t%d\t%d\t%s\t%d\t%d\t%s\t%d\t%d\t%s\n", lv, p[lv], n[lv], pct(p[lv], n[lv]), s[lv], n[lv], pct(s[lv], n[lv]), v[lv], g[lv], pct(v[lv], g[lv]) } }' data/schools.tsv >"$T/want"; cat "$T/want"; cmp "$T/want" "$T/got" && echo same
> THCS	Tổng cộng	80	69	72	95.83	68	72	94.44	4833	17146	28.19
> THPT	Tổng cộng	80	45	47	95.74	45	47	95.74	6202	15430	40.19
> same

# The mean of the district rates is not the total: a reminder of why.
$ luong-rates -g level,district -i ../../../config/indicators.yaml data/schools.tsv 2>/dev/null | awk -F'\t' '$1 == "THCS" { s += $NF; n++ } END { printf "%.2f\n", s / n }'
> 27.14

# --total's values are text from the command line: checked to be UTF-8
# and brought to NFC, as the stream is, so a value typed in NFD (here
# "Tổng cộng" decomposed: o, U+0302, U+0309 ...) is written as the NFC
# "Tổng cộng" a later stage matches, byte for byte.
$ luong-rates -g level,district --rate 'v=sum(vocational)/sum(graduates)' --total "district=$(printf 'To\314\202\314\211ng co\314\243\314\202ng')" data/small.tsv 2>/dev/null | awk -F'\t' '$2 == "Tổng cộng"'
> THCS	Tổng cộng	5	24	20.83
> THPT	Tổng cộng	6	8	75.00

$ luong-rates -g level,district --rate 'v=sum(vocational)/sum(graduates)' --total "$(printf 'district=T\303ng')" data/small.tsv
! luong-rates: --total: not valid UTF-8
? 2
