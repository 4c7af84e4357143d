# luong-normalise: the command line.  Column names and --explain are
# taken in NFC, as the stream is; the rejects file never replaces an
# input; --help that cannot be written is an error.

# -c in NFD names the NFC field; the code field is named from it in NFC.
$ printf 'Huy\341\273\207n\tn\nT\303\242n An\t1\n' | luong-normalise -g "$TOP/config/long-an/districts.yaml" -c "$(printf 'Huye\314\243\314\202n')" 2>/dev/null >"$T/o"; printf 'Huy\341\273\207n\tHuy\341\273\207n_code\tn\nT\303\242n An\t794\t1\n' | cmp - "$T/o" && cat "$T/o"
> Huyện	Huyện_code	n
> Tân An	794	1

# --code-column and --match-column in NFD: NFC in the header.
$ printf 'd\nT\303\242n An\n' | luong-normalise -g "$TOP/config/long-an/districts.yaml" -c d --code-column "$(printf 'ma\314\203')" --match-column "$(printf 'kie\314\202\314\211u')" 2>/dev/null >"$T/o"; printf 'd\tm\303\243\tki\341\273\203u\nT\303\242n An\t794\texact\n' | cmp - "$T/o" && cat "$T/o"
> d	mã	kiểu
> Tân An	794	exact

# --explain in NFD explains the NFC name.
$ nfd=$(printf 'Ta\314\202n An'); luong-normalise -g "$TOP/config/long-an/districts.yaml" --explain "$nfd" >"$T/a"; luong-normalise -g "$TOP/config/long-an/districts.yaml" --explain 'Tân An' >"$T/b"; cmp "$T/a" "$T/b" && head -1 "$T/a"
> input      "Tân An"

# Not UTF-8 on the command line: exit 2.
$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c "$(printf 'd\377')" data/schools.tsv
! luong-normalise: -c: not valid UTF-8
? 2

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district --match-column "$(printf 'm\377')" data/schools.tsv
! luong-normalise: --match-column: not valid UTF-8
? 2

# The rejects file must not be an input, by any name or as standard
# input: exit 2 before anything is written, the input left as it was.
$ cp data/schools.tsv "$T/in.tsv"; cd "$T" && luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district -r in.tsv in.tsv; echo "exit $?"; cmp in.tsv "$OLDPWD/data/schools.tsv" && ls -A
> exit 2
> in.tsv
! luong-normalise: -r in.tsv would overwrite the input in.tsv

$ cp data/schools.tsv "$T/in.tsv"; cd "$T" && luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district -r in.tsv <in.tsv; echo "exit $?"; cmp in.tsv "$OLDPWD/data/schools.tsv" && ls -A
> exit 2
> in.tsv
! luong-normalise: -r in.tsv would overwrite the input <stdin>

$ cp data/schools.tsv "$T/in.tsv"; ln "$T/in.tsv" "$T/other.tsv"; cd "$T" && luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district -r other.tsv - "$OLDPWD/data/schools.tsv" <in.tsv; echo "exit $?"; cmp in.tsv "$OLDPWD/data/schools.tsv" && echo intact
> exit 2
> intact
! luong-normalise: -r other.tsv would overwrite the input <stdin>

# The rejects file replaces an old one as a whole, leaving no temporary
# file; a pipe is written in place.
$ cd "$T" && echo old >rej.tsv && luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district -m 2 -r rej.tsv "$OLDPWD/data/schools.tsv" >/dev/null; ls -A; cut -f 3 rej.tsv
> rej.tsv
> _reason
> the province, not one of its units
> no unit matches
! luong-normalise: 11 rows read, 9 written, 2 rejected; exact 5, alias 1, code 1, ascii 1, folded 1, fuzzy 0, unresolved 2; 11 distinct values

$ luong-normalise -g "$TOP/config/long-an/districts.yaml" -c district -m 2 -r /dev/fd/3 data/schools.tsv 3>&1 >/dev/null 2>/dev/null | cut -f 1,2,6
> _file	_line	district
> data/schools.tsv	9	Long An
> data/schools.tsv	11	Duc Hao

$ luong-normalise --help >/dev/full
! luong-normalise: <stdout>: write error: No space left on device
? 1
