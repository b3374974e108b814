package miniotest

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// BinDirEnv names the environment variable holding the folder with the
// minio and mc binaries.
const BinDirEnv = "DANGJIAN_MINIO_BIN_DIR"

// installHint is how to get the binaries; every "not found" error says it.
const installHint = "run `make minio-tools` (or `bash scripts/minio-tools.sh`) in the repository"

const (
	// readyTimeout bounds how long Start and Restart wait for the server.
	readyTimeout = 60 * time.Second
	// stopGrace is how long Stop waits after SIGTERM before SIGKILL.
	stopGrace = 5 * time.Second
	// startAttempts is how often Start tries fresh ports when another
	// process took the chosen one between probing and minio's bind.
	startAttempts = 3
)

// Server is a running MinIO server on 127.0.0.1 with a temporary data
// folder. The exported fields are fixed for the server's life, Restart
// included.
type Server struct {
	// Endpoint is the S3 URL, http://127.0.0.1:PORT.
	Endpoint string
	// Host is 127.0.0.1:PORT, what minio-go's New takes.
	Host string
	// RootUser and RootPassword are the server's root credentials.
	RootUser     string
	RootPassword string

	binDir      string
	root        string // temporary folder: data/, certs/, mc/, minio.log
	dataDir     string
	consoleHost string

	mu   sync.Mutex
	proc *process // nil while stopped
}

// process is one run of the minio binary.
type process struct {
	cmd  *exec.Cmd
	done chan struct{} // closed once cmd has exited
}

// Start runs a new MinIO server on a free loopback port with an empty data
// folder and random root credentials, and returns once it answers ready.
func Start() (*Server, error) {
	binDir, err := findBinDir()
	if err != nil {
		return nil, err
	}
	root, err := os.MkdirTemp("", "dangjian-minio-")
	if err != nil {
		return nil, fmt.Errorf("miniotest: %w", err)
	}
	s := &Server{
		RootUser:     "root" + randomHex(6),
		RootPassword: randomHex(16),
		binDir:       binDir,
		root:         root,
		dataDir:      filepath.Join(root, "data"),
	}
	for _, d := range []string{s.dataDir, s.certsDir(), s.mcConfigDir()} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			os.RemoveAll(root)
			return nil, fmt.Errorf("miniotest: %w", err)
		}
	}
	for attempt := 1; ; attempt++ {
		ports, err := freePorts(2)
		if err != nil {
			os.RemoveAll(root)
			return nil, fmt.Errorf("miniotest: %w", err)
		}
		s.Host = "127.0.0.1:" + strconv.Itoa(ports[0])
		s.Endpoint = "http://" + s.Host
		s.consoleHost = "127.0.0.1:" + strconv.Itoa(ports[1])
		err = s.start()
		if err == nil {
			return s, nil
		}
		if attempt < startAttempts && errors.Is(err, errAddrInUse) {
			continue
		}
		os.RemoveAll(root)
		return nil, err
	}
}

// Stop ends the server: SIGTERM, then SIGKILL if it is still running after
// a few seconds, and waits for it to exit. The data folder stays, for
// Restart. Stopping a stopped server does nothing.
func (s *Server) Stop() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stopLocked()
}

func (s *Server) stopLocked() error {
	p := s.proc
	if p == nil {
		return nil
	}
	s.proc = nil
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		select {
		case <-p.done:
			return nil // it had already exited
		default:
		}
		p.cmd.Process.Kill()
	}
	select {
	case <-p.done:
	case <-time.After(stopGrace):
		p.cmd.Process.Kill()
		<-p.done
	}
	return nil
}

// Restart stops the server if it runs and starts it again on the same port
// with the same data folder and credentials, returning once it is ready.
func (s *Server) Restart() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.stopLocked(); err != nil {
		return err
	}
	return s.startLocked()
}

// Close stops the server and removes its data folder.
func (s *Server) Close() error {
	err := s.Stop()
	if rmErr := os.RemoveAll(s.root); rmErr != nil && err == nil {
		err = fmt.Errorf("miniotest: %w", rmErr)
	}
	return err
}

// errAddrInUse marks a start that failed because the port was taken.
var errAddrInUse = errors.New("port already in use")

func (s *Server) start() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.startLocked()
}

// startLocked runs minio and waits until it is ready; on failure the
// process is gone and the error carries the tail of the server's log.
func (s *Server) startLocked() error {
	logFile, err := os.OpenFile(s.logPath(), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("miniotest: %w", err)
	}
	var logStart int64 // where this run's lines begin
	if fi, err := logFile.Stat(); err == nil {
		logStart = fi.Size()
	}
	fmt.Fprintf(logFile, "--- miniotest: starting minio on %s at %s\n", s.Host, time.Now().Format(time.RFC3339Nano))
	cmd := exec.Command(filepath.Join(s.binDir, "minio"), "server",
		"--quiet", "--anonymous",
		"--address", s.Host,
		"--console-address", s.consoleHost,
		"--certs-dir", s.certsDir(),
		s.dataDir)
	cmd.Env = append(cleanEnv(),
		"MINIO_ROOT_USER="+s.RootUser,
		"MINIO_ROOT_PASSWORD="+s.RootPassword,
		"MINIO_BROWSER=off",         // no web console
		"MINIO_UPDATE=off",          // no update checks
		"MINIO_CALLHOME_ENABLE=off", // no reports home
		"MINIO_CI_CD=on",            // any drive (tmpfs, the root disk), small buffers
		"HOME="+s.root,              // nothing written to the user's ~/.minio
	)
	cmd.Dir = s.root
	cmd.Stdout = logFile
	cmd.Stderr = logFile
	cmd.SysProcAttr = sysProcAttr()
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return fmt.Errorf("miniotest: starting minio: %w", err)
	}
	p := &process{cmd: cmd, done: make(chan struct{})}
	go func() {
		cmd.Wait()
		logFile.Close()
		close(p.done)
	}()
	s.proc = p

	if err := s.waitReady(p); err != nil {
		s.stopLocked()
		tail := s.logTail(logStart)
		if strings.Contains(tail, "port is already in use") || strings.Contains(tail, "address already in use") {
			err = fmt.Errorf("%w (%w)", err, errAddrInUse)
		}
		return fmt.Errorf("miniotest: minio on %s: %w\n--- tail of its log:\n%s", s.Host, err, tail)
	}
	return nil
}

// waitReady polls the readiness endpoint until it answers 200 OK, the
// process exits or readyTimeout passes.
func (s *Server) waitReady(p *process) error {
	client := &http.Client{Timeout: 2 * time.Second}
	url := s.Endpoint + "/minio/health/ready"
	deadline := time.Now().Add(readyTimeout)
	delay := 10 * time.Millisecond
	for {
		resp, err := client.Get(url)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK && s.answersS3() {
				return nil
			}
		}
		select {
		case <-p.done:
			return fmt.Errorf("exited before it was ready (%v)", p.cmd.ProcessState)
		case <-time.After(delay):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("not ready after %v", readyTimeout)
		}
		delay = min(delay*2, 50*time.Millisecond)
	}
}

// answersS3 tells whether a signed request succeeds: the health check can
// answer ready a moment before the S3 API stops replying "Server not
// initialized yet".
func (s *Server) answersS3() bool {
	c, err := minio.New(s.Host, &minio.Options{Creds: credentials.NewStaticV4(s.RootUser, s.RootPassword, ""), MaxRetries: 1})
	if err != nil {
		return false
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_, err = c.ListBuckets(ctx)
	return err == nil
}

func (s *Server) certsDir() string    { return filepath.Join(s.root, "certs") }
func (s *Server) mcConfigDir() string { return filepath.Join(s.root, "mc") }
func (s *Server) logPath() string     { return filepath.Join(s.root, "minio.log") }

// logTail returns the last 40 lines (at most 8 KiB) of the server's log
// from offset start on.
func (s *Server) logTail(start int64) string {
	b, err := os.ReadFile(s.logPath())
	if err != nil {
		return "(no log: " + err.Error() + ")"
	}
	b = b[min(start, int64(len(b))):]
	if len(b) > 8<<10 {
		b = b[len(b)-8<<10:]
	}
	lines := bytes.Split(bytes.TrimRight(b, "\n"), []byte("\n"))
	if len(lines) > 40 {
		lines = lines[len(lines)-40:]
	}
	return string(bytes.Join(lines, []byte("\n")))
}

// findBinDir returns the folder holding the minio binary: $BinDirEnv, or
// else the one bin/minio-tools-*/ of the repository around the working
// folder (the newest when there are several).
func findBinDir() (string, error) {
	if dir := os.Getenv(BinDirEnv); dir != "" {
		if !isExecutable(filepath.Join(dir, "minio")) {
			return "", fmt.Errorf("miniotest: no minio binary in %s=%s: %s", BinDirEnv, dir, installHint)
		}
		return dir, nil
	}
	repo, err := repoRoot()
	if err != nil {
		return "", fmt.Errorf("miniotest: %s is unset and %w", BinDirEnv, err)
	}
	candidates, _ := filepath.Glob(filepath.Join(repo, "bin", "minio-tools-*", "minio"))
	var best string
	var bestTime time.Time
	for _, c := range candidates {
		fi, err := os.Stat(c)
		if err != nil || !isExecutable(c) {
			continue
		}
		if best == "" || fi.ModTime().After(bestTime) {
			best, bestTime = c, fi.ModTime()
		}
	}
	if best == "" {
		return "", fmt.Errorf("miniotest: no minio binary in %s (and %s is unset): %s",
			filepath.Join(repo, "bin", "minio-tools-*"), BinDirEnv, installHint)
	}
	return filepath.Dir(best), nil
}

// repoRoot walks up from the working folder to the one holding go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working folder to find bin/minio-tools-*/ from")
		}
		dir = parent
	}
}

func isExecutable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0
}

// freePorts returns n distinct loopback ports that were free a moment ago.
func freePorts(n int) ([]int, error) {
	ports := make([]int, 0, n)
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		defer l.Close()
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}

// cleanEnv is this process's environment without MINIO_* and MC_*
// variables, so the caller's shell cannot reconfigure the servers or point
// mc at another host.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "MINIO_") || strings.HasPrefix(kv, "MC_") {
			continue
		}
		env = append(env, kv)
	}
	return env
}

// randomHex returns 2n random lowercase hex digits.
func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// Run is a package's TestMain with a server: it starts one into *srv,
// runs the tests, stops it and returns the exit code
// (os.Exit(miniotest.Run(m, &srv))). A server that cannot start fails the
// package with the reason.
func Run(m *testing.M, srv **Server) int {
	s, err := Start()
	if err != nil {
		fmt.Fprintln(os.Stderr, "these tests need a MinIO server:", err)
		return 1
	}
	*srv = s
	defer s.Close()
	return m.Run()
}
