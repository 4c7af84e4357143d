# luong-ingest on the bundled Long An samples (samples/long-an/README.md):
# 126 data rows, 119 valid, 7 rejected, at the lines and for the reasons
# that README lists.  The Windows-1258 file needs -e cp1258, the others are
# UTF-8, so with a given encoding they take two runs.
$ cd "$TOP/samples/long-an" && luong-ingest -s ../../config/schemas/school-export.yaml -r "$T/r1.tsv" -m 6 thcs-2022-2023-tan-an-chau-thanh-tan-tru.csv thcs-2022-2023-duc-hoa-ben-luc-can-duoc-can-giuoc.csv thcs-2022-2023-thu-thua-duc-hue-thanh-hoa.csv.gz thpt-2022-2023-tan-an-chau-thanh-tan-tru-thu-thua.tsv thpt-2022-2023-duc-hoa-ben-luc-can-duoc-can-giuoc-duc-hue.csv thpt-2022-2023-dong-thap-muoi.csv >"$T/a.tsv" || echo "exit $?"
$ cd "$TOP/samples/long-an" && luong-ingest -e cp1258 -s ../../config/schemas/school-export.yaml -r "$T/r2.tsv" -m 1 thcs-2022-2023-dong-thap-muoi.csv >"$T/b.tsv" || echo "exit $?"
$ { cat "$T/r1.tsv"; tail -n +2 "$T/r2.tsv"; } | cut -f1-4
$ { cat "$T/a.tsv"; tail -n +2 "$T/b.tsv"; } | awk -F'\t' 'NR > 1 { n[$3]++; p[$3] += $6; c[$3] += $7; g[$3] += $8; v[$3] += $9 } END { for (l in n) print l, n[l], p[l], c[l], g[l], v[l] }' | sort
> _file	_line	_field	_reason
> thcs-2022-2023-tan-an-chau-thanh-tan-tru.csv	18	school_id	missing value
> thcs-2022-2023-duc-hoa-ben-luc-can-duoc-can-giuoc.csv	15	graduates	"12a" is not a number
> thcs-2022-2023-thu-thua-duc-hue-thanh-hoa.csv.gz	11	vocational	"-3" is below the minimum 0
> thpt-2022-2023-tan-an-chau-thanh-tan-tru-thu-thua.tsv	12	vocational	251 is greater than "Số HS tốt nghiệp" (215)
> thpt-2022-2023-duc-hoa-ben-luc-can-duoc-can-giuoc-duc-hue.csv	17	level	"THCS/THPT" is not one of THCS, THPT
> thpt-2022-2023-dong-thap-muoi.csv	14		10 fields, the header has 9
> thcs-2022-2023-dong-thap-muoi.csv	16	has_counsellor	"Chưa" is not a yes/no value
> THCS 72 69 68 17146 4833
> THPT 47 45 45 15430 6202
! luong-ingest: thcs-2022-2023-tan-an-chau-thanh-tan-tru.csv:18: column "Mã trường": missing value
! luong-ingest: thcs-2022-2023-duc-hoa-ben-luc-can-duoc-can-giuoc.csv:15: column "Số HS tốt nghiệp": "12a" is not a number
! luong-ingest: thcs-2022-2023-thu-thua-duc-hue-thanh-hoa.csv.gz:11: column "Số HS học GDNN": "-3" is below the minimum 0
! luong-ingest: thpt-2022-2023-tan-an-chau-thanh-tan-tru-thu-thua.tsv:12: column "Số HS học GDNN": 251 is greater than "Số HS tốt nghiệp" (215)
! luong-ingest: thpt-2022-2023-duc-hoa-ben-luc-can-duoc-can-giuoc-duc-hue.csv:17: column "Cấp học": "THCS/THPT" is not one of THCS, THPT
! luong-ingest: thpt-2022-2023-dong-thap-muoi.csv:14: 10 fields, the header has 9
! luong-ingest: 6 files, 107 rows read, 101 written, 6 rejected
! luong-ingest: thcs-2022-2023-dong-thap-muoi.csv:16: column "Có GV kiêm nhiệm tư vấn HN": "Chưa" is not a yes/no value
! luong-ingest: 1 file, 19 rows read, 18 written, 1 rejected

# With -e auto one run reads them all, the Windows-1258 file included: the
# same rows, the same rejects, the same totals.
$ cd "$TOP/samples/long-an" && luong-ingest -e auto -s ../../config/schemas/school-export.yaml -r "$T/r.tsv" -m 7 th* >"$T/a.tsv" || echo "exit $?"
$ cut -f1-4 "$T/r.tsv"
$ awk -F'\t' 'NR > 1 { n[$3]++; p[$3] += $6; c[$3] += $7; g[$3] += $8; v[$3] += $9 } END { for (l in n) print l, n[l], p[l], c[l], g[l], v[l] }' "$T/a.tsv" | sort
> _file	_line	_field	_reason
> thcs-2022-2023-dong-thap-muoi.csv	16	has_counsellor	"Chưa" is not a yes/no value
> thcs-2022-2023-duc-hoa-ben-luc-can-duoc-can-giuoc.csv	15	graduates	"12a" is not a number
> thcs-2022-2023-tan-an-chau-thanh-tan-tru.csv	18	school_id	missing value
> thcs-2022-2023-thu-thua-duc-hue-thanh-hoa.csv.gz	11	vocational	"-3" is below the minimum 0
> thpt-2022-2023-dong-thap-muoi.csv	14		10 fields, the header has 9
> thpt-2022-2023-duc-hoa-ben-luc-can-duoc-can-giuoc-duc-hue.csv	17	level	"THCS/THPT" is not one of THCS, THPT
> thpt-2022-2023-tan-an-chau-thanh-tan-tru-thu-thua.tsv	12	vocational	251 is greater than "Số HS tốt nghiệp" (215)
> THCS 72 69 68 17146 4833
> THPT 47 45 45 15430 6202
! luong-ingest: thcs-2022-2023-dong-thap-muoi.csv: read as cp1258
! luong-ingest: thcs-2022-2023-dong-thap-muoi.csv:16: column "Có GV kiêm nhiệm tư vấn HN": "Chưa" is not a yes/no value
! luong-ingest: thcs-2022-2023-duc-hoa-ben-luc-can-duoc-can-giuoc.csv:15: column "Số HS tốt nghiệp": "12a" is not a number
! luong-ingest: thcs-2022-2023-tan-an-chau-thanh-tan-tru.csv:18: column "Mã trường": missing value
! luong-ingest: thcs-2022-2023-thu-thua-duc-hue-thanh-hoa.csv.gz:11: column "Số HS học GDNN": "-3" is below the minimum 0
! luong-ingest: thpt-2022-2023-dong-thap-muoi.csv:14: 10 fields, the header has 9
! luong-ingest: thpt-2022-2023-duc-hoa-ben-luc-can-duoc-can-giuoc-duc-hue.csv:17: column "Cấp học": "THCS/THPT" is not one of THCS, THPT
! luong-ingest: thpt-2022-2023-tan-an-chau-thanh-tan-tru-thu-thua.tsv:12: column "Số HS học GDNN": 251 is greater than "Số HS tốt nghiệp" (215)
! luong-ingest: 7 files, 126 rows read, 119 written, 7 rejected

# The student-level schema keeps six fields: no name, no date of birth.
$ gen-students -n 3 -s 11 | luong-ingest -s "$TOP/config/schemas/student-export.yaml"
> student_id	school_id	level	district	school_year	outcome
> 8000000001	80805201	THCS	TÂN TRỤ	2022-2023	Đi làm
> 8000000002	80799201	THCS	Tân Thạnh	2022-2023	Vào lớp 10 THPT
> 8000000003	80806205	THCS	Cần Đước	2022-2023	Vào lớp 10 THPT
! luong-ingest: 1 file, 3 rows read, 3 written, 0 rejected
