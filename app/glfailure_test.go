package app

import (
	"bytes"
	"fmt"
	"log"
	"strings"
	"testing"
)

func TestGLFailureIsExplainedThenExits(t *testing.T) {
	var out bytes.Buffer
	var told []string
	code := -1
	g := &glWatch{out: &out, tell: func(s string) { told = append(told, s) }, exit: func(c int) { code = c }}
	l := log.New(g, "", log.LstdFlags)
	l.Println("Fyne error: ", "window creation error")
	if len(told) != 0 {
		t.Fatal("told before the cause was logged")
	}
	l.Println("  Cause:", "WGL: The driver does not appear to support OpenGL")
	l.Printf("  At: %s:%d", "window_desktop.go", 760)
	if len(told) != 1 || code != 1 {
		t.Fatalf("told %d times, exit %d", len(told), code)
	}
	if !strings.Contains(told[0], "OpenGL 2.1") || !strings.Contains(told[0], "opengl32.dll") ||
		!strings.Contains(told[0], "WGL: The driver does not appear to support OpenGL") {
		t.Errorf("message: %s", told[0])
	}
	if !strings.Contains(out.String(), "window creation error") {
		t.Error("the log line was swallowed")
	}
}

func TestOtherLogLinesPassThrough(t *testing.T) {
	var out bytes.Buffer
	g := &glWatch{out: &out, tell: func(string) { t.Fatal("told") }, exit: func(int) { t.Fatal("exited") }}
	for i := 0; i < 3; i++ {
		fmt.Fprintf(g, "Fyne error:  Failed to load preferences\n  Cause: x\n  At: y:%d\n", i)
	}
	fmt.Fprint(g, "partial line without newline")
	if !strings.Contains(out.String(), "partial line") || strings.Count(out.String(), "At:") != 3 {
		t.Errorf("passed through: %q", out.String())
	}
}
