package docx

import (
	"archive/zip"
	"compress/flate"
	"io"
)

// fastDeflate makes zw compress the parts created from now on at flate's
// best speed, with one compressor reset from part to part. They are the
// small parts written after document.xml: among them a footer for each
// part of the document (a batch of 2,000 forms has 2,000, each naming
// the bookmark at its part's end), for which the zip package's default
// level, clearing its tables for each, took longer than the rest of the
// document.
func fastDeflate(zw *zip.Writer) {
	var fw *flate.Writer
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		if fw == nil {
			var err error
			fw, err = flate.NewWriter(w, flate.BestSpeed)
			return fw, err
		}
		fw.Reset(w)
		return fw, nil
	})
}
