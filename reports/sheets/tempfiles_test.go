package sheets

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
	"dangjian/data/localfs"
)

// wideMembers is a members sheet of n rows whose 籍贯, 单位职务或院系班级 and
// 党内职务 are near their longest, so that few rows make a sheet whose XML
// passes the 16 MB after which excelize spills to a temporary file.
func wideMembers(t testing.TB, n int) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	row := make([]any, 0, 19)
	for _, h := range headersOf(Members) {
		row = append(row, h)
	}
	sw.SetRow("A1", row)
	place, post := strings.Repeat("湖北省武汉市", 31), strings.Repeat("支部组织委员", 15)
	for i := range n {
		r := memberRow(fmt.Sprintf("党员%d", i), id("420106", 1960+i%30, 1+i%12, 1+i%28, i%1000, i%2 == 0),
			[]string{"男", "女"}[i%2], "一支部")
		r[5], r[9], r[14] = place, place+"系", post
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		sw.SetRow(cell, r)
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// emptyTMPDIR points TMPDIR (where excelize writes without Options.TmpDir)
// at a fresh empty folder and returns it.
func emptyTMPDIR(t *testing.T) string {
	dir := filepath.Join(t.TempDir(), "tmp")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", dir)
	return dir
}

// names lists the entries of dir ("" for none).
func names(t testing.TB, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var ns []string
	for _, e := range entries {
		ns = append(ns, e.Name())
	}
	return strings.Join(ns, " ")
}

// runFolders lists the scratch folders of runs beside the database db, and
// the files in them.
func runFolders(t testing.TB, db string) string {
	t.Helper()
	root := filepath.Join(filepath.Dir(db), localfs.ScratchFolder)
	var out []string
	for _, run := range strings.Fields(names(t, root)) {
		out = append(out, run+"["+names(t, filepath.Join(root, run))+"]")
	}
	return strings.Join(out, " ")
}

// wideRows is how many rows of wideMembers make an export spill.
const wideRows = 7000

// TestTemporaryFilesStayInTheScratchFolder: importing a sheet whose XML is
// larger than the 16 MB after which excelize spills to disk writes no
// temporary file at all; exporting it spills into the private scratch
// folder beside the database, not the system's temporary folder, and the
// folder is gone afterwards. An export killed while its spilled rows are
// on disk and an import killed in the middle of its rows leave nothing in
// the system's temporary folder, only their scratch folders, which the
// next import removes. Before, the import's unzipped sheet and the
// export's spilled rows (names and 公民身份号码) went to TMPDIR, and a
// killed run left them there.
func TestTemporaryFilesStayInTheScratchFolder(t *testing.T) {
	tmp := emptyTMPDIR(t)
	ctx := context.Background()
	s := testStore(t)
	sheet := wideMembers(t, wideRows)
	nothingInTMPDIR := func(int, int) {
		if got := names(t, tmp); got != "" {
			t.Fatalf("written into TMPDIR: %s", got)
		}
	}
	rep, err := run(t, s, Members, sheet, Options{Progress: nothingInTMPDIR})
	if err != nil || rep.Created != wideRows {
		t.Fatalf("import: %v %+v", err, rep)
	}
	if got := names(t, tmp) + runFolders(t, s.Path()); got != "" {
		t.Fatalf("left after the import: %s", got)
	}

	spilled := ""
	rows, err := Export(ctx, s, Members, io.Discard, 0, func(done, total int) {
		nothingInTMPDIR(done, total)
		if in := runFolders(t, s.Path()); spilled == "" && strings.Contains(in, "excelize-") {
			spilled = in
		}
	})
	if err != nil || rows != wideRows {
		t.Fatalf("export: %d rows, %v", rows, err)
	}
	if spilled == "" {
		t.Fatal("the export never spilled into its scratch folder: the test sheet is too small")
	}
	t.Logf("the export spilled into %s", spilled)
	if got := names(t, tmp) + runFolders(t, s.Path()); got != "" {
		t.Fatalf("left after the export: %s", got)
	}

	if testing.Short() {
		return
	}
	left, childTmp := killedChild(t, "export", s.Path(), "")
	if !strings.Contains(left, "excelize-") || childTmp != "" {
		t.Fatalf("a killed export left scratch %q and TMPDIR %q", left, childTmp)
	}
	t.Logf("a killed export left %s", left)
	sheetFile := filepath.Join(t.TempDir(), "members.xlsx")
	if err := os.WriteFile(sheetFile, sheet, 0o600); err != nil {
		t.Fatal(err)
	}
	fresh := testStore(t) // the killed import writes into an empty database
	left, childTmp = killedChild(t, "import", fresh.Path(), sheetFile)
	if !strings.Contains(left, "run-") || childTmp != "" {
		t.Fatalf("a killed import left scratch %q and TMPDIR %q", left, childTmp)
	}
	if n, _ := fresh.Members.Count(ctx); n != 0 {
		t.Fatalf("a killed import wrote %d members", n)
	}
	// The next import beside each database removes what the dead runs left.
	for _, st := range []*data.Store{s, fresh} {
		if _, err := Import(ctx, st, Members, bytes.NewReader(membersBook(t, 3)), Options{DryRun: true}); err != nil {
			t.Fatal(err)
		}
		if got := runFolders(t, st.Path()); got != "" {
			t.Fatalf("the next import kept %s", got)
		}
	}
}

// childEnv, when set, makes TestKilledRunChild run as a child process.
const childEnv = "DANGJIAN_SHEETS_TEST_CHILD"

// TestKilledRunChild is the child process of
// TestTemporaryFilesStayInTheScratchFolder: it exports or imports, says
// "ready" once its scratch folder holds what it works on, and waits to be
// killed.
func TestKilledRunChild(t *testing.T) {
	mode := os.Getenv(childEnv)
	if mode == "" {
		t.Skip("run by TestTemporaryFilesStayInTheScratchFolder")
	}
	ctx := context.Background()
	s, err := data.Open(ctx, os.Getenv(childEnv+"_DB"))
	if err != nil {
		t.Fatal(err)
	}
	ready := func() {
		fmt.Println("ready")
		time.Sleep(time.Hour)
	}
	switch mode {
	case "export":
		_, err = Export(ctx, s, Members, io.Discard, 0, func(done, total int) {
			if strings.Contains(runFolders(t, s.Path()), "excelize-") {
				ready()
			}
		})
	case "import":
		_, err = ImportFile(ctx, s, Members, os.Getenv(childEnv+"_FILE"), Options{Progress: func(done, _ int) {
			if done > 0 {
				ready()
			}
		}})
	}
	t.Fatalf("%s ended without being killed: %v", mode, err)
}

// killedChild runs TestKilledRunChild in mode against the database db,
// waits until it is ready, kills it (SIGKILL: no deferred cleanup runs) and
// returns the scratch folders it left and what it wrote into its TMPDIR.
func killedChild(t *testing.T, mode, db, file string) (left, tmpFiles string) {
	t.Helper()
	tmp := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledRunChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+mode, childEnv+"_DB="+db, childEnv+"_FILE="+file, "TMPDIR="+tmp)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	ready := false
	for !ready {
		select {
		case line, ok := <-lines:
			if !ok {
				cmd.Wait()
				t.Fatalf("the %s child ended before it was ready: %s", mode, stderr.String())
			}
			ready = line == "ready"
		case <-time.After(5 * time.Minute):
			cmd.Process.Kill()
			t.Fatalf("the %s child never got ready", mode)
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
	go func() {
		for range lines {
		}
	}()
	return runFolders(t, db), names(t, tmp)
}
