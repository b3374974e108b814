// Package localfs is how the program treats files on the user's own
// machine: private scratch folders beside the database for temporary copies
// of personal data (never the system temp folder), locks that die with the
// process holding them, output paths that must never replace the program's
// own files, and private files written whole or not at all.
package localfs
