# Bad gazetteers: exit 2 with file:line:col before any input is read.
$ printf 'district\nTân An\n' | luong-normalise -g data/gaz-dup-code.yaml -c district
! luong-normalise: data/gaz-dup-code.yaml:9:11: duplicate code 802: "Đức Hòa" on line 5 has it already
? 2

$ luong-normalise -g data/gaz-same-name.yaml --explain 'Đức Hòa'
! luong-normalise: data/gaz-same-name.yaml:13:11: "ĐỨC HOÀ" cannot be told apart from "Đức Hòa" on line 7 (same name once case, spacing, tone placement and kind prefix are ignored)
? 2

$ luong-normalise -g data/gaz-same-name-prefix.yaml --explain 'Tân An'
! luong-normalise: data/gaz-same-name-prefix.yaml:8:11: "Thị xã Tân An" cannot be told apart from "Tân An" on line 5 (same name once case, spacing, tone placement and kind prefix are ignored)
? 2

$ printf 'district\nTân An\n' | luong-normalise -g data/gaz-syntax.yaml -c district
! luong-normalise: data/gaz-syntax.yaml:12:1: YAML error: found unexpected end of stream while scanning a quoted scalar
? 2

$ luong-normalise -g data/gaz-indent.yaml --explain 'Đức Hòa'
! luong-normalise: data/gaz-indent.yaml:7:4: YAML error: did not find expected '-' indicator while parsing a block collection
? 2

$ luong-normalise -g data/gaz-unknown-key.yaml --explain 'Thanh Hóa'
! luong-normalise: data/gaz-unknown-key.yaml:8:5: unknown key "alias"
? 2

$ luong-normalise -g data/gaz-missing-code.yaml --explain 'Đức Huệ'
! luong-normalise: data/gaz-missing-code.yaml:8:5: missing key "code"
? 2

$ luong-normalise -g data/gaz-missing-province.yaml --explain 'Đức Hòa'
! luong-normalise: data/gaz-missing-province.yaml:1:1: missing key "province"
? 2

$ luong-normalise -g data/gaz-alias-name.yaml --explain 'Tân Thạnh'
! luong-normalise: data/gaz-alias-name.yaml:9:26: alias "Tân Thạnh" of "Thạnh Hóa" is the name of "Tân Thạnh" on line 10
? 2

$ luong-normalise -g data/gaz-alias-twice.yaml --explain 'Thanh Hóa'
! luong-normalise: data/gaz-alias-twice.yaml:12:15: alias "THANH HOÁ" of "Tân Thạnh" is also an alias of "Thạnh Hóa" on line 5
? 2

$ luong-normalise -g data/gaz-kind.yaml --explain 'Tân An'
! luong-normalise: data/gaz-kind.yaml:7:11: kind "quận" is not "thành phố", "thị xã" or "huyện"
? 2

$ luong-normalise -g data/gaz-code.yaml --explain 'Tân An'
! luong-normalise: data/gaz-code.yaml:6:11: code "79a" is not a number (digits only)
? 2

# A code of digits that is too long is out of range, not "not a number":
# 19 digits, or 23; leading zeros do not count (the last line of
# --explain, the result).
$ for c in 1234567890123456789 12345678901234567890123 000000000000000000000794; do sed "s/79a/$c/" data/gaz-code.yaml >"$T/g.yaml"; luong-normalise -g "$T/g.yaml" --explain 794 >"$T/out" 2>&1; echo "exit $?: $(sed "s|$T/||" "$T/out" | tail -n 1)"; done
> exit 2: luong-normalise: g.yaml:6:11: code "1234567890123456789" is out of range (at most 18 digits)
> exit 2: luong-normalise: g.yaml:6:11: code "12345678901234567890123" is out of range (at most 18 digits)
> exit 0: result     Tân An	000000000000000000000794	code

$ luong-normalise -g data/gaz-date.yaml --explain 'Tân An'
! luong-normalise: data/gaz-date.yaml:8:15: "2025-02-29" is not a date
? 2

$ luong-normalise -g data/gaz-date-order.yaml --explain 'Tân An'
! luong-normalise: data/gaz-date-order.yaml:9:15: valid_to 2009-08-24 is not after valid_from 2025-07-01
? 2

$ luong-normalise -g data/gaz-no-units.yaml --explain 'Tân An'
! luong-normalise: data/gaz-no-units.yaml:4:8: no units
? 2

$ luong-normalise -g data/gaz-prefix-only.yaml --explain 'Tân An'
! luong-normalise: data/gaz-prefix-only.yaml:5:11: name "Huyện" is blank or only a kind prefix
? 2

$ luong-normalise -g data/gaz-alias-list.yaml --explain 'Tân An'
! luong-normalise: data/gaz-alias-list.yaml:8:14: aliases: expected a list, found a scalar
? 2

$ luong-normalise -g data/gaz-empty.yaml --explain 'Tân An'
! luong-normalise: data/gaz-empty.yaml: empty gazetteer
? 2

$ luong-normalise -g data/no-such.yaml --explain 'Tân An'
! luong-normalise: data/no-such.yaml: cannot open: No such file or directory
? 2

# Two units that differ only in diacritics are allowed: the exact name
# tells them apart, a name without diacritics (or with other ones) is
# ambiguous and rejected with both as candidates.
$ printf 'd\nThanh Hóa\nTHẠNH HOÁ\nThanh Hoa\nThành Hóa\nDuc Hoi\nDuc Hoe\n' | luong-normalise -g data/gaz-twins.yaml -c d --match-column m --fuzzy -r "$T/rej.tsv" -m 3; cat "$T/rej.tsv"
> d	d_code	m
> Thanh Hóa	901	exact
> Thạnh Hóa	902	exact
> Duc Hoe	903	exact
> _file	_line	_reason	_candidates	d
> <stdin>	4	ambiguous: the name without diacritics fits several units	Thanh Hóa (901), Thạnh Hóa (902)	Thanh Hoa
> <stdin>	5	ambiguous: the name without diacritics fits several units	Thanh Hóa (901), Thạnh Hóa (902)	Thành Hóa
> <stdin>	6	ambiguous: one edit from several units	Duc Hoe (903), Duc Hoa (904)	Duc Hoi
! luong-normalise: 6 rows read, 3 written, 3 rejected; exact 3, alias 0, code 0, ascii 0, folded 0, fuzzy 0, unresolved 3; 6 distinct values

$ luong-normalise -g data/gaz-twins.yaml --explain 'Thanh Hoa'
> input      "Thanh Hoa"
> key        "thanh hoa"
> prefix     none
> name       "thanh hoa"
> folded     "thanh hoa" (the name has no diacritics)
> 1 exact    no unit is named "thanh hoa"
> 2 alias    no unit has the alias "thanh hoa"
> 3 code     not a code
> 4 ascii    2 units fold to "thanh hoa"
> 5 folded   not tried: the name has no diacritics
> 6 fuzzy    not tried: ambiguous
> result     unresolved: ambiguous: the name without diacritics fits several units
> candidates Thanh Hóa (901), Thạnh Hóa (902)
? 1

$ luong-normalise -g data/gaz-twins.yaml --fuzzy --explain 'Duc Hoi'
> input      "Duc Hoi"
> key        "duc hoi"
> prefix     none
> name       "duc hoi"
> folded     "duc hoi" (the name has no diacritics)
> 1 exact    no unit is named "duc hoi"
> 2 alias    no unit has the alias "duc hoi"
> 3 code     not a code
> 4 ascii    no unit folds to "duc hoi"
> 5 folded   not tried: the name has no diacritics
> 6 fuzzy    2 units are one edit from "duc hoi"
> result     unresolved: ambiguous: one edit from several units
> candidates Duc Hoe (903), Duc Hoa (904)
? 1

# The province of this gazetteer is not Long An.
$ luong-normalise -g data/gaz-twins.yaml --explain 'tỉnh mẫu'
> input      "tỉnh mẫu"
> key        "tỉnh mẫu"
> prefix     none
> name       "tỉnh mẫu"
> folded     "tinh mau"
> 1 exact    no unit is named "tỉnh mẫu"
> 2 alias    no unit has the alias "tỉnh mẫu"
> 3 code     not a code
> 4 ascii    not tried: the name has diacritics
> 5 folded   no unit folds to "tinh mau"
> 6 fuzzy    not tried (no --fuzzy)
> result     unresolved: the province, not one of its units
? 1
