# luong-rank on rows without values: a district none of whose schools
# reported (luong-rates --coverage gives it empty rates) and one that
# reported part of what is ranked.  A value that is empty gets an empty
# gap and met; a row with any indicator's value empty is scored but not
# ranked (a district missing an indicator cannot be ranked against those
# that have them all): its rank is empty, it takes no place (Tân Trụ is
# still 3 after the tie at 1), and it comes after the ranked rows of its
# partition, in code order, before the total row.  The coverage fields
# (schools_expected, schools_reported) pass through.
$ luong-rank -p level --total 'district=Tổng cộng' data/coverage.tsv
> level	district	district_code	schools_expected	schools_reported	programme	programme_target	programme_gap	programme_met	vocational	vocational_target	vocational_gap	vocational_met	met_count	rank	rank_rule
> THCS	Tân An	794	3	3	100.00	100	0.00	1	35.10	35.09	0.01	1	2	1	vocational_gap:desc
> THCS	Thủ Thừa	804	3	3	100.00	100	0.00	1	20.01	20.00	0.01	1	2	1	vocational_gap:desc
> THCS	Tân Trụ	805	2	2	100.00	100	0.00	1	27.50	27.50	0.00	1	2	3	vocational_gap:desc
> THCS	Kiến Tường	795	2	0		100				29.81					vocational_gap:desc
> THCS	Bến Lức	803	3	1	50.00	100	-50.00	0		32.01					vocational_gap:desc
> THCS	Châu Thành	808	4	0		100				32.98					vocational_gap:desc
> THCS	Tổng cộng	80	15	9	88.89	100	-11.11	0	28.10	27.92	0.18	1	1		vocational_gap:desc
> THPT	Tân An	794	2	2	100.00	100	0.00	1	44.17	44.17	0.00	1	2	1	vocational_gap:desc
> THPT	Châu Thành	808	1	0		100				37.37					vocational_gap:desc
> THPT	Tổng cộng	80	3	2	100.00	100	0.00	1	44.17	40.22	3.95	1	2		vocational_gap:desc
! luong-rank: 10 rows read, 10 written, 4 ranked by vocational_gap:desc within level, ties: competition (1-2-2-4)
! luong-rank: 4 rows not ranked: an indicator's value is empty

# The tie rules are unchanged among the ranked rows; ordinal breaks the
# tie by code.
$ luong-rank -p level --total 'district=Tổng cộng' --ties dense data/coverage.tsv 2>/dev/null | cut -f 1,3,15 | sed -n 2,7p
> THCS	794	1
> THCS	804	1
> THCS	805	2
> THCS	795	
> THCS	803	
> THCS	808	

$ luong-rank -p level --total 'district=Tổng cộng' --ties ordinal data/coverage.tsv 2>/dev/null | cut -f 1,3,15 | sed -n 2,7p
> THCS	794	1
> THCS	804	2
> THCS	805	3
> THCS	795	
> THCS	803	
> THCS	808	

# Ranked by a key the row has: still not ranked, Bến Lức lacks the
# vocational rate.
$ luong-rank -p level -b programme_gap --total 'district=Tổng cộng' data/coverage.tsv 2>/dev/null | cut -f 1,2,8,15 | sed -n 2,7p
> THCS	Tân An	0.00	1
> THCS	Thủ Thừa	0.00	1
> THCS	Tân Trụ	0.00	1
> THCS	Kiến Tường		
> THCS	Bến Lức	-50.00	
> THCS	Châu Thành		

# Without -p: every ranked row, then the unranked ones (code order, then
# the other fields: THCS before THPT), then the totals.
$ luong-rank --total 'district=Tổng cộng' data/coverage.tsv | cut -f 1-3,15
> level	district	district_code	rank
> THCS	Tân An	794	1
> THCS	Thủ Thừa	804	1
> THPT	Tân An	794	3
> THCS	Tân Trụ	805	3
> THCS	Kiến Tường	795	
> THCS	Bến Lức	803	
> THCS	Châu Thành	808	
> THPT	Châu Thành	808	
> THCS	Tổng cộng	80	
> THPT	Tổng cộng	80	
! luong-rank: 10 rows read, 10 written, 4 ranked by vocational_gap:desc, ties: competition (1-2-2-4)
! luong-rank: 4 rows not ranked: an indicator's value is empty

# The input's order does not matter, unranked rows included.
$ luong-rank -p level --total 'district=Tổng cộng' data/coverage.tsv >"$T/a" 2>/dev/null; { head -n 1 data/coverage.tsv; tail -n +2 data/coverage.tsv | sort -r; } | luong-rank -p level --total 'district=Tổng cộng' 2>/dev/null | cmp - "$T/a" && echo same
> same

# A total row with a value empty is still a total row, not an unranked
# one; counts as data: ranked, unranked, totals.
$ LUONG_STATS_FD=3 luong-rank --total district=ALL 3>"$T/st"; cat "$T/st"
< district	district_code	vocational	vocational_target
< A	1	30	29
< B	2		29
< ALL	80		29
> district	district_code	vocational	vocational_target	vocational_gap	vocational_met	met_count	rank	rank_rule
> A	1	30	29	1.00	1	1	1	vocational_gap:desc
> B	2		29					vocational_gap:desc
> ALL	80		29					vocational_gap:desc
> program	rows_read	rows_written	rows_rejected	partitions	ranked	unranked	totals
> luong-rank	3	3	0	1	1	1	1
! luong-rank: 3 rows read, 3 written, 1 ranked by vocational_gap:desc, ties: competition (1-2-2-4)
! luong-rank: 1 row not ranked: an indicator's value is empty

# Nobody has a value: nothing is ranked, and that is no error.
$ luong-rank
< district	district_code	vocational	vocational_target
< A	1		29
< B	2		29
> district	district_code	vocational	vocational_target	vocational_gap	vocational_met	met_count	rank	rank_rule
> A	1		29					vocational_gap:desc
> B	2		29					vocational_gap:desc
! luong-rank: 2 rows read, 2 written, 0 ranked by vocational_gap:desc, ties: competition (1-2-2-4)
! luong-rank: 2 rows not ranked: an indicator's value is empty

# An empty target is no missing value: the row is ranked, its empty gap
# last.  (A key that is no indicator's value, a field without a target,
# is ranked the same way, empty last: see ties.t.)
$ luong-rank
< district	district_code	vocational	vocational_target
< A	1	30	
< B	2	28	29
> district	district_code	vocational	vocational_target	vocational_gap	vocational_met	met_count	rank	rank_rule
> B	2	28	29	-1.00	0	0	1	vocational_gap:desc
> A	1	30					2	vocational_gap:desc
! luong-rank: 2 rows read, 2 written, 2 ranked by vocational_gap:desc, ties: competition (1-2-2-4)

# A key field of an unranked row is still checked: a bad value is exit 1.
$ luong-rank -b schools_reported
< district	schools_reported	vocational	vocational_target
< A	3	30	29
< B	n/a		29
! luong-rank: <stdin>:3: field "schools_reported": "n/a" is not a number
? 1

# The nightly pipeline's stages on school rows with placeholders:
# luong-rates --coverage, luong-join with the plan's targets, luong-rank.
$ luong-rates -g level,district,district_code -i ../../../config/indicators.yaml --coverage schools --order ../luong-rates/data/districts.yaml --total 'district=Tổng cộng,district_code=80' ../luong-rates/data/coverage.tsv 2>/dev/null | luong-join -t ../../../config/long-an/targets-2023.tsv -k level,district_code,district 2>/dev/null | luong-rank -p level --total 'district=Tổng cộng' | cut -f 1-5,14,21-
> level	district	district_code	schools_expected	schools_reported	vocational	vocational_target	vocational_gap	vocational_met	met_count	rank	rank_rule
> THCS	Tân Trụ	805	1	1	30.00	27.50	2.50	1	2	1	vocational_gap:desc
> THCS	Tân An	794	3	2	25.71	35.09	-9.38	0	1	2	vocational_gap:desc
> THCS	Tân Hưng	796	2	0		29.09					vocational_gap:desc
> THCS	Tổng cộng	80	6	3	27.00	27.92	-0.92	0	0		vocational_gap:desc
> THPT	Tân An	794	1	1	30.00	44.17	-14.17	0	2	1	vocational_gap:desc
> THPT	Tân Thạnh	799	1	1		65.12					vocational_gap:desc
> THPT	Tân Trụ	805	1	0		43.07					vocational_gap:desc
> THPT	Tổng cộng	80	3	2	30.00	40.22	-10.22	0	2		vocational_gap:desc
! luong-rank: 8 rows read, 8 written, 3 ranked by vocational_gap:desc within level, ties: competition (1-2-2-4)
! luong-rank: 3 rows not ranked: an indicator's value is empty
