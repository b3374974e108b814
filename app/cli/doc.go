// Package cli is dangjian's command line: init, demo, check and the other
// sub-commands of DESIGN.md, for scripting, the committee's batch work and
// tests. Messages to people are Chinese; --json output has stable English
// keys. Exit codes: 0 success, 2 unusable input or usage (nothing written),
// 3 some rows or inputs refused.
package cli
