// Package rules computes the policy's compliance findings (DOMAIN.md's rule
// table) and the 2008 党费 calculator as pure functions over plain values.
// Nothing here touches a database, a file or a window: callers gather Facts,
// pass Settings, and get Findings back.
package rules
