#!/usr/bin/env python3
"""Writes 责任书模板.docx: a 目标管理责任书 template shaped as Word 2016 writes
a document (rsid and paraId attributes, spell-check marks, ignorable
namespaces, a numbered list, a table, a PAGE field in the header), whose
placeholders are split over runs as editing leaves them: {{ in bold and
姓名}} plain, {{所在 plain and 支部}} underlined. Run it in this folder."""
import zipfile

W = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
     'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
     'xmlns:o="urn:schemas-microsoft-com:office:office" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
     'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
     'xmlns:v="urn:schemas-microsoft-com:vml" '
     'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
     'xmlns:w10="urn:schemas-microsoft-com:office:word" '
     'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
     'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
     'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
     'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
     'mc:Ignorable="w14 w15 wp14"')
HDR = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


def run(t, rpr='', rsid='00A1B2C3'):
    sp = ' xml:space="preserve"' if t != t.strip() else ''
    return (f'<w:r w:rsidR="{rsid}"><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hint="eastAsia"/>'
            f'{rpr}<w:sz w:val="32"/></w:rPr><w:t{sp}>{t}</w:t></w:r>')


def p(runs, ppr='', pid='1A2B3C4D'):
    return (f'<w:p w14:paraId="{pid}" w14:textId="77777777" w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3">'
            f'<w:pPr>{ppr}<w:spacing w:line="560" w:lineRule="exact"/></w:pPr>{runs}</w:p>')


def cell(w, content):
    return f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>{content}</w:tc>'


title = p(run('党员目标管理责任书', '<w:b/><w:bCs/>'), '<w:jc w:val="center"/>', '0F1E2D3C')
intro = p(run('党员') + run('{{', '<w:b/>', '00D4E5F6') + '<w:proofErr w:type="spellStart"/>' +
          run('姓名}}', '', '00C7D8E9') + '<w:proofErr w:type="spellEnd"/>' + run('同志（工号') +
          run('{{工号或学号}}') + run('），所在支部：') + run('{{所在') + run('支部}}', '<w:u w:val="single"/>') +
          run('。'), '<w:ind w:firstLine="640"/>', '2B3C4D5E')
target = p(run('{{目标}}'), '<w:pStyle w:val="a3"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
           '<w:ind w:firstLineChars="0"/>', '3C4D5E6F')
table = ('<w:tbl><w:tblPr><w:tblStyle w:val="a4"/><w:tblW w:w="8500" w:type="dxa"/><w:tblBorders>'
         '<w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
         '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
         '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
         '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders>'
         '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
         '</w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="6500"/></w:tblGrid>'
         '<w:tr w:rsidR="00A1B2C3" w14:paraId="4D5E6F70" w14:textId="77777777">' +
         cell(2000, p(run('签订日期', '<w:b/>'), '', '5E6F7081')) + cell(6500, p(run('{{签订日期}}'), '', '6F708192')) +
         '</w:tr><w:tr w:rsidR="00A1B2C3" w14:paraId="708192A3" w14:textId="77777777">' +
         cell(2000, p(run('考核得分', '<w:b/>'), '', '8192A3B4')) + cell(6500, p(run('{{得分}}') + run('分'), '', '92A3B4C5')) +
         '</w:tr></w:tbl>')
sect = ('<w:sectPr w:rsidR="00A1B2C3"><w:headerReference w:type="default" r:id="rId8"/>'
        '<w:footerReference w:type="default" r:id="rId9"/><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/>'
        '<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr>')
document = (HDR + f'<w:document {W}><w:body>' + title + intro + p(run('目标：'), '', 'A3B4C5D6') + target + table + sect +
            '</w:body></w:document>')
header = (HDR + f'<w:hdr {W}>' + p(run('{{组织名称}}') + run(' ') + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
          '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
          '<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>', '<w:pStyle w:val="a5"/>', 'B4C5D6E7') +
          '</w:hdr>')
footer = (HDR + f'<w:ftr {W}>' + p(run('{{姓名}}的责任书（{{年度}}年度）'), '<w:pStyle w:val="a6"/><w:jc w:val="center"/>',
                                   'C5D6E7F8') + '</w:ftr>')
numbering = (HDR + f'<w:numbering {W}><w:abstractNum w:abstractNumId="0" w15:restartNumberingAfterBreak="0">'
             '<w:nsid w:val="1C2D3E4F"/><w:multiLevelType w:val="hybridMultilevel"/>' + ''.join(
                 f'<w:lvl w:ilvl="{i}" w:tplc="0409000F"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                 f'<w:lvlText w:val="%{i + 1}."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{420 * (i + 1)}" w:hanging="420"/>'
                 '</w:pPr></w:lvl>' for i in range(9)) +
             '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
styles = (HDR + f'<w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia"/>'
          '<w:kern w:val="2"/><w:sz w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
          '</w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/>'
          '<w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="List Paragraph"/><w:basedOn w:val="a"/>'
          '<w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="420"/></w:pPr></w:style>'
          '</w:styles>')
settings = (HDR + f'<w:settings {W}><w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>'
            '<w:drawingGridVerticalSpacing w:val="156"/><w:characterSpacingControl w:val="compressPunctuation"/>'
            '<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/>'
            '<w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/>'
            '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
            '<w:rsids><w:rsidRoot w:val="00A1B2C3"/><w:rsid w:val="00A1B2C3"/><w:rsid w:val="00C7D8E9"/><w:rsid w:val="00D4E5F6"/>'
            '</w:rsids><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>')
OV = 'application/vnd.openxmlformats-officedocument.wordprocessingml.'
ct = (HDR + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      f'<Override PartName="/word/document.xml" ContentType="{OV}document.main+xml"/>'
      f'<Override PartName="/word/numbering.xml" ContentType="{OV}numbering+xml"/>'
      f'<Override PartName="/word/styles.xml" ContentType="{OV}styles+xml"/>'
      f'<Override PartName="/word/settings.xml" ContentType="{OV}settings+xml"/>'
      f'<Override PartName="/word/header1.xml" ContentType="{OV}header+xml"/>'
      f'<Override PartName="/word/footer1.xml" ContentType="{OV}footer+xml"/>'
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
      '</Types>')
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
rels = (HDR + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId3" Type="{R}extended-properties" Target="docProps/app.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
        'Target="docProps/core.xml"/>'
        f'<Relationship Id="rId1" Type="{R}officeDocument" Target="word/document.xml"/></Relationships>')
docrels = (HDR + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
           f'<Relationship Id="rId8" Type="{R}header" Target="header1.xml"/>'
           f'<Relationship Id="rId3" Type="{R}settings" Target="settings.xml"/>'
           f'<Relationship Id="rId2" Type="{R}styles" Target="styles.xml"/>'
           f'<Relationship Id="rId1" Type="{R}numbering" Target="numbering.xml"/>'
           f'<Relationship Id="rId9" Type="{R}footer" Target="footer1.xml"/></Relationships>')
core = (HDR + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        '<dc:title>党员目标管理责任书</dc:title><dc:creator>组织员</dc:creator><cp:revision>3</cp:revision>'
        '<dcterms:created xsi:type="dcterms:W3CDTF">2026-02-20T08:00:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-02-21T09:30:00Z</dcterms:modified></cp:coreProperties>')
app = (HDR + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
       'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template>Normal.dotm</Template>'
       '<TotalTime>12</TotalTime><Pages>1</Pages><Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity>'
       '<AppVersion>16.0000</AppVersion></Properties>')

with zipfile.ZipFile('责任书模板.docx', 'w', zipfile.ZIP_DEFLATED) as z:
    for n, d in [('[Content_Types].xml', ct), ('_rels/.rels', rels), ('word/document.xml', document),
                 ('word/_rels/document.xml.rels', docrels), ('word/numbering.xml', numbering),
                 ('word/styles.xml', styles), ('word/settings.xml', settings), ('word/header1.xml', header),
                 ('word/footer1.xml', footer), ('docProps/core.xml', core), ('docProps/app.xml', app)]:
        zi = zipfile.ZipInfo(n, date_time=(2026, 2, 21, 9, 30, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(zi, d.encode('utf-8'))
