// Package snapshot (folder sync/) seals a consistent copy of the
// organization's database (zstd, then age encryption, then an Ed25519-signed
// manifest), moves it to and from MinIO, and on the committee's side
// verifies and consolidates every organization's snapshots.
package snapshot
