// Package appcore is what the desktop application (package app) and the
// command line (package cli) share: where the database lives by default,
// the day a year's compliance is checked as of, and how a file the
// program produces (a report, an export, a template, exported keys) is
// checked and written whole or not at all.
package appcore
