package docx

// The faces the document names. Word and WPS on Chinese Windows have 宋体
// (SimSun) and 黑体 (SimHei); 方正小标宋简体, the face of titles in official
// documents, comes with WPS and is installed in most party offices. Where
// it is missing, its font table entry names 华文中宋 as its alternative and
// gives the GB 2312 character set and a serif (Song) family, so that Word
// and WPS substitute a Song face. Latin letters and figures are Times New
// Roman, as official documents set them.
const (
	fontSong  = "宋体"
	fontHei   = "黑体"
	fontTitle = "方正小标宋简体"
	fontLatin = "Times New Roman"
)

// rFonts names the faces of a run: Chinese in east, the rest in Latin.
func rFonts(east, latin string) string {
	return `<w:rFonts w:ascii="` + latin + `" w:eastAsia="` + east + `" w:hAnsi="` + latin + `" w:cs="` + latin + `"/>`
}

// paraStyle is a paragraph style based on Normal.
func paraStyle(id, name, ppr, rpr string) string {
	return `<w:style w:type="paragraph" w:customStyle="1" w:styleId="` + id + `"><w:name w:val="` + name + `"/>` +
		`<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>` + ppr + `</w:pPr><w:rPr>` + rpr + `</w:rPr></w:style>`
}

// builtinStyle is a paragraph style Word knows by name (its names show
// translated in a Chinese Word).
func builtinStyle(id, name, ppr, rpr string) string {
	return `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + name + `"/>` +
		`<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr>` + ppr + `</w:pPr><w:rPr>` + rpr + `</w:rPr></w:style>`
}

// single is single line spacing with no space after.
const single = `<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>`

// stylesXML is word/styles.xml: body text 宋体 五号 at 1.5 lines, titles
// 小二 in the title face, headings and table headers in 黑体, table text
// 小五, form text 五号.
var stylesXML = xmlHeader + `<w:styles ` + namespaces + `>` +
	`<w:docDefaults><w:rPrDefault><w:rPr>` + rFonts(fontSong, fontLatin) +
	`<w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>` +
	`</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>` + single + `</w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:spacing w:before="0" w:after="0" w:line="360" w:lineRule="auto"/></w:pPr></w:style>` +
	`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>` +
	`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>` +
	`<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	builtinStyle("Title", "Title", `<w:keepNext/><w:spacing w:before="60" w:after="60" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>`,
		rFonts(fontTitle, fontLatin)+`<w:sz w:val="36"/><w:szCs w:val="36"/>`) +
	builtinStyle("Subtitle", "Subtitle", `<w:keepNext/><w:spacing w:before="0" w:after="120" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>`,
		`<w:sz w:val="24"/><w:szCs w:val="24"/>`) +
	builtinStyle("Heading1", "heading 1", `<w:keepNext/><w:keepLines/><w:spacing w:before="120" w:after="60" w:line="240" w:lineRule="auto"/><w:outlineLvl w:val="0"/>`,
		rFonts(fontHei, fontHei)+`<w:sz w:val="28"/><w:szCs w:val="28"/>`) +
	builtinStyle("Heading2", "heading 2", `<w:keepNext/><w:keepLines/><w:spacing w:before="120" w:after="60" w:line="240" w:lineRule="auto"/><w:outlineLvl w:val="1"/>`,
		rFonts(fontHei, fontHei)+`<w:sz w:val="24"/><w:szCs w:val="24"/>`) +
	builtinStyle("Header", "header", `<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>`+single,
		`<w:sz w:val="18"/><w:szCs w:val="18"/>`) +
	builtinStyle("Footer", "footer", single, `<w:sz w:val="18"/><w:szCs w:val="18"/>`) +
	paraStyle("Cell", "表格文字", single, `<w:sz w:val="18"/><w:szCs w:val="18"/>`) +
	paraStyle("TableHead", "表头", single+`<w:jc w:val="center"/>`, rFonts(fontHei, fontHei)+`<w:sz w:val="18"/><w:szCs w:val="18"/>`) +
	paraStyle("TableCaption", "表题", `<w:keepNext/><w:spacing w:before="60" w:after="40" w:line="240" w:lineRule="auto"/>`,
		rFonts(fontHei, fontHei)) +
	paraStyle("TableNote", "表注", `<w:spacing w:before="40" w:after="0" w:line="240" w:lineRule="auto"/>`, `<w:sz w:val="18"/><w:szCs w:val="18"/>`) +
	paraStyle("FormText", "表单文字", single, "") +
	paraStyle("Sign", "签字行", `<w:spacing w:before="280" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="right"/>`, "") +
	paraStyle("FieldLine", "填报栏", `<w:spacing w:before="60" w:after="60" w:line="240" w:lineRule="auto"/>`, "") +
	`</w:styles>`

// settingsXML is word/settings.xml: Chinese punctuation compressed as
// Chinese Word sets it, and the layout of current Word versions.
const settingsXML = xmlHeader + `<w:settings ` + namespaces + `>` +
	`<w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>`

// fontTableXML is word/fontTable.xml: the faces named, with what Word and
// WPS need to substitute a face that is not installed.
const fontTableXML = xmlHeader + `<w:fonts ` + namespaces + `>` +
	`<w:font w:name="` + fontSong + `"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>` +
	`<w:font w:name="` + fontHei + `"><w:altName w:val="SimHei"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>` +
	`<w:font w:name="` + fontTitle + `"><w:altName w:val="华文中宋"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
	`<w:font w:name="` + fontLatin + `"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
	`</w:fonts>`
