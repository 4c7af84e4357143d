# Names that must not resolve: each is rejected with the reason it must
# get (any other reason is printed), and nothing reaches stdout but the
# header.
$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c value -r "$T/rej.tsv" -m 100 data/unresolved.tsv
$ awk -F'\t' 'NR > 1 && $3 != $6 { print "MISMATCH", $0 } END { print NR - 1, "rejected" }' "$T/rej.tsv"
> value	value_code	want_reason
> 22 rejected
! luong-normalise: 22 rows read, 0 written, 22 rejected; exact 0, alias 0, code 0, ascii 0, folded 0, fuzzy 0, unresolved 22; 22 distinct values

# The rejects file in full: where, why, the nearest candidates, the row.
$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c value -r "$T/rej.tsv" -m 100 data/unresolved.tsv 2>/dev/null
$ cat "$T/rej.tsv"
> value	value_code	want_reason
> _file	_line	_reason	_candidates	value	want_reason
> data/unresolved.tsv	2	the province, not one of its units		Long An	the province, not one of its units
> data/unresolved.tsv	3	no unit matches		Tỉnh Long An	no unit matches
> data/unresolved.tsv	4	no unit matches	Châu Thành (808)	Châu Thành A	no unit matches
> data/unresolved.tsv	5	no unit matches	Châu Thành (808)	Huyện Châu Thành A	no unit matches
> data/unresolved.tsv	6	only a kind prefix, no name		Huyện	only a kind prefix, no name
> data/unresolved.tsv	7	only a kind prefix, no name		H.	only a kind prefix, no name
> data/unresolved.tsv	8	only a kind prefix, no name		THÀNH PHỐ 	only a kind prefix, no name
> data/unresolved.tsv	9	only a kind prefix, no name		Thi xa	only a kind prefix, no name
> data/unresolved.tsv	10	empty value			empty value
> data/unresolved.tsv	11	empty value		   	empty value
> data/unresolved.tsv	12	empty value		 	empty value
> data/unresolved.tsv	13	unknown code	Châu Thành (808), Cần Giuộc (807), Cần Đước (806)	809	unknown code
> data/unresolved.tsv	14	unknown code		7940	unknown code
> data/unresolved.tsv	15	the province's code, not a unit's		80	the province's code, not a unit's
> data/unresolved.tsv	16	no unit matches		TP. Hồ Chí Minh	no unit matches
> data/unresolved.tsv	17	no unit matches		Tây Ninh	no unit matches
> data/unresolved.tsv	18	no unit matches		Đức Hòa Đông	no unit matches
> data/unresolved.tsv	19	no unit matches		Tân An, Tân Trụ	no unit matches
> data/unresolved.tsv	20	no unit matches	Đức Hòa (802), Đức Huệ (801)	Duc Hao	no unit matches
> data/unresolved.tsv	21	no unit matches		Thạnh	no unit matches
> data/unresolved.tsv	22	no unit matches	Mộc Hóa (798)	Mộc Hóa 2	no unit matches
> data/unresolved.tsv	23	not valid UTF-8		M�c Ho�	not valid UTF-8

# --fuzzy does not make them resolve, except the one-edit typo.
$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c value --fuzzy --match-column match --unknown keep data/unresolved.tsv | awk -F'\t' '$2 != ""'
> value	value_code	match	want_reason
> Đức Hòa	802	fuzzy	no unit matches
! luong-normalise: 22 rows read, 22 written, 0 rejected; exact 0, alias 0, code 0, ascii 0, folded 0, fuzzy 1, unresolved 21; 22 distinct values
