package snapshot

import (
	"os"
	"path/filepath"

	"dangjian/data/localfs"
)

// MergedFile is the consolidated database the GUI keeps in the committee's
// folder.
const MergedFile = "merged.db"

// outputsFile, in the committee's folder, lists the consolidated
// databases written elsewhere, which a later consolidation may replace.
const outputsFile = "outputs.json"

// maxOutputs bounds how many places outputsFile remembers.
const maxOutputs = 50

type outputsRecord struct {
	Format string   `json:"format"`
	Merged []string `json:"merged"` // absolute paths, newest first
}

const outputsFormat = "dangjian-committee-outputs/1"

// CheckOutput refuses, with a *localfs.OutputError, a path a consolidation
// must not write: any file of the committee's folder (its keys, settings,
// lock and the organizations' folders with their accepted snapshots), any
// database or file of the program's own that is not a consolidated
// database written before. An earlier consolidated database (the
// committee's merged.db, or one this committee wrote elsewhere) may be
// replaced.
func (c *Committee) CheckOutput(out string) error {
	return c.output(c.isMerged).Check(out)
}

// CheckEnrollmentOutput refuses, with a *localfs.OutputError, a path an
// enrollment file must not be written to: any file of the committee's
// folder, any existing file of the program's own.
func (c *Committee) CheckEnrollmentOutput(out string) error {
	return c.output(func(string) bool { return false }).Check(out)
}

// output protects the committee's folder: its own files, whether they
// exist yet or not, and every file and folder in it, except those
// mayReplace allows.
func (c *Committee) output(mayReplace func(string) bool) localfs.Output {
	o := localfs.Output{
		Protected: []string{
			filepath.Join(c.Dir, committeeConfigFile), filepath.Join(c.Dir, committeeKeyFile),
			filepath.Join(c.Dir, committeeLockFile), filepath.Join(c.Dir, outputsFile),
			filepath.Join(c.Dir, committeeSigningFile), filepath.Join(c.Dir, TermCalendarFile),
		},
		ProtectedDirs: []string{filepath.Join(c.Dir, orgsDir), filepath.Join(c.Dir, localfs.ScratchFolder),
			filepath.Join(c.Dir, channelDir), filepath.Join(c.Dir, termsDir)},
		MayReplace:    mayReplace,
		MayMakeFolder: true, // Consolidate makes the output's folder
	}
	entries, _ := os.ReadDir(c.Dir)
	for _, e := range entries {
		p := filepath.Join(c.Dir, e.Name())
		switch {
		case e.IsDir():
			o.ProtectedDirs = append(o.ProtectedDirs, p)
		case !mayReplace(p):
			o.Protected = append(o.Protected, p)
		}
	}
	return o
}

// isMerged reports whether path is a consolidated database written before:
// an SQLite file that is the committee's merged.db or a place recorded by
// an earlier consolidation.
func (c *Committee) isMerged(path string) bool {
	if localfs.Sniff(path) != localfs.KindDatabase {
		return false
	}
	if localfs.SamePath(path, filepath.Join(c.Dir, MergedFile)) {
		return true
	}
	for _, p := range c.readOutputs().Merged {
		if localfs.SamePath(path, p) {
			return true
		}
	}
	return false
}

func (c *Committee) readOutputs() outputsRecord {
	var r outputsRecord
	if err := readJSON(filepath.Join(c.Dir, outputsFile), &r); err != nil || r.Format != outputsFormat {
		return outputsRecord{Format: outputsFormat}
	}
	return r
}

// recordOutput remembers that out holds a consolidated database. A
// failure only means the next consolidation will not replace it.
func (c *Committee) recordOutput(out string) {
	if localfs.SamePath(out, filepath.Join(c.Dir, MergedFile)) {
		return
	}
	r := c.readOutputs()
	kept := []string{out}
	for _, p := range r.Merged {
		if _, err := os.Stat(p); err == nil && !localfs.SamePath(p, out) && len(kept) < maxOutputs {
			kept = append(kept, p)
		}
	}
	r.Merged = kept
	writeJSON(filepath.Join(c.Dir, outputsFile), r, true)
}
