# -f html: one self-contained, polyglot file.  The whole document for a
# small input: the style sheet, the table, one chart.
$ SOURCE_DATE_EPOCH=1678147200 luong-render -f html data/tiny.tsv
> <!DOCTYPE html>
> <html xmlns="http://www.w3.org/1999/xhtml" lang="vi" xml:lang="vi">
> <head>
> <meta charset="utf-8"/>
> <meta name="viewport" content="width=device-width, initial-scale=1"/>
> <meta name="generator" content="luong-render"/>
> <meta name="date" content="2023-03-07T00:00:00Z"/>
> <title>Kết quả thực hiện chỉ tiêu giáo dục hướng nghiệp và định hướng phân luồng học sinh</title>
> <style>
> @page { size: A4 landscape; margin: 12mm 12mm 14mm; }
> body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 11pt; color: #000; background: #fff; max-width: 90em; margin: 1em auto; padding: 0 1em; }
> h1 { font-size: 15pt; text-align: center; }
> h2 { font-size: 13pt; margin-top: 1.5em; }
> h3 { font-size: 11pt; margin: 1em 0 0.3em; }
> p.created { text-align: right; font-size: 10pt; font-style: italic; }
> p.rule { margin: 0.4em 0 0; font-style: italic; }
> table { border-collapse: collapse; width: calc(100% - 2px); margin: 0 1px; font-size: 10pt; }
> thead { display: table-header-group; }
> tr { page-break-inside: avoid; break-inside: avoid; }
> th, td { border: 1px solid #444; padding: 2px 4px; vertical-align: top; }
> th { background: #eee; font-weight: bold; text-align: center; }
> td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
> td.met { text-align: center; white-space: nowrap; }
> tbody td:nth-child(2) { white-space: nowrap; }
> td.miss { text-align: center; white-space: nowrap; font-weight: bold; font-style: italic; color: #b00020; }
> tr.total td { font-weight: bold; background: #f4f4f4; }
> div.chart { page-break-inside: avoid; break-inside: avoid; }
> svg { width: 100%; max-width: 170mm; height: auto; display: block; }
> svg text { font-family: inherit; font-size: 13px; fill: #000; }
> svg text.total { font-weight: bold; }
> @media print { body { max-width: none; margin: 0; padding: 0; } }
> </style>
> </head>
> <body>
> <h1>Kết quả thực hiện chỉ tiêu giáo dục hướng nghiệp và định hướng phân luồng học sinh</h1>
> <p class="created">Lập ngày 07/03/2023</p>
> <table>
> <thead>
> <tr><th rowspan="2" scope="col">STT</th><th rowspan="2" scope="col">Huyện, thị xã, thành phố</th><th colspan="3" scope="colgroup">Học GDNN</th></tr>
> <tr><th scope="col">Thực hiện</th><th scope="col">Chỉ tiêu</th><th scope="col">Kết quả</th></tr>
> </thead>
> <tbody>
> <tr><td class="n">01</td><td>Tân An</td><td class="n">36,25</td><td class="n">35,09</td><td class="met">Đạt</td></tr>
> <tr><td class="n">02</td><td>Đức Hòa</td><td class="n">20,00</td><td class="n">37,87</td><td class="miss">Không đạt</td></tr>
> </tbody>
> </table>
> <div class="chart">
> <h3>Học GDNN</h3>
> <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 92" role="img" aria-label="Học GDNN">
> <defs><pattern id="miss-1" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><rect width="3" height="6" fill="#c62828"/></pattern></defs>
> <rect x="94.0" y="8" width="22" height="12" fill="#1b5e20" stroke="#1b5e20"/><text x="122.0" y="19">Đạt</text>
> <rect x="155.0" y="8" width="22" height="12" fill="url(#miss-1)" stroke="#c62828"/><text x="183.0" y="19">Không đạt</text>
> <path d="M264.0 5v19" stroke="#000" stroke-width="2.5"/><text x="274.0" y="19">Chỉ tiêu</text>
> <path d="M94.0 30v38" stroke="#bbb" stroke-width="0.8"/><text x="94.0" y="86" text-anchor="middle" class="tick">0</text>
> <path d="M234.5 30v38" stroke="#bbb" stroke-width="0.8"/><text x="234.5" y="86" text-anchor="middle" class="tick">10</text>
> <path d="M375.0 30v38" stroke="#bbb" stroke-width="0.8"/><text x="375.0" y="86" text-anchor="middle" class="tick">20</text>
> <path d="M515.5 30v38" stroke="#bbb" stroke-width="0.8"/><text x="515.5" y="86" text-anchor="middle" class="tick">30</text>
> <path d="M656.0 30v38" stroke="#bbb" stroke-width="0.8"/><text x="656.0" y="86" text-anchor="middle" class="tick">40</text>
> <g><title>Tân An: 36,25 / Chỉ tiêu 35,09 — Đạt</title><text x="90.0" y="44.0" text-anchor="end">Tân An</text><rect x="94.0" y="35.0" width="509.3" height="12" fill="#1b5e20" stroke="#1b5e20" stroke-width="1"/><text x="608.3" y="44.0">36,25</text><path d="M587.0 32.0v18" stroke="#000" stroke-width="2.5"/></g>
> <g><title>Đức Hòa: 20,00 / Chỉ tiêu 37,87 — Không đạt</title><text x="90.0" y="61.0" text-anchor="end">Đức Hòa</text><rect x="94.0" y="52.0" width="281.0" height="12" fill="url(#miss-1)" stroke="#c62828" stroke-width="1"/><text x="631.1" y="61.0">20,00</text><path d="M626.1 49.0v18" stroke="#000" stroke-width="2.5"/></g>
> </svg>
> </div>
> </body>
> </html>
! luong-render: 2 rows read, 1 table (report layout) written as html

# Well-formed XML (every element closed, every text escaped).
$ luong-render -f html data/report.tsv >"$T/r.html" && xmllint --noout "$T/r.html" && echo well-formed
> well-formed
! luong-render: 10 rows read, 2 tables (report layout) written as html

# libxml2's HTML parser knows no SVG element names and says so; anything
# else it said would be a real error.
$ luong-render -f html data/report.tsv >"$T/r.html"
$ xmllint --html --noout "$T/r.html" 2>&1 | awk '/HTML parser error : Tag (svg|defs|pattern|path|rect|g|text) invalid/ { skip = 2; next } skip > 0 { skip--; next } { print }'; echo checked
> checked
! luong-render: 10 rows read, 2 tables (report layout) written as html

# ... and the same check fails on broken markup.
$ cd "$T" && printf '<html><body><p>a<b>c</p></body></html>' >bad.html
$ xmllint --html --noout bad.html 2>&1 | awk '/HTML parser error : Tag (svg|defs|pattern|path|rect|g|text) invalid/ { skip = 2; next } skip > 0 { skip--; next } { print }' | head -1
> bad.html:1: HTML parser error : Opening and ending tag mismatch: p and b

# A district named <script>…</script> & Co, and a title with markup: every
# text escaped — in the table, the chart's label and its tooltip, the title.
$ luong-render -f html --title 'A & B <i>x</i>' data/evil.tsv >"$T/e.html"
$ grep -q '<script\|<i>' "$T/e.html" || echo none
$ grep -o '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co' "$T/e.html" | wc -l
$ grep -o '<title>[^<]*</title>\|<h1>.*</h1>' "$T/e.html"
$ xmllint --noout "$T/e.html" && echo well-formed
> none
> 3
> <title>A &amp; B &lt;i&gt;x&lt;/i&gt;</title>
> <h1>A &amp; B &lt;i&gt;x&lt;/i&gt;</h1>
> <title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co: 36,25 / Chỉ tiêu 35,09 — Đạt</title>
> <title>Tân An: 27,91 / Chỉ tiêu 27,92 — Không đạt</title>
> <title>Tổng cộng: 30,32 / Chỉ tiêu 27,92 — Đạt</title>
> well-formed
! luong-render: 3 rows read, 1 table (report layout) written as html

# Self-contained: no script, no link, no external source of any kind.
$ luong-render -f html data/report.tsv | grep -q -E '<script|<link|<img|src=|href=|@import|url\((http|//)' || echo none
> none
! luong-render: 10 rows read, 2 tables (report layout) written as html

# lang follows --locale.
$ luong-render -f html data/tiny.tsv | grep -o '<html [^>]*>'
> <html xmlns="http://www.w3.org/1999/xhtml" lang="vi" xml:lang="vi">
! luong-render: 2 rows read, 1 table (report layout) written as html

$ luong-render -f html --locale en data/tiny.tsv | grep -o '<html [^>]*>'
> <html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
! luong-render: 2 rows read, 1 table (report layout) written as html

# One chart an indicator a level; met bars solid, missed bars hatched
# (a pattern) as well as coloured; a target marker on every bar.
$ luong-render -f html data/report.tsv >"$T/r.html"
$ grep -c '<svg ' "$T/r.html"
$ grep -o '<pattern id="[^"]*"' "$T/r.html"
$ grep -o 'fill="url(#miss-[0-9]*)" stroke="#c62828"' "$T/r.html" | sort | uniq -c
$ grep -o 'fill="#1b5e20" stroke="#1b5e20" stroke-width="1"' "$T/r.html" | wc -l
$ grep -c 'stroke="#000" stroke-width="2.5"/></g>' "$T/r.html"
> 6
> <pattern id="miss-1"
> <pattern id="miss-2"
> <pattern id="miss-3"
> <pattern id="miss-4"
> <pattern id="miss-5"
> <pattern id="miss-6"
>       3 fill="url(#miss-1)" stroke="#c62828"
>       4 fill="url(#miss-2)" stroke="#c62828"
>       2 fill="url(#miss-3)" stroke="#c62828"
>       3 fill="url(#miss-4)" stroke="#c62828"
>       3 fill="url(#miss-5)" stroke="#c62828"
>       2 fill="url(#miss-6)" stroke="#c62828"
> 19
> 30
! luong-render: 10 rows read, 2 tables (report layout) written as html

# The report's time comes from SOURCE_DATE_EPOCH: the same input gives
# the same bytes.
$ SOURCE_DATE_EPOCH=1678147200 luong-render -f html data/report.tsv >"$T/a.html"
$ sleep 1; SOURCE_DATE_EPOCH=1678147200 luong-render -f html data/report.tsv >"$T/b.html"
$ cmp "$T/a.html" "$T/b.html" && grep -o '<meta name="date"[^>]*>\|<p class="created">.*</p>' "$T/a.html"
> <meta name="date" content="2023-03-07T00:00:00Z"/>
> <p class="created">Lập ngày 07/03/2023</p>
! luong-render: 10 rows read, 2 tables (report layout) written as html
! luong-render: 10 rows read, 2 tables (report layout) written as html

# Without it, the current time.
$ unset SOURCE_DATE_EPOCH; luong-render -f html data/tiny.tsv | grep -c "<meta name=\"date\" content=\"$(date -u +%Y-%m-%d)T"
> 1
! luong-render: 2 rows read, 1 table (report layout) written as html

# The appendix layout in HTML: tables only, no charts.
$ luong-render -f html --layout appendix data/targets-2023.tsv | grep -q '<svg' || echo none
> none
! luong-render: 32 rows read, 2 tables (appendix layout) written as html

$ luong-render -f html --layout appendix data/targets-2023.tsv | grep -o '<h2>[^<]*</h2>'
> <h2>I. Cấp trung học cơ sở</h2>
> <h2>II. Cấp trung học phổ thông</h2>
! luong-render: 32 rows read, 2 tables (appendix layout) written as html

# A SOURCE_DATE_EPOCH that is not a number of seconds is a usage error.
$ SOURCE_DATE_EPOCH=yesterday luong-render -f html data/tiny.tsv
! luong-render: SOURCE_DATE_EPOCH: "yesterday" is not a number of seconds
? 2

$ SOURCE_DATE_EPOCH=-1 luong-render -f html data/tiny.tsv
! luong-render: SOURCE_DATE_EPOCH: "-1" is not a number of seconds
? 2

$ SOURCE_DATE_EPOCH=1e9 luong-render -f html data/tiny.tsv
! luong-render: SOURCE_DATE_EPOCH: "1e9" is not a number of seconds
? 2

$ SOURCE_DATE_EPOCH=' 1705276800' luong-render -f xlsx -o "$T/r.xlsx" data/tiny.tsv; s=$?; ls "$T"; exit $s
! luong-render: SOURCE_DATE_EPOCH: " 1705276800" is not a number of seconds
? 2

# A time past 9999-12-31 23:59:59 UTC (GCC's limit too) is out of range,
# whether time_t holds it (it once wrote a garbage date from an
# uninitialised struct tm) or not; nothing is written.
$ SOURCE_DATE_EPOCH=9223372036854775807 luong-render -f html data/tiny.tsv
! luong-render: SOURCE_DATE_EPOCH: "9223372036854775807" is out of range (at most 253402300799, 9999-12-31 23:59:59 UTC)
? 2

$ SOURCE_DATE_EPOCH=253402300800 luong-render -f xlsx -o "$T/r.xlsx" data/tiny.tsv; s=$?; ls "$T"; exit $s
! luong-render: SOURCE_DATE_EPOCH: "253402300800" is out of range (at most 253402300799, 9999-12-31 23:59:59 UTC)
? 2

$ SOURCE_DATE_EPOCH=99999999999999999999 luong-render -f html data/tiny.tsv
! luong-render: SOURCE_DATE_EPOCH: "99999999999999999999" is out of range (at most 253402300799, 9999-12-31 23:59:59 UTC)
? 2

# The last second of 9999 is the last one allowed, in HTML and XLSX.
$ SOURCE_DATE_EPOCH=253402300799 luong-render -f html data/tiny.tsv | grep -o '<meta name="date"[^>]*>\|<p class="created">.*</p>'
$ SOURCE_DATE_EPOCH=253402300799 luong-render -f xlsx -o "$T/r.xlsx" data/tiny.tsv && unzip -p "$T/r.xlsx" docProps/core.xml | grep -o '<dcterms:created [^>]*>[^<]*'
> <meta name="date" content="9999-12-31T23:59:59Z"/>
> <p class="created">Lập ngày 01/01/10000</p>
> <dcterms:created xsi:type="dcterms:W3CDTF">9999-12-31T23:59:59Z
! luong-render: 2 rows read, 1 table (report layout) written as html
! luong-render: 2 rows read, 1 table (report layout) written as xlsx

# Set but empty is as good as unset.
$ SOURCE_DATE_EPOCH= luong-render -f html data/tiny.tsv | grep -c "<meta name=\"date\" content=\"$(date -u +%Y-%m-%d)T"
> 1
! luong-render: 2 rows read, 1 table (report layout) written as html

# The day the page was made, in Vietnam's time (UTC+7 all year, as
# Asia/Ho_Chi_Minh) and its form, "ngày DD/MM/YYYY": 16:59:59 UTC on the
# 6th is still the 6th there, 17:00 the 7th; the meta date stays UTC.
$ for t in 1678121999 1678122000; do SOURCE_DATE_EPOCH=$t luong-render -f html data/tiny.tsv 2>/dev/null | grep -o '<meta name="date"[^>]*>\|<p class="created">.*</p>'; done
$ SOURCE_DATE_EPOCH=1678122000 luong-render -f html --locale en data/tiny.tsv 2>/dev/null | grep -o '<p class="created">.*</p>'
> <meta name="date" content="2023-03-06T16:59:59Z"/>
> <p class="created">Lập ngày 06/03/2023</p>
> <meta name="date" content="2023-03-06T17:00:00Z"/>
> <p class="created">Lập ngày 07/03/2023</p>
> <p class="created">Generated on 2023-03-07</p>

# Each chart's axis runs from 0 to a round number at or just above the
# largest value or target of its bars — 1, 2, 2.5 or 5 times a power of
# ten, 3 to 6 steps — never a fixed 100: the ticks of each chart.
$ luong-render -f html | awk '/<svg/ { if (t != "") print t; t = "" } /class="tick"/ { s = $0; sub(/.*class="tick">/, "", s); sub(/<.*/, "", s); t = t " " s } END { print t }'
< district	a	a_target	b	b_target	c	c_target	d	d_target	e	e_target	f	f_target
< Tân An	35.09	37.87	65.12	60	100	100	0.35	0.4	0	0	1234	1000
< Tân Trụ	20	10	1	2	99.5	100	0.1	0.2	0		1	1
>  0 10 20 30 40
>  0 20 40 60 80
>  0 20 40 60 80 100
>  0,0 0,1 0,2 0,3 0,4
>  0,0 0,2 0,4 0,6 0,8 1,0
>  0 250 500 750 1.000 1.250
! luong-render: 2 rows read, 1 table (report layout) written as html
