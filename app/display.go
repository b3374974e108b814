package app

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
)

// noDisplay explains, in one line, why no window can open here; "" when
// one can. On Linux and the BSDs a window needs an X11 or Wayland display;
// without one the toolkit would fail with a long trace.
func noDisplay(getenv func(string) string) string {
	switch runtime.GOOS {
	case "windows", "darwin", "android", "ios", "js":
		return ""
	}
	if getenv("DISPLAY") != "" || getenv("WAYLAND_DISPLAY") != "" {
		return ""
	}
	return "无法打开图形界面：没有可用的显示器（DISPLAY 和 WAYLAND_DISPLAY 都未设置）。命令行用法见 dangjian help。"
}

// displayMissing is noDisplay for this process.
func displayMissing() string { return noDisplay(os.Getenv) }

// explainDisplayFailure turns the toolkit's panic when the display named
// by DISPLAY cannot be reached (a closed X server, a remote session) into
// one line and exit code 2; any other panic goes on.
func explainDisplayFailure(stderr io.Writer, code *int) {
	r := recover()
	if r == nil {
		return
	}
	if !strings.Contains(strings.ToUpper(fmt.Sprint(r)), "GLFW") {
		panic(r)
	}
	fmt.Fprintf(stderr, "无法打开图形界面：无法连接显示器%q。命令行用法见 dangjian help。\n", os.Getenv("DISPLAY"))
	*code = 2
}
