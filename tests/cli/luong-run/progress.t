# luong-run and the progress line of luong-ingest (tools/lib/progress):
# on a terminal (script(1) gives it a pty), luong-run asks its steps for
# theirs with LUONG_PROGRESS=1 and draws it as its own last line,
# "[name] ...", cleared before any other line.  The input is held back
# past the first quarter of a second (luong-ingest's data/slowly), and
# luong-ingest's data/progress-shape shows what the terminal was sent.

$ gen-students -n 6000 -s 1 >"$T/e.csv" && printf 'name: slow\nsteps:\n  - name: ingest\n    run: [luong-ingest, -s, %s/config/schemas/student-export.yaml]\n  - name: count\n    run: [wc, -l]\n' "$TOP" >"$T/p.yaml" && script -qfec "sh ../luong-ingest/data/slowly $T/e.csv | luong-run $T/p.yaml >/dev/null" /dev/null | sh ../luong-ingest/data/progress-shape
> [ingest] luong-ingest: N file, N rows, N MB, N MB/s
> (cleared)
> [ingest] luong-ingest: N file, N rows read, N written, N rejected
> luong-run: slow: N stages ok

# Not a terminal: no progress line, nor LUONG_PROGRESS for the steps.
$ gen-students -n 6000 -s 1 >"$T/e.csv" && printf 'name: slow\nsteps:\n  - name: ingest\n    run: [luong-ingest, -s, %s/config/schemas/student-export.yaml]\n  - name: env\n    run: [sh, -c, "cat >/dev/null; echo $${LUONG_PROGRESS-unset}"]\n' "$TOP" >"$T/p.yaml" && sh ../luong-ingest/data/slowly "$T/e.csv" | luong-run "$T/p.yaml"
> unset
! [ingest] luong-ingest: 1 file, 6000 rows read, 6000 written, 0 rejected
! luong-run: slow: 2 stages ok

# On a terminal, the steps are given LUONG_PROGRESS=1, whatever ours was.
$ printf 'name: env\nsteps:\n  - [sh, -c, "echo $${LUONG_PROGRESS-unset}"]\n' >"$T/p.yaml" && LUONG_PROGRESS=yes script -qfec "luong-run -q $T/p.yaml" /dev/null | tr -d '\r'
> 1

# LUONG_PROGRESS=1: shown on a file too; LUONG_PROGRESS=0: never, and
# the steps are told so.
$ gen-students -n 6000 -s 1 >"$T/e.csv" && printf 'name: slow\nsteps:\n  - name: ingest\n    run: [luong-ingest, -s, %s/config/schemas/student-export.yaml]\n' "$TOP" >"$T/p.yaml" && sh ../luong-ingest/data/slowly "$T/e.csv" | LUONG_PROGRESS=1 luong-run "$T/p.yaml" 2>"$T/err" >/dev/null; sh ../luong-ingest/data/progress-shape <"$T/err"
> [ingest] luong-ingest: N file, N rows, N MB, N MB/s
> (cleared)
> [ingest] luong-ingest: N file, N rows read, N written, N rejected
> luong-run: slow: N stage ok

$ gen-students -n 6000 -s 1 >"$T/e.csv" && printf 'name: slow\nsteps:\n  - name: ingest\n    run: [luong-ingest, -s, %s/config/schemas/student-export.yaml]\n' "$TOP" >"$T/p.yaml" && script -qfec "sh ../luong-ingest/data/slowly $T/e.csv | LUONG_PROGRESS=0 luong-run $T/p.yaml >/dev/null" /dev/null | sh ../luong-ingest/data/progress-shape
> [ingest] luong-ingest: N file, N rows read, N written, N rejected
> luong-run: slow: N stage ok

# A step's own progress line, when luong-run shows none, is not passed
# on: of a line redrawn after carriage returns, only what a terminal
# would end with counts.
$ gen-students -n 6000 -s 1 >"$T/e.csv" && printf 'name: slow\nsteps:\n  - name: ingest\n    run: [luong-ingest, --progress, -s, %s/config/schemas/student-export.yaml]\n  - name: cr\n    run: [sh, -c, "cat >/dev/null; printf \\"a\\\\\\\\rb\\\\\\\\rlast\\\\\\\\n\\" >&2"]\n' "$TOP" >"$T/p.yaml" && sh ../luong-ingest/data/slowly "$T/e.csv" | luong-run "$T/p.yaml" 2>&1 | od -c | grep -c '\\r'; sh ../luong-ingest/data/slowly "$T/e.csv" | luong-run "$T/p.yaml"
> 0
! [ingest] luong-ingest: 1 file, 6000 rows read, 6000 written, 0 rejected
! [cr] last
! luong-run: slow: 2 stages ok
