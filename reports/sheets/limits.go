package sheets

// Limits on what an imported workbook may hold, so that a hostile or
// broken file (a "zip bomb": a few megabytes inflating to gigabytes) is
// refused early instead of exhausting memory, disk or time. They are
// checked first against the sizes the zip directory declares, before
// anything is inflated, then against the bytes actually inflated, since a
// directory can lie.
//
// The sizes were measured on sheets as the export and Excel write them: a
// members sheet takes about 1,130 bytes of XML a row with inline strings
// (the export's way), so 1,000,000 rows are 1.13 GB of XML in a 131 MB
// file (a compression ratio of 8.7); Excel's own shared strings make the
// sheet smaller and add a string table of about 250 bytes a row. Training
// sheets compress 10 to 1; a sheet of empty formatted cells 13 to 1. Each
// limit leaves a margin of several times the largest real sheet.
const (
	// MaxFileSize is the largest .xlsx file imported: 8 times a
	// 1,000,000-row members sheet.
	MaxFileSize = 1 << 30 // 1 GiB

	// MaxSheetSize is the largest uncompressed XML of a worksheet: 3.5
	// times a 1,000,000-row members sheet. The sheet is decoded as a
	// stream, so this bounds time, not memory.
	MaxSheetSize = 4 << 30 // 4 GiB

	// MaxSharedStringsSize is the largest uncompressed string table
	// (xl/sharedStrings.xml), which is held in memory during the import:
	// 4 times that of 1,000,000 members rows saved by Excel.
	MaxSharedStringsSize = 1 << 30 // 1 GiB

	// MaxPartSize is the largest uncompressed size of every other part
	// (styles, themes, drawings, images, document properties): real ones
	// are kilobytes, a photo a few megabytes.
	MaxPartSize = 64 << 20 // 64 MiB

	// MaxTotalSize is the largest uncompressed size of all parts together.
	MaxTotalSize = 8 << 30 // 8 GiB

	// MaxCompressionRatio is the most a part may inflate, uncompressed
	// size over compressed size, once it is larger than ratioFloor: 7 times
	// the most compressible real sheet measured. Deflate reaches about
	// 1,000 on repeated bytes, which only a bomb holds.
	MaxCompressionRatio = 100

	// MaxParts is the most entries the zip may have; a real workbook has
	// tens.
	MaxParts = 10000
)

// Limits that are facts of the format or internal bounds.
const (
	// ratioFloor is the size below which a part's compression ratio is
	// not checked: a small part of repeated bytes harms nothing.
	ratioFloor = 1 << 20

	// maxTokenSize is the most bytes the XML decoder may read for one
	// token (a cell's text, a tag with its attributes). Excel holds at most
	// 32,767 characters in a cell, at most about 330 KB escaped.
	maxTokenSize = 4 << 20

	// maxDepth is the deepest the elements of a part may nest: a
	// worksheet nests about six deep (rich text a few more); each level
	// open costs memory, so a part of endless nesting is refused.
	maxDepth = 64

	// maxRows and maxColumns are Excel's limits on a worksheet.
	maxRows    = 1 << 20 // 1,048,576
	maxColumns = 1 << 14 // 16,384, column XFD
)
