package report_test

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// chromium is Debian's headless-capable browser; 'make test-deps' installs
// it. The browser test needs it and fails without it.
const chromium = "/usr/bin/chromium"

// artefacts is where the browser test keeps its screenshot for a person to
// look at. Git ignores the folder.
var artefacts = filepath.Join("..", "testdata", "artefacts")

// browse runs headless Chromium on page with extra flags, bounded in time,
// and returns what it wrote to standard output.
func browse(t *testing.T, page string, flags ...string) string {
	t.Helper()
	if _, err := os.Stat(chromium); err != nil {
		t.Fatalf("no browser at %s: run `make test-deps` to install Chromium (%v)",
			chromium, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(),
	}
	args = append(append(args, flags...), page)
	cmd := exec.CommandContext(ctx, chromium, args...)
	cmd.WaitDelay = 5 * time.Second
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	err := cmd.Run()
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		t.Fatalf("chromium %v: no answer within 90 seconds", flags)
	}
	if err != nil {
		t.Fatalf("chromium %v: %v\n%s", flags, err, stderr.String())
	}
	return out.String()
}

// TestScorecardInBrowser opens the page in headless Chromium, checks what
// a person sees once the page's script has run, and keeps a screenshot in
// testdata/artefacts/report.png.
func TestScorecardInBrowser(t *testing.T) {
	_, page := scorecard(t, "", fixtureTargets)
	if err := os.MkdirAll(artefacts, 0o755); err != nil {
		t.Fatal(err)
	}
	file, err := filepath.Abs(filepath.Join(artefacts, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	url := "file://" + filepath.ToSlash(file)

	// Opened at a value's link, the script opens that value's case list.
	dom := browse(t, url+"#cases-CCA14", "--dump-dom")
	for _, want := range []string{
		`<h2 id="h-intake-and-assessment">Intake and Assessment</h2>`,
		`<span class="rag rag-red">Red</span>`,
		`<span class="rag rag-amber">Amber</span>`,
		`>33.3%<`,
		`<details class="cases" id="cases-CCA14" open="">`,
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("the rendered page does not contain %q", want)
		}
	}
	if strings.Contains(dom, `id="cases-CCA1" open`) {
		t.Errorf("a case list other than the linked one is open")
	}

	// The screenshot: the size asked for, and not blank. A blank page
	// compresses to under 10 kB; the header band is the page's dark blue.
	shot := filepath.Join(artefacts, "report.png")
	os.Remove(shot)
	browse(t, url, "--screenshot="+shot, "--window-size=1280,2000", "--hide-scrollbars")
	st, err := os.Stat(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	if st.Size() < 40_000 {
		t.Errorf("screenshot is %d bytes, want a page's worth (40 kB or more)", st.Size())
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 2000 {
		t.Errorf("screenshot is %dx%d, want 1280x2000", b.Dx(), b.Dy())
	}
	// #1d3557 is (29, 53, 87); allow for colour management.
	r, g, b, _ := img.At(5, 5).RGBA()
	if r>>8 > 60 || g>>8 > 85 || b>>8 < 60 || b>>8 > 120 {
		t.Errorf("the header band is colour (%d, %d, %d), want the page's dark blue",
			r>>8, g>>8, b>>8)
	}
}
