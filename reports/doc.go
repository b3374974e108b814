// Package reports produces the printed documents (PDF ledgers and forms,
// A4, Chinese) and moves records in and out of Excel sheets.
package reports
