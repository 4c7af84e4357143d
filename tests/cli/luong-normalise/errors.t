# Usage errors: the synopsis on stderr, exit 2.
$ luong-normalise
! luong-normalise: -g is required
! usage: luong-normalise -g gazetteer.yaml -c column [--code-column name]
!                        [--match-column name] [--fuzzy] [-r rejects.tsv]
!                        [-m max-rejects] [--unknown reject|keep|fail]
!                        [file ...]
!        luong-normalise -g gazetteer.yaml [--fuzzy] --explain name
? 2

$ luong-normalise -c district data/schools.tsv
! luong-normalise: -g is required
! usage: luong-normalise -g gazetteer.yaml -c column [--code-column name]
!                        [--match-column name] [--fuzzy] [-r rejects.tsv]
!                        [-m max-rejects] [--unknown reject|keep|fail]
!                        [file ...]
!        luong-normalise -g gazetteer.yaml [--fuzzy] --explain name
? 2

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" data/schools.tsv
! luong-normalise: -c is required
! usage: luong-normalise -g gazetteer.yaml -c column [--code-column name]
!                        [--match-column name] [--fuzzy] [-r rejects.tsv]
!                        [-m max-rejects] [--unknown reject|keep|fail]
!                        [file ...]
!        luong-normalise -g gazetteer.yaml [--fuzzy] --explain name
? 2

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -x
! luong-normalise: unknown option -x
! usage: luong-normalise -g gazetteer.yaml -c column [--code-column name]
!                        [--match-column name] [--fuzzy] [-r rejects.tsv]
!                        [-m max-rejects] [--unknown reject|keep|fail]
!                        [file ...]
!        luong-normalise -g gazetteer.yaml [--fuzzy] --explain name
? 2

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" --no-such-option
! luong-normalise: unknown option --no-such-option
! usage: luong-normalise -g gazetteer.yaml -c column [--code-column name]
!                        [--match-column name] [--fuzzy] [-r rejects.tsv]
!                        [-m max-rejects] [--unknown reject|keep|fail]
!                        [file ...]
!        luong-normalise -g gazetteer.yaml [--fuzzy] --explain name
? 2

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c
! luong-normalise: option -c requires an argument
! usage: luong-normalise -g gazetteer.yaml -c column [--code-column name]
!                        [--match-column name] [--fuzzy] [-r rejects.tsv]
!                        [-m max-rejects] [--unknown reject|keep|fail]
!                        [file ...]
!        luong-normalise -g gazetteer.yaml [--fuzzy] --explain name
? 2

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" --explain
! luong-normalise: option --explain requires an argument
! usage: luong-normalise -g gazetteer.yaml -c column [--code-column name]
!                        [--match-column name] [--fuzzy] [-r rejects.tsv]
!                        [-m max-rejects] [--unknown reject|keep|fail]
!                        [file ...]
!        luong-normalise -g gazetteer.yaml [--fuzzy] --explain name
? 2

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district --explain 'Tân An'
! usage: luong-normalise -g gazetteer.yaml -c column [--code-column name]
!                        [--match-column name] [--fuzzy] [-r rejects.tsv]
!                        [-m max-rejects] [--unknown reject|keep|fail]
!                        [file ...]
!        luong-normalise -g gazetteer.yaml [--fuzzy] --explain name
? 2

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" --explain 'Tân An' data/schools.tsv
! usage: luong-normalise -g gazetteer.yaml -c column [--code-column name]
!                        [--match-column name] [--fuzzy] [-r rejects.tsv]
!                        [-m max-rejects] [--unknown reject|keep|fail]
!                        [file ...]
!        luong-normalise -g gazetteer.yaml [--fuzzy] --explain name
? 2

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" --unknown keep --explain 'Tân An'
! usage: luong-normalise -g gazetteer.yaml -c column [--code-column name]
!                        [--match-column name] [--fuzzy] [-r rejects.tsv]
!                        [-m max-rejects] [--unknown reject|keep|fail]
!                        [file ...]
!        luong-normalise -g gazetteer.yaml [--fuzzy] --explain name
? 2

# Bad option values: a message, exit 2.
$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district -m many data/schools.tsv
! luong-normalise: -m "many": expected a number of rows
? 2

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district -m -1 data/schools.tsv
! luong-normalise: -m "-1": expected a number of rows
? 2

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district -m 99999999999999999999 data/schools.tsv
! luong-normalise: -m "99999999999999999999": expected a number of rows
? 2

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district --unknown drop data/schools.tsv
! luong-normalise: --unknown "drop": expected reject, keep or fail
? 2

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district --unknown keep -r "$T/r.tsv" data/schools.tsv
! luong-normalise: -r and -m apply only to --unknown reject
? 2

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district --unknown fail -m 3 data/schools.tsv
! luong-normalise: -r and -m apply only to --unknown reject
? 2

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c '' data/schools.tsv
! luong-normalise: -c: the column name is empty
? 2

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district --code-column '' data/schools.tsv
! luong-normalise: a column name is empty
? 2

# A missing input fails before any output, even when it is not the first.
$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district data/schools.tsv data/no-such.tsv
! luong-normalise: data/no-such.tsv: cannot open: No such file or directory
? 2

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district data/no-such.tsv
! luong-normalise: data/no-such.tsv: cannot open: No such file or directory
? 2

# A missing gazetteer fails before the input is looked at.
$ luong-normalise -g data/no-such.yaml -c district data/no-such.tsv
! luong-normalise: data/no-such.yaml: cannot open: No such file or directory
? 2

# The column must exist; the new columns must not.
$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c huyen data/schools.tsv
! luong-normalise: data/schools.tsv:1: no field "huyen" in the header
? 2

$ printf 'district\tdistrict_code\nTân An\t794\n' | luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district
! luong-normalise: <stdin>: the input already has a field "district_code" (choose another name with --code-column)
? 2

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district --code-column graduates data/schools.tsv
! luong-normalise: data/schools.tsv: the input already has a field "graduates" (choose another name with --code-column)
? 2

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district --code-column district data/schools.tsv
! luong-normalise: data/schools.tsv: the input already has a field "district" (choose another name with --code-column)
? 2

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district --match-column school_id data/schools.tsv
! luong-normalise: data/schools.tsv: the input already has a field "school_id" (choose another name with --match-column)
? 2

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district --match-column district_code data/schools.tsv
! luong-normalise: --match-column and the code column are both "district_code"
? 2

# The rejects file cannot be created: exit 2 before any output.
$ d=$PWD; cd "$T" && luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district -r no/such/dir/r.tsv "$d/data/schools.tsv"
! luong-normalise: no/such/dir/r.tsv: cannot create: No such file or directory
? 2

# Input errors from the stream reader.
$ printf '' | luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district
! luong-normalise: <stdin>: empty input: no header line
? 2

$ printf 'district\tn\nTân An\t1\nTân Trụ\n' | luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district
! luong-normalise: <stdin>:3: 1 field, the header has 2
? 1

$ printf 'district\tn\nTân An\t1\nTân An\t1\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\n' | luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district
! luong-normalise: <stdin>:3: 41 fields, the header has 2
? 1

# A header of 40 fields, a row of 81: the reader's room for the fields
# past the header's (make san sees a write beyond it).
$ awk 'BEGIN { h = "district"; r = "Tân An"; w = r; for (i = 2; i <= 40; i++) { h = h "\tf" i; r = r "\t" i }; for (i = 2; i <= 81; i++) w = w "\t"; print h; print r; print w }' | luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district
! luong-normalise: <stdin>:3: 81 fields, the header has 40
? 1

$ printf 'district\tn\nTân An\t1\nTân\000An\t2\n' | luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district
! luong-normalise: <stdin>:3: field "district" holds a NUL byte (not valid in a record stream)
? 1

$ printf 'district\tn\nTân An\t1\nTân An\t2\000\t\t\n' | luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district
! luong-normalise: <stdin>:3: field "n" holds a NUL byte (not valid in a record stream)
? 1

$ printf 'district\nTân An\n' >"$T/a.tsv"; printf 'huyen\nTân An\n' >"$T/b.tsv"; cd "$T" && luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district a.tsv b.tsv
! luong-normalise: b.tsv:1: header differs from a.tsv's: field 1 is "huyen", not "district"
? 2

# Write errors: a full disk is never silent (exit 1).
$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district -m 2 data/schools.tsv >/dev/full
! luong-normalise: data/schools.tsv:9: district "Long An": the province, not one of its units
! luong-normalise: data/schools.tsv:11: district "Duc Hao": no unit matches; nearest: Đức Hòa (802), Đức Huệ (801)
! luong-normalise: <stdout>: write error: No space left on device
? 1

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district -m 2 -r /dev/full data/schools.tsv >/dev/null
! luong-normalise: /dev/full: write error: No space left on device
? 1

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" --explain 'Tân An' >/dev/full
! luong-normalise: <stdout>: write error: No space left on device
? 1

# -r naming the gazetteer: refused, the gazetteer intact.
$ cp "$TOP/config/long-an/districts.yaml" "$T/g.yaml" && cd "$T" && printf 'district\nTân An\n' >t.tsv && luong-normalise -g g.yaml -c district -r g.yaml t.tsv; echo "exit $?"; cmp g.yaml "$TOP/config/long-an/districts.yaml" && echo intact
> exit 2
> intact
! luong-normalise: -r g.yaml would overwrite the input g.yaml
