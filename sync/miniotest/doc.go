// Package miniotest runs a real MinIO server for integration tests: the
// minio and mc binaries that scripts/minio-tools.sh builds (`make
// minio-tools`; `make gotest` does it first), started as separate processes
// on 127.0.0.1 with a fresh data folder and random root credentials. MinIO
// and mc are AGPL, so their Go packages are never imported; tests talk to
// the server over S3 (minio-go) and administer it with the mc command line.
//
// The binaries are looked up in $DANGJIAN_MINIO_BIN_DIR (the Makefile
// exports it), or else, by Start and Run, in bin/minio-tools-*/ of the
// repository, found by walking up from the working folder to go.mod.
//
// A package's tests start one server in TestMain and share it:
//
//	var srv *miniotest.Server
//
//	func TestMain(m *testing.M) {
//		var err error
//		srv, err = miniotest.Start()
//		if err != nil {
//			fmt.Fprintln(os.Stderr, err)
//			os.Exit(1)
//		}
//		code := m.Run()
//		srv.Close()
//		os.Exit(code)
//	}
//
// A package of which only some tests need the server uses RunIfConfigured
// instead: the server starts only when DANGJIAN_MINIO_BIN_DIR is set (as
// make test does), and otherwise the tests that need it skip themselves
// (Need) after one line saying so, while the others run:
//
//	func TestMain(m *testing.M) {
//		os.Exit(miniotest.RunIfConfigured(m, &srv, "snapshot"))
//	}
//
//	func TestOnTheServer(t *testing.T) {
//		miniotest.Need(t, srv)
//		…
//	}
//
// Start takes about half a second. Each test should use its own bucket
// (MakeBucket) or its own organization folder, so that tests stay
// independent while sharing the server. The server process gets SIGKILL
// when the test binary dies (Linux), so a panicking test leaves no server
// behind, only its temporary folder.
package miniotest
