# luong-ingest on the bundled Long An samples (samples/long-an/README.md):
# seven CSV files with 126 data rows, 119 valid, 7 rejected, at the lines
# and for the reasons that README lists, and two workbooks of 4 rows each.
# The Windows-1258 file needs -e cp1258, the others are UTF-8, so with a
# given encoding they take two runs.
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

# With -e auto one run reads them all, the Windows-1258 file and the two
# workbooks included: the same rejects, the totals with the workbooks' 8
# schools.
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
> THCS 76 72 71 17873 5039
> THPT 51 48 48 16591 6683
! luong-ingest: thcs-2022-2023-bo-sung.xlsx: sheet "Danh mục" passed over: no header in its first 16 rows: no column for "Mã trường", "Cấp học", "Năm học", "Số HS tốt nghiệp", "Số HS học GDNN"
! luong-ingest: thcs-2022-2023-dong-thap-muoi.csv: read as cp1258
! luong-ingest: thcs-2022-2023-dong-thap-muoi.csv:16: column "Có GV kiêm nhiệm tư vấn HN": "Chưa" is not a yes/no value
! luong-ingest: thcs-2022-2023-duc-hoa-ben-luc-can-duoc-can-giuoc.csv:15: column "Số HS tốt nghiệp": "12a" is not a number
! luong-ingest: thcs-2022-2023-tan-an-chau-thanh-tan-tru.csv:18: column "Mã trường": missing value
! luong-ingest: thcs-2022-2023-thu-thua-duc-hue-thanh-hoa.csv.gz:11: column "Số HS học GDNN": "-3" is below the minimum 0
! luong-ingest: thpt-2022-2023-bo-sung.xls: sheet "Danh mục" passed over: no header in its first 16 rows: no column for "Mã trường", "Cấp học", "Năm học", "Số HS tốt nghiệp", "Số HS học GDNN"
! luong-ingest: thpt-2022-2023-dong-thap-muoi.csv:14: 10 fields, the header has 9
! luong-ingest: thpt-2022-2023-duc-hoa-ben-luc-can-duoc-can-giuoc-duc-hue.csv:17: column "Cấp học": "THCS/THPT" is not one of THCS, THPT
! luong-ingest: thpt-2022-2023-tan-an-chau-thanh-tan-tru-thu-thua.tsv:12: column "Số HS học GDNN": 251 is greater than "Số HS tốt nghiệp" (215)
! luong-ingest: 9 files, 134 rows read, 127 written, 7 rejected

# The student-level schema keeps six fields: no name, no date of birth.
$ gen-students -n 3 -s 11 | luong-ingest -s "$TOP/config/schemas/student-export.yaml"
> student_id	school_id	level	district	school_year	outcome
> 8000000001	80805201	THCS	TÂN TRỤ	2022-2023	Đi làm
> 8000000002	80799201	THCS	Tân Thạnh	2022-2023	Vào lớp 10 THPT
> 8000000003	80806205	THCS	Cần Đước	2022-2023	Vào lớp 10 THPT
! luong-ingest: 1 file, 3 rows read, 3 written, 0 rejected

# The two workbooks LibreOffice made: the catalogue sheet passed over, the
# merged title and the blank row above the header, header cells with line
# breaks, numeric school codes and counts.
$ cd "$TOP/samples/long-an" && luong-ingest --source -s ../../config/schemas/school-export.yaml thcs-2022-2023-bo-sung.xlsx thpt-2022-2023-bo-sung.xls
> school_id	school_name	level	district	school_year	has_programme	has_counsellor	graduates	vocational	_file	_line
> 80794208	THCS Lê Lợi	THCS	TP Tân An	2022-2023	1	1	212	66	thcs-2022-2023-bo-sung.xlsx:THCS 2022-2023	4
> 80803208	THCS Thạnh Lợi	THCS	Huyện Bến Lức	2022-2023	0	1	148	39	thcs-2022-2023-bo-sung.xlsx:THCS 2022-2023	5
> 80807207	THCS Long Hậu	THCS	Cần Giuộc	2022-2023	1	1	236	71	thcs-2022-2023-bo-sung.xlsx:THCS 2022-2023	6
> 80808206	THCS Thanh Phú Long	THCS	H. Châu Thành	2022-2023	1	0	131	30	thcs-2022-2023-bo-sung.xlsx:THCS 2022-2023	7
> 80794305	THPT Hùng Vương	THPT	Tân An	2022-2023	1	1	318	140	thpt-2022-2023-bo-sung.xls:THPT 2022-2023	4
> 80803304	THPT Gò Đen	THPT	Bến Lức	2022-2023	1	1	402	171	thpt-2022-2023-bo-sung.xls:THPT 2022-2023	5
> 80808304	THPT Nguyễn Thông	THPT	Huyện Châu Thành	2022-2023	0	1	277	109	thpt-2022-2023-bo-sung.xls:THPT 2022-2023	6
> 80796304	THPT Hưng Điền B	THPT	Tân Hưng	2022-2023	1	0	164	61	thpt-2022-2023-bo-sung.xls:THPT 2022-2023	7
! luong-ingest: thcs-2022-2023-bo-sung.xlsx: sheet "Danh mục" passed over: no header in its first 16 rows: no column for "Mã trường", "Cấp học", "Năm học", "Số HS tốt nghiệp", "Số HS học GDNN"
! luong-ingest: thpt-2022-2023-bo-sung.xls: sheet "Danh mục" passed over: no header in its first 16 rows: no column for "Mã trường", "Cấp học", "Năm học", "Số HS tốt nghiệp", "Số HS học GDNN"
! luong-ingest: 2 files, 8 rows read, 8 written, 0 rejected
