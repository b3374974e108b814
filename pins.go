//go:build pins

// This file is never built. It keeps the chosen versions of the libraries
// that later packages use (PDF, Excel, sync) pinned in go.mod before any
// package imports them, so that `go mod tidy` does not drop them.
package main

import (
	_ "filippo.io/age"
	_ "github.com/jung-kurt/gofpdf"
	_ "github.com/klauspost/compress/zstd"
	_ "github.com/minio/minio-go/v7"
	_ "github.com/xuri/excelize/v2"
)
