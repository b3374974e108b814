// Command dangjian keeps the party-member education and management records
// of a university's secondary party organization. With no sub-command it
// opens the desktop application; with one it runs the command line.
package main

import (
	"os"

	"dangjian/app"
	"dangjian/app/cli"
	_ "dangjian/app/uilang" // before Fyne reads the locale
)

func main() {
	args := os.Args[1:]
	if cli.IsCommand(args) {
		os.Exit(cli.Main(args, os.Stdout, os.Stderr))
	}
	os.Exit(app.Main(args, os.Stderr))
}
