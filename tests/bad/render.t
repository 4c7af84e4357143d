# luong-render's bad inputs, one class a case: bad text (file:line, exit
# 1), bad options and labels (exit 2), outputs that cannot be made
# (exit 1).  Nothing is written when the run fails.

# render-utf8: a value that is not UTF-8.
$ printf 'district\tn\nT\342n An\t1\n' >"$T/s.tsv"; cd "$T" && luong-render -f table s.tsv
! luong-render: s.tsv:2: field "district": invalid UTF-8 at byte 2
? 1

# render-format: a format that does not exist.
$ luong-render -f docx </dev/null
! luong-render: -f: unknown format "docx"
? 2

# render-locale: a locale with no labels file.
$ printf 'district\tn\nTân An\t1\n' | luong-render -f table --locale fr
! luong-render: labels-fr.yaml: not found; set LUONG_CONFIG to the directory that holds it
? 2

# render-layout: a layout that does not exist.
$ printf 'district\tn\nTân An\t1\n' | luong-render -f table --layout poster
! luong-render: --layout: unknown layout "poster"
? 2

# render-appendix: the appendix layout over a stream with no targets.
$ printf 'district\tn\nTân An\t1\n' >"$T/s.tsv"; cd "$T" && luong-render -f table --layout appendix s.tsv
! luong-render: s.tsv: the appendix layout needs an X_target field, such as vocational_target
? 1

# render-output-dir: -o into a directory that does not exist; nothing
# is left behind.
$ printf 'district\tn\nTân An\t1\n' >"$T/s.tsv"; cd "$T" && luong-render -f html -o no/such/r.html s.tsv; s=$?; ls; exit $s
> s.tsv
! luong-render: no/such/r.html: cannot create: No such file or directory
? 1

# render-coverage: a count of schools that is not one, or more schools
# reported than expected; nothing is written.
$ printf 'district\tschools_expected\tschools_reported\tvocational\tvocational_target\nTân An\t8\t9\t37.36\t35.09\n' >"$T/s.tsv"; cd "$T" && luong-render -f html -o r.html s.tsv; s=$?; ls; exit $s
> s.tsv
! luong-render: s.tsv:2: schools_reported 9 is more than schools_expected 8
? 1

$ printf 'district\tschools_expected\tschools_reported\tvocational\tvocational_target\nTân An\t8\t7.5\t37.36\t35.09\n' >"$T/s.tsv"; cd "$T" && luong-render -f xlsx -o r.xlsx s.tsv; s=$?; ls; exit $s
> s.tsv
! luong-render: s.tsv:2: field "schools_reported": "7.5" is not a number of schools (digits, at most 12)
? 1
