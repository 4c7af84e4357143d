# luong-rank: the three tie rules on the same rows.  B, C and D tie on 3
# ("3.00" equals "3"); F and G have no score and come last, tied.
$ luong-rank -b score data/ties.tsv
> district	district_code	score	rank	rank_rule
> A	805	5	1	score:desc
> B	801	3	2	score:desc
> D	802	3	2	score:desc
> C	803	3.00	2	score:desc
> E	804	1	5	score:desc
> F	806		6	score:desc
> G	807		6	score:desc
! luong-rank: 7 rows read, 7 written, 7 ranked by score:desc, ties: competition (1-2-2-4)

$ luong-rank -b score --ties competition data/ties.tsv
> district	district_code	score	rank	rank_rule
> A	805	5	1	score:desc
> B	801	3	2	score:desc
> D	802	3	2	score:desc
> C	803	3.00	2	score:desc
> E	804	1	5	score:desc
> F	806		6	score:desc
> G	807		6	score:desc
! luong-rank: 7 rows read, 7 written, 7 ranked by score:desc, ties: competition (1-2-2-4)

$ luong-rank -b score --ties dense data/ties.tsv
> district	district_code	score	rank	rank_rule
> A	805	5	1	score:desc
> B	801	3	2	score:desc
> D	802	3	2	score:desc
> C	803	3.00	2	score:desc
> E	804	1	3	score:desc
> F	806		4	score:desc
> G	807		4	score:desc
! luong-rank: 7 rows read, 7 written, 7 ranked by score:desc, ties: dense (1-2-2-3)

# ordinal: ties broken by district_code (D 802 before C 803), not by input
# order (C comes before D in the file).
$ luong-rank -b score --ties ordinal data/ties.tsv
> district	district_code	score	rank	rank_rule
> A	805	5	1	score:desc
> B	801	3	2	score:desc
> D	802	3	3	score:desc
> C	803	3.00	4	score:desc
> E	804	1	5	score:desc
> F	806		6	score:desc
> G	807		7	score:desc
! luong-rank: 7 rows read, 7 written, 7 ranked by score:desc, ties: ordinal (1-2-3-4), broken by district_code

# The same rows shuffled give the same bytes, whatever the rule.
$ luong-rank -b score --ties ordinal data/ties-shuffled.tsv
> district	district_code	score	rank	rank_rule
> A	805	5	1	score:desc
> B	801	3	2	score:desc
> D	802	3	3	score:desc
> C	803	3.00	4	score:desc
> E	804	1	5	score:desc
> F	806		6	score:desc
> G	807		7	score:desc
! luong-rank: 7 rows read, 7 written, 7 ranked by score:desc, ties: ordinal (1-2-3-4), broken by district_code

$ for t in competition dense ordinal; do luong-rank -b score --ties $t data/ties.tsv >"$T/a" 2>/dev/null; luong-rank -b score --ties $t data/ties-shuffled.tsv >"$T/b" 2>/dev/null; (head -1 data/ties.tsv; tail -n +2 data/ties.tsv | tac) | luong-rank -b score --ties $t >"$T/c" 2>/dev/null; cmp "$T/a" "$T/b" && cmp "$T/a" "$T/c" && echo "$t: same"; done
> competition: same
> dense: same
> ordinal: same

# asc: the smallest first; the empty values still last.
$ luong-rank -b score:asc data/ties.tsv
> district	district_code	score	rank	rank_rule
> E	804	1	1	score:asc
> B	801	3	2	score:asc
> D	802	3	2	score:asc
> C	803	3.00	2	score:asc
> A	805	5	5	score:asc
> F	806		6	score:asc
> G	807		6	score:asc
! luong-rank: 7 rows read, 7 written, 7 ranked by score:asc, ties: competition (1-2-2-4)

$ luong-rank -b score:asc --ties dense data/ties.tsv
> district	district_code	score	rank	rank_rule
> E	804	1	1	score:asc
> B	801	3	2	score:asc
> D	802	3	2	score:asc
> C	803	3.00	2	score:asc
> A	805	5	3	score:asc
> F	806		4	score:asc
> G	807		4	score:asc
! luong-rank: 7 rows read, 7 written, 7 ranked by score:asc, ties: dense (1-2-2-3)

# A second key breaks ties of the first; a tie on both is still a tie.
$ printf 'district\tdistrict_code\tgap\trate\nA\t794\t0.00\t35.09\nB\t795\t0.00\t29.81\nC\t796\t0.00\t35.09\nD\t797\t-1.00\t50\nE\t798\t0.00\t\n' | luong-rank -b gap -b rate
> district	district_code	gap	rate	rank	rank_rule
> A	794	0.00	35.09	1	gap:desc,rate:desc
> C	796	0.00	35.09	1	gap:desc,rate:desc
> B	795	0.00	29.81	3	gap:desc,rate:desc
> E	798	0.00		4	gap:desc,rate:desc
> D	797	-1.00	50	5	gap:desc,rate:desc
! luong-rank: 5 rows read, 5 written, 5 ranked by gap:desc then rate:desc, ties: competition (1-2-2-4)

$ printf 'district\tdistrict_code\tgap\trate\nA\t794\t0.00\t35.09\nB\t795\t0.00\t29.81\nC\t796\t0.00\t35.09\nD\t797\t-1.00\t50\nE\t798\t0.00\t\n' | luong-rank -b gap:desc -b rate:asc --ties ordinal
> district	district_code	gap	rate	rank	rank_rule
> B	795	0.00	29.81	1	gap:desc,rate:asc
> A	794	0.00	35.09	2	gap:desc,rate:asc
> C	796	0.00	35.09	3	gap:desc,rate:asc
> E	798	0.00		4	gap:desc,rate:asc
> D	797	-1.00	50	5	gap:desc,rate:asc
! luong-rank: 5 rows read, 5 written, 5 ranked by gap:desc then rate:asc, ties: ordinal (1-2-3-4), broken by district_code

# -c: another code field orders ties and breaks ordinal ones; codes that
# are numbers compare as numbers (9 before 10), text after, empty last.
$ printf 'name\tid\tscore\nA\t10\t1\nB\t9\t1\nC\tx1\t1\nD\t\t1\nE\t010\t1\n' | luong-rank -b score -c id --ties ordinal
> name	id	score	rank	rank_rule
> B	9	1	1	score:desc
> E	010	1	2	score:desc
> A	10	1	3	score:desc
> C	x1	1	4	score:desc
> D		1	5	score:desc
! luong-rank: 5 rows read, 5 written, 5 ranked by score:desc, ties: ordinal (1-2-3-4), broken by id

# Without a code field, tied rows still come out in one order: by their
# other fields, never by the input order.
$ printf 'name\tscore\nb\t1\na\t1\nc\t2\n' | luong-rank -b score
> name	score	rank	rank_rule
> c	2	1	score:desc
> a	1	2	score:desc
> b	1	2	score:desc
! luong-rank: 3 rows read, 3 written, 3 ranked by score:desc, ties: competition (1-2-2-4)

$ printf 'name\tscore\nc\t2\na\t1\nb\t1\n' | luong-rank -b score
> name	score	rank	rank_rule
> c	2	1	score:desc
> a	1	2	score:desc
> b	1	2	score:desc
! luong-rank: 3 rows read, 3 written, 3 ranked by score:desc, ties: competition (1-2-2-4)

# A key that is not a number in a ranked row: exit 1 with file and line.
$ luong-rank -b score -b district data/ties.tsv
! luong-rank: data/ties.tsv:2: field "district": "A" is not a number
? 1

$ printf 'district\tscore\nA\t1\nB\t1,5\n' | luong-rank -b score
! luong-rank: <stdin>:3: field "score": "1,5" is not a number
? 1

# Keys compare exactly, beyond a double's precision.
$ printf 'district\tscore\nA\t0.30000000000000000001\nB\t0.3\nC\t0.29999999999999999999\n' | luong-rank -b score
> district	score	rank	rank_rule
> A	0.30000000000000000001	1	score:desc
> B	0.3	2	score:desc
> C	0.29999999999999999999	3	score:desc
! luong-rank: 3 rows read, 3 written, 3 ranked by score:desc, ties: competition (1-2-2-4)
