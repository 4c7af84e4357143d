# -f xlsx: a sheet a level, named after it.
$ SOURCE_DATE_EPOCH=1678147200 luong-render -f xlsx -o "$T/r.xlsx" data/report.tsv && unzip -Z1 "$T/r.xlsx"
$ unzip -p "$T/r.xlsx" xl/workbook.xml | grep -o '<sheet name="[^"]*"'
> [Content_Types].xml
> _rels/.rels
> xl/_rels/workbook.xml.rels
> xl/worksheets/sheet1.xml
> xl/worksheets/sheet2.xml
> xl/workbook.xml
> xl/sharedStrings.xml
> xl/theme/theme1.xml
> xl/styles.xml
> docProps/core.xml
> docProps/app.xml
> <sheet name="THCS"
> <sheet name="THPT"
! luong-render: 10 rows read, 2 tables (report layout) written as xlsx

# Numbers are numeric cells with a number format: no t="s" or t="str" on
# them; STT, names and Đạt/Không đạt are strings.  Row 6 is the first
# district, row 10 the total.
$ luong-render -f xlsx -o "$T/r.xlsx" data/report.tsv
$ unzip -p "$T/r.xlsx" xl/worksheets/sheet1.xml | grep -o '<c r="[A-O]6"[^>]*>\(<v>[^<]*</v>\)\?'
$ unzip -p "$T/r.xlsx" xl/worksheets/sheet1.xml | grep -o '<c r="[C-EG-IK-M][6-9]"[^>]*>' | grep -c 't="'
$ unzip -p "$T/r.xlsx" xl/worksheets/sheet1.xml | grep -o '<c r="[C-EG-IK-M][6-9]"[^>]*>' | wc -l
$ unzip -p "$T/r.xlsx" xl/styles.xml | grep -o '<numFmt [^>]*>'
> <c r="A6" s="4"><v>1</v>
> <c r="B6" s="5" t="s"><v>12</v>
> <c r="C6" s="6"><v>100</v>
> <c r="D6" s="7"><v>100</v>
> <c r="E6" s="8"><v>0</v>
> <c r="F6" s="9" t="s"><v>13</v>
> <c r="G6" s="6"><v>92.86</v>
> <c r="H6" s="7"><v>100</v>
> <c r="I6" s="8"><v>-7.14</v>
> <c r="J6" s="10" t="s"><v>14</v>
> <c r="K6" s="6"><v>27.92</v>
> <c r="L6" s="6"><v>20</v>
> <c r="M6" s="8"><v>7.92</v>
> <c r="N6" s="9" t="s"><v>13</v>
> <c r="O6" s="11"><v>1</v>
> 0
> 36
> <numFmt numFmtId="164" formatCode="00"/>
> <numFmt numFmtId="165" formatCode="#,##0.00_)"/>
> <numFmt numFmtId="166" formatCode="#,##0_)"/>
> <numFmt numFmtId="167" formatCode="+#,##0.00_);-#,##0.00_);#,##0.00_)"/>
> <numFmt numFmtId="168" formatCode="0_)"/>
! luong-render: 10 rows read, 2 tables (report layout) written as xlsx

# The title above the table, the level below it, the header frozen (and
# the STT and district columns), an autofilter over the header and the
# districts but not the total row; headers merged over their indicator.
$ luong-render -f xlsx -o "$T/r.xlsx" data/report.tsv
$ unzip -p "$T/r.xlsx" xl/worksheets/sheet1.xml | grep -o '<pane [^>]*>\|<autoFilter [^>]*>\|<mergeCell [^>]*>\|<c r="A[12]"[^>]*>'
$ unzip -p "$T/r.xlsx" xl/sharedStrings.xml | grep -o '<t>[^<]*</t>' | head -2
> <pane xSplit="2" ySplit="5" topLeftCell="C6" activePane="bottomRight" state="frozen"/>
> <c r="A1" s="1" t="s">
> <c r="A2" s="2" t="s">
> <autoFilter ref="A5:O9"/>
> <mergeCell ref="A1:O1"/>
> <mergeCell ref="A4:A5"/>
> <mergeCell ref="B4:B5"/>
> <mergeCell ref="C4:F4"/>
> <mergeCell ref="G4:J4"/>
> <mergeCell ref="K4:N4"/>
> <mergeCell ref="O4:O5"/>
> <t>Cấp trung học cơ sở</t>
> <t>Kết quả thực hiện chỉ tiêu giáo dục hướng nghiệp và định hướng phân luồng học sinh</t>
! luong-render: 10 rows read, 2 tables (report layout) written as xlsx

# Column widths that fit the widest text of each column.
$ luong-render -f xlsx -o "$T/r.xlsx" data/report.tsv
$ unzip -p "$T/r.xlsx" xl/worksheets/sheet1.xml | grep -o '<col [^>]*>' | head -4
> <col min="1" max="1" width="5.7109375" customWidth="1"/>
> <col min="2" max="2" width="26.7109375" customWidth="1"/>
> <col min="3" max="3" width="11.7109375" customWidth="1"/>
> <col min="4" max="4" width="10.7109375" customWidth="1"/>
! luong-render: 10 rows read, 2 tables (report layout) written as xlsx

# The total row is bold: its cells' style uses a bold font, a district's
# does not.
$ luong-render -f xlsx -o "$T/r.xlsx" data/report.tsv && cd "$T" && unzip -p r.xlsx xl/styles.xml >st.xml && unzip -p r.xlsx xl/worksheets/sheet1.xml >s1.xml
$ bold() { s=$(grep -o "<c r=\"$1\" s=\"[0-9]*\"" s1.xml | sed 's/.*s="//; s/"//'); f=$(sed 's/.*<cellXfs[^>]*>//; s/<\/cellXfs>.*//' st.xml | grep -o '<xf [^>]*' | sed -n "$((s + 1))p" | sed 's/.*fontId="\([0-9]*\)".*/\1/'); tr -d '\n' <st.xml | sed 's/.*<fonts[^>]*>//; s/<\/fonts>.*//; s/<\/font>/&\n/g' | sed -n "$((f + 1))p" | grep -q '<b/>' && echo "$1 bold" || echo "$1 regular"; }
$ bold B6; bold C6; bold B10; bold C10; bold K10
> B6 regular
> C6 regular
> B10 bold
> C10 bold
> K10 bold
! luong-render: 10 rows read, 2 tables (report layout) written as xlsx

# Same input, same bytes: the document's creation time is
# SOURCE_DATE_EPOCH, every zip entry carries libxlsxwriter's fixed date.
$ SOURCE_DATE_EPOCH=1678147200 luong-render -f xlsx -o "$T/a.xlsx" data/report.tsv
$ sleep 1; SOURCE_DATE_EPOCH=1678147200 luong-render -f xlsx -o "$T/b.xlsx" data/report.tsv
$ cmp "$T/a.xlsx" "$T/b.xlsx" && unzip -p "$T/a.xlsx" docProps/core.xml | grep -o '<dcterms:[a-z]* [^>]*>[^<]*'
$ unzip -l "$T/a.xlsx" | awk 'NR > 3 && $4 != "" { print $2, $3 }' | sort -u
> <dcterms:created xsi:type="dcterms:W3CDTF">2023-03-07T00:00:00Z
> <dcterms:modified xsi:type="dcterms:W3CDTF">2023-03-07T00:00:00Z
> 1980-01-01 00:00
! luong-render: 10 rows read, 2 tables (report layout) written as xlsx
! luong-render: 10 rows read, 2 tables (report layout) written as xlsx

# Without -o the workbook goes to standard output, the same bytes.
$ SOURCE_DATE_EPOCH=1678147200 luong-render -f xlsx -o "$T/a.xlsx" data/report.tsv
$ SOURCE_DATE_EPOCH=1678147200 luong-render -f xlsx data/report.tsv >"$T/b.xlsx"
$ cmp "$T/a.xlsx" "$T/b.xlsx" && echo same
> same
! luong-render: 10 rows read, 2 tables (report layout) written as xlsx
! luong-render: 10 rows read, 2 tables (report layout) written as xlsx

# ... but never to a terminal.
$ script -qec 'luong-render -f xlsx data/report.tsv' /dev/null >"$T/o"; echo "status $?"; tr -d '\r' <"$T/o"
> status 2
> luong-render: refusing to write XLSX to a terminal; use -o file or redirect standard output

# The appendix as a workbook: the targets are numbers, 100 and 35.09.
$ luong-render -f xlsx --layout appendix -o "$T/p.xlsx" data/targets-2023.tsv
$ unzip -p "$T/p.xlsx" xl/worksheets/sheet2.xml | grep -o '<c r="[C-E]5"[^>]*><v>[^<]*</v>'
> <c r="C5" s="6"><v>100</v>
> <c r="D5" s="6"><v>100</v>
> <c r="E5" s="7"><v>44.17</v>
! luong-render: 32 rows read, 2 tables (appendix layout) written as xlsx

# Any stream: the plain layout, one sheet.
$ printf 'school\tyear\tgraduates\nTHCS Tân An\t2023\t1234\n' | luong-render -f xlsx -o "$T/g.xlsx"
$ unzip -p "$T/g.xlsx" xl/workbook.xml | grep -o '<sheet name="[^"]*"'
$ unzip -p "$T/g.xlsx" xl/worksheets/sheet1.xml | grep -o '<c r="[A-C]4"[^>]*><v>[^<]*</v>\|<pane [^>]*>'
> <sheet name="Báo cáo"
> <pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>
> <c r="A4" s="3" t="s"><v>4</v>
> <c r="B4" s="4" t="s"><v>5</v>
> <c r="C4" s="5"><v>1234</v>
! luong-render: 1 row read, 1 table (plain layout) written as xlsx

# SOURCE_DATE_EPOCH=0: libxlsxwriter reads a time of 0 as "now", so the
# epoch is written one second later.
$ SOURCE_DATE_EPOCH=0 luong-render -f xlsx -o "$T/z.xlsx" data/tiny.tsv && unzip -p "$T/z.xlsx" docProps/core.xml | grep -o '<dcterms:created [^>]*>[^<]*'
> <dcterms:created xsi:type="dcterms:W3CDTF">1970-01-01T00:00:01Z
! luong-render: 2 rows read, 1 table (report layout) written as xlsx

# Levels with a sheet name's forbidden characters, the same once they
# are replaced: the names are made safe and unique.
$ printf 'level\tdistrict\tvocational\tvocational_target\nTHCS/GDTX\tTân An\t1\t2\nTHCS:GDTX\tTân An\t1\t2\n' | luong-render -f xlsx -o "$T/n.xlsx" && unzip -p "$T/n.xlsx" xl/workbook.xml | grep -o '<sheet name="[^"]*"'
> <sheet name="THCS_GDTX"
> <sheet name="THCS_GDTX (2)"
! luong-render: 2 rows read, 2 tables (report layout) written as xlsx

# A cell holds at most 32,767 characters (Excel's limit).  A longer text
# is never cut or dropped: the run fails at the row's file:line, naming
# the column but not echoing the text, and no workbook is written.
$ cd "$T" && { printf 'district\tvocational\tvocational_target\nTân An\t1\t2\n'; head -c 32768 /dev/zero | tr '\0' x; printf '\t3\t4\n'; } >long.tsv && luong-render -f xlsx -o r.xlsx long.tsv; echo "status $?"; ls
$ cd "$T" && luong-render -f xlsx long.tsv >r.xlsx; echo "status $?"; wc -c <r.xlsx
> status 1
> long.tsv
> status 1
> 0
! luong-render: long.tsv:3: column "Huyện, thị xã, thành phố": 32768 characters, more than an XLSX cell holds (32767)
! luong-render: long.tsv:3: column "Huyện, thị xã, thành phố": 32768 characters, more than an XLSX cell holds (32767)

# 32,767 is still a cell, whole.
$ cd "$T" && { printf 'district\tvocational\tvocational_target\n'; head -c 32767 /dev/zero | tr '\0' x; printf '\t3\t4\n'; } >ok.tsv && luong-render -f xlsx -o r.xlsx ok.tsv && unzip -p r.xlsx xl/sharedStrings.xml | grep -o '<t>x*</t>' | wc -c
> 32775
! luong-render: 1 row read, 1 table (report layout) written as xlsx

# Characters are counted as Excel does, in UTF-16: one beyond the BMP
# (an emoji) counts 2, so 16,384 of them are too many.
$ cd "$T" && { printf 'name\tn\n'; yes '😀' | head -n 16384 | tr -d '\n'; printf '\t1\n'; } >emoji.tsv && luong-render -f xlsx -o r.xlsx emoji.tsv; echo "status $?"
> status 1
! luong-render: emoji.tsv:2: column "name": 32768 characters, more than an XLSX cell holds (32767)

# The same for a field's name (the plain layout's header), a level the
# labels do not name (its heading), and --title (a usage error).
$ cd "$T" && { printf 'a\t'; head -c 32768 /dev/zero | tr '\0' n; printf '\n1\t2\n'; } >name.tsv && luong-render -f xlsx -o r.xlsx name.tsv; echo "status $?"
$ cd "$T" && { printf 'level\tdistrict\tvocational\tvocational_target\nTHCS\tTân An\t1\t2\n'; head -c 32768 /dev/zero | tr '\0' L; printf '\tTân An\t1\t2\n'; } >level.tsv && luong-render -f xlsx -o r.xlsx level.tsv; echo "status $?"
$ cd "$T" && luong-render -f xlsx -o r.xlsx --title "$(head -c 32768 /dev/zero | tr '\0' t)" "$TOP/tests/cli/luong-render/data/tiny.tsv"; echo "status $?"; ls
> status 1
> status 1
> status 2
> level.tsv
> name.tsv
! luong-render: name.tsv:1: the name of field 2: 32768 characters, more than an XLSX cell holds (32767)
! luong-render: level.tsv:3: field "level": 32768 characters, more than an XLSX cell holds (32767)
! luong-render: --title: 32768 characters, more than an XLSX cell holds (32767)

# A sheet holds 16,384 columns; a number must fit a double.
$ cd "$T" && awk 'BEGIN { for (i = 1; i <= 16385; i++) printf "%sc%d", (i > 1 ? "\t" : ""), i; print ""; for (i = 1; i <= 16385; i++) printf "%s%d", (i > 1 ? "\t" : ""), i; print "" }' >wide.tsv && luong-render -f xlsx -o r.xlsx wide.tsv; echo "status $?"
$ cd "$T" && { printf 'a\tn\nx\t1\ny\t'; head -c 400 /dev/zero | tr '\0' 9; echo; } >big.tsv && luong-render -f xlsx -o r.xlsx big.tsv; echo "status $?"; ls
> status 1
> status 1
> big.tsv
> wide.tsv
! luong-render: wide.tsv:1: 16385 columns, more than an XLSX sheet holds (16384)
! luong-render: big.tsv:3: column "n": a number of 400 digits, beyond what an XLSX number holds

# Printed, the report fits one A4 landscape page wide (fitToWidth is 1
# by default, so only fitToHeight="0", any number of pages tall, is
# written), with its title and header rows and the STT and district
# columns on every page, margins set and the page's number in the
# footer ("Trang 1/2": &P, &N); STT is a number shown as 01.
$ luong-render -f xlsx -o "$T/r.xlsx" data/report.tsv 2>/dev/null && unzip -p "$T/r.xlsx" xl/worksheets/sheet1.xml | grep -o '<sheetPr>.*</sheetPr>\|<pageSetup[^>]*>\|<pageMargins[^>]*>\|<headerFooter.*</headerFooter>\|<c r="A[67]"[^>]*><v>[^<]*</v>'; unzip -p "$T/r.xlsx" xl/workbook.xml | grep -o '<definedName name="_xlnm.Print_Titles"[^<]*'
$ luong-render -f xlsx --locale en -o "$T/r.xlsx" data/report.tsv 2>/dev/null && unzip -p "$T/r.xlsx" xl/worksheets/sheet2.xml | grep -o '<oddFooter>[^<]*'
> <sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>
> <c r="A6" s="4"><v>1</v>
> <c r="A7" s="4"><v>2</v>
> <pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.3" footer="0.3"/>
> <pageSetup paperSize="9" fitToHeight="0" orientation="landscape"/>
> <headerFooter><oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter></headerFooter>
> <definedName name="_xlnm.Print_Titles" localSheetId="0">THCS!$A:$B,THCS!$1:$5
> <definedName name="_xlnm.Print_Titles" localSheetId="1">THPT!$A:$B,THPT!$1:$5
> <oddFooter>&amp;CPage &amp;P of &amp;N

# A footer is at most 255 characters (Excel's limit): a longer one in
# the labels is an error, and no workbook is written.
$ cd "$T" && sed "s/^page: .*/page: \"$(printf '%0300d' 0) {page}\"/" "$TOP/config/labels-vi.yaml" >labels-xx.yaml && LUONG_CONFIG=. luong-render -f xlsx --locale xx -o r.xlsx "$TOP/tests/cli/luong-render/data/report.tsv"; echo "status $?"; ls
> status 1
> labels-xx.yaml
! luong-render: r.xlsx: Parameter exceeds Excel's limit of 255 characters

# An "&" of the labels' own is doubled, as Excel reads it.
$ cd "$T" && sed 's/^page: .*/page: "Trang {page} \& {pages}"/' "$TOP/config/labels-vi.yaml" >labels-xx.yaml && LUONG_CONFIG=. luong-render -f xlsx --locale xx -o r.xlsx "$TOP/tests/cli/luong-render/data/tiny.tsv" 2>/dev/null && unzip -p r.xlsx xl/worksheets/sheet1.xml | grep -o '<oddFooter>[^<]*'
> <oddFooter>&amp;CTrang &amp;P &amp;&amp; &amp;N

# Codes stay text (794, not 794.0 nor a sum), and Excel is told not to
# flag them as numbers stored as text: over the table's rows.
$ luong-render -f xlsx --layout plain -o "$T/p.xlsx" data/report.tsv 2>/dev/null && unzip -p "$T/p.xlsx" xl/worksheets/sheet1.xml | grep -o '<c r="C5"[^>]*>\|<ignoredErrors>.*</ignoredErrors>'
> <c r="C5" s="4" t="s">
> <ignoredErrors><ignoredError sqref="A4:V13" numberStoredAsText="1"/></ignoredErrors>
