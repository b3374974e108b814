// Package snapshot (folder sync/) seals a consistent copy of the
// organization's database (zstd, then age encryption, then an Ed25519-signed
// manifest), moves it to and from MinIO, and on the committee's side
// verifies and consolidates every organization's snapshots.
//
// The bucket is reached through a Backend: MinIO in use; MemoryBackend, a
// bucket in memory with the same guarantees (nothing replaced, nothing
// stored half), and FaultyBackend, which makes chosen calls fail (the
// server unreachable or refusing, an upload or a download cut half-way,
// corrupt bytes, a cancellation), let the tests check every path without a
// server.
package snapshot
