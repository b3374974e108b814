package app

import (
	"runtime"
	"strings"
	"testing"
)

func TestNoDisplayIsOneChineseLine(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("a window needs no display variable here")
	}
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	why := noDisplay(getenv)
	if why == "" || strings.Contains(why, "\n") || !strings.Contains(why, "DISPLAY") {
		t.Fatalf("without a display: %q, want one line naming DISPLAY", why)
	}
	for _, k := range []string{"DISPLAY", "WAYLAND_DISPLAY"} {
		env = map[string]string{k: ":0"}
		if why := noDisplay(getenv); why != "" {
			t.Errorf("with %s set: %q, want none", k, why)
		}
	}
}

func TestMainWithoutDisplayPrintsOneLine(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("a window needs no display variable here")
	}
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	var stderr strings.Builder
	code := Main([]string{"--db", t.TempDir() + "/x.db"}, &stderr)
	if code != 2 || strings.Count(stderr.String(), "\n") != 1 || strings.Contains(stderr.String(), "panic") {
		t.Fatalf("exit %d, stderr %q; want 2 and one line", code, stderr.String())
	}
}

func TestUnreachableDisplayPanicBecomesOneLine(t *testing.T) {
	var stderr strings.Builder
	code := func() (code int) {
		defer explainDisplayFailure(&stderr, &code)
		panic("NotInitialized: The GLFW library is not initialized")
	}()
	if code != 2 || strings.Count(stderr.String(), "\n") != 1 || !strings.Contains(stderr.String(), "无法连接显示器") {
		t.Fatalf("exit %d, %q", code, stderr.String())
	}
	defer func() {
		if recover() == nil {
			t.Fatal("another panic must go on")
		}
	}()
	func() (code int) {
		defer explainDisplayFailure(&stderr, &code)
		panic("index out of range")
	}()
}

func TestX11FailureIsNotLoggedTwice(t *testing.T) {
	var out strings.Builder
	g := &glWatch{out: &out, tell: func(string) {}, exit: func(int) {}}
	g.Write([]byte("2026/12/03 09:52:13 PlatformError: X11: Failed to open display :99\n"))
	g.Write([]byte("another line\n"))
	if out.String() != "another line\n" {
		t.Fatalf("logged %q", out.String())
	}
}
