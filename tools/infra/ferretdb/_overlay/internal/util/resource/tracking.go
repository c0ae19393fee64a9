// Added to FerretDB's resource package by tools/infra (see tools/infra/README.md, "FerretDB").
//
// FerretDB 1.24 registers every iterator, transaction and cursor it opens in a pprof profile, with
// the stack that opened it, so that one never closed makes the server panic when the garbage
// collector finds it. Taking that stack for every document iterated was about a tenth of the
// server's CPU under the services' load. Objects are still closed as before; only the
// bookkeeping that watches for a forgotten close is off.

package resource

// trackResources turns FerretDB's bookkeeping of open objects on (Track and Untrack in resource.go).
const trackResources = false
