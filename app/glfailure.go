package app

import (
	"bytes"
	"io"
	"os"
	"strings"
	"sync"
)

// glFailureText is what people read when the window cannot be drawn.
const glFailureText = `无法打开程序窗口：这台电脑没有可用的 OpenGL 2.1 图形驱动（常见于远程桌面和较旧的显卡驱动）。

解决办法（任选其一）：
1. 安装或更新显卡驱动后重新打开；
2. 使用软件渲染：把 Mesa3D for Windows 的 opengl32.dll（及同包的 libgallium_wgl.dll）复制到 dangjian.exe 所在的文件夹，再重新打开（说明见 README“Windows 用户”一节）。

命令行功能（如 dangjian.exe report roster）不需要图形驱动，仍可使用。数据没有受到影响。`

// glFailures are the starts of Fyne's log lines when the window or its
// OpenGL context cannot be made.
var glFailures = []string{"window creation error", "failed to initialise OpenGL", "failed to initialise GLFW"}

// glWatch watches Fyne's log for a window that cannot be drawn and, once
// Fyne has logged the cause, tells the person why and how to work around
// it, then ends the program; otherwise Fyne would quit without a word (on
// Windows a GUI program has no console to print to).
type glWatch struct {
	out   io.Writer         // where log lines still go
	tell  func(text string) // shows the message (a message box on Windows)
	exit  func(code int)
	mu    sync.Mutex
	buf   bytes.Buffer // the current, unfinished line
	cause string       // set once a failure is seen
	seen  bool
}

func (g *glWatch) Write(p []byte) (int, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.buf.Write(p)
	for {
		line, err := g.buf.ReadString('\n')
		if err != nil {
			g.buf.WriteString(line) // keep the unfinished part
			break
		}
		g.line(strings.TrimSpace(line))
	}
	if bytes.Contains(p, []byte(x11Failure)) {
		return len(p), nil // explainDisplayFailure says it in Chinese
	}
	return g.out.Write(p)
}

// x11Failure starts GLFW's report of an X display it cannot reach, which
// the toolkit logs just before it panics.
const x11Failure = "PlatformError: X11:"

// line follows LogError's three lines: the reason, "Cause:", "At:".
func (g *glWatch) line(line string) {
	switch {
	case !g.seen:
		for _, f := range glFailures {
			if strings.Contains(line, f) {
				g.seen, g.cause = true, f
			}
		}
	case strings.Contains(line, "Cause:"):
		g.cause = strings.TrimSpace(line[strings.Index(line, "Cause:")+len("Cause:"):])
	case strings.Contains(line, "At:"):
		g.tell(glFailureText + "\n\n详细信息：" + g.cause)
		g.exit(1)
	}
}

// watchGLFailures routes the standard logger (which Fyne logs through)
// through a glWatch.
func watchGLFailures(setOutput func(io.Writer)) {
	setOutput(&glWatch{out: os.Stderr, tell: showFailure, exit: os.Exit})
}
