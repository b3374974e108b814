// Package app is the Fyne desktop application: the main window, one file
// per screen, the theme with the bundled CJK font, and the bridge that runs
// database work off the UI goroutine and hands results back with fyne.Do.
// It never writes SQL: every read and write goes through package data.
// The 同步 screen and a background scheduler push the organization's
// snapshots (package sync); with --committee the window shows the
// committee's consolidated database and its 各组织 screen.
package app
