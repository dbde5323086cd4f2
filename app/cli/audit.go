package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"slate/app"
	"slate/internal/anchor"
)

func init() {
	register(
		command{name: "audit log", args: "[--from SEQ]", summary: "print the audit trail", run: runAuditLog, readOnly: true},
		command{name: "audit verify", args: "[--quick] [--anchor FILE|SEQ:HASH] [--key FILE]",
			summary: "check the audit chain and re-hash every batch's data; exit 1 naming the first bad event or batch", run: runAuditVerify, readOnly: true},
		command{name: "audit anchor", args: "[--key FILE] [-o FILE]",
			summary: "print the chain head as one JSON line to keep outside the database (signed when an anchor key exists)", run: runAuditAnchor, readOnly: true},
		command{name: "audit keygen", args: "[--key FILE]",
			summary: "create the ed25519 anchor key in the user config folder (never in the database)", run: runAuditKeygen, noDB: true},
		command{name: "init", summary: "create a new workspace at --db (or the default path); an existing one is upgraded", run: runInit, noDB: true},
		command{name: "doctor", args: "[FILE] [--salvage DIR] [--rebuild-results]",
			summary: "check a database file read-only: header, pages, schema, audit chain, batch data; exit 1 when damaged; --rebuild-results then evaluates every SLT again and stores its complete periods", run: runDoctor, noDB: true},
		command{name: "backup", args: "FILE", summary: "write a consistent copy of the database", run: runBackup},
	)
}

func runAuditLog(e *env, args []string) error {
	fs := flag.NewFlagSet("audit log", flag.ContinueOnError)
	from := fs.Uint64("from", 0, "first sequence number")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	events, err := e.app.Audit.Log(*from)
	if err != nil {
		return err
	}
	return e.emit(events, func(w io.Writer) {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "SEQ\tTIME (UTC)\tACTOR\tACTION\tOBJECT\tHASH")
		for _, ev := range events {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", ev.Seq, ev.Time.Format(time.DateTime), ev.Actor, ev.Action, ev.Object, ev.Hash[:12])
		}
		tw.Flush()
	})
}

// readAnchor takes an anchor file's content, or the argument itself
// (SEQ:HASH or a bare hash) when no such file exists.
func readAnchor(arg string) (string, error) {
	b, err := os.ReadFile(arg)
	switch {
	case err == nil:
		return string(b), nil
	case errors.Is(err, fs.ErrNotExist):
		return arg, nil
	}
	return "", err
}

func runAuditVerify(e *env, args []string) error {
	fs := flag.NewFlagSet("audit verify", flag.ContinueOnError)
	quick := fs.Bool("quick", false, "check the chain only, not the stored data")
	anchorArg := fs.String("anchor", "", "anchor file (from slate audit anchor), SEQ:HASH, or a head hash")
	key := fs.String("key", "", "anchor key whose public half a signed anchor must match (default: the user config folder's slate/anchor.key)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	c := app.AuditCheck{Quick: *quick}
	if *anchorArg != "" {
		text, err := readAnchor(*anchorArg)
		if err != nil {
			return err
		}
		c.Anchor = text
	}
	if *key != "" {
		e.app.SetAnchorKey(*key)
	}
	v, err := e.app.Audit.Check(c)
	if err != nil {
		return err
	}
	if err := e.emit(v, func(w io.Writer) { printVerification(w, v, c) }); err != nil {
		return err
	}
	if !v.OK {
		switch {
		case v.Anchor != nil && !v.Anchor.OK:
			return fmt.Errorf("audit trail does not extend the anchor: %s", v.Problem)
		case v.BadBatch != 0:
			return fmt.Errorf("data of batch %d no longer matches the audit trail: %s", v.BadBatch, v.Problem)
		}
		return fmt.Errorf("audit chain broken at event %d: %s", v.FirstBad, v.Problem)
	}
	return nil
}

func printVerification(w io.Writer, v app.AuditVerification, c app.AuditCheck) {
	if !v.OK {
		return // the error says what is wrong
	}
	fmt.Fprintf(w, "audit chain intact: %d events, head %d:%s\n", v.Events, v.Events, v.Head)
	if v.DataChecked {
		fmt.Fprintf(w, "data intact: the stored points of %d published batches (%d points) match the hashes recorded when they were imported\n", v.Batches, v.Points)
	} else {
		fmt.Fprintln(w, "data not checked (--quick)")
	}
	if v.Anchor != nil {
		fmt.Fprintf(w, "anchor: the chain still extends event %d (%s); signature: %s\n", v.Anchor.Seq, v.Anchor.Hash, v.AnchorSignature)
	} else {
		fmt.Fprintln(w, "no anchor given: a chain rewritten and re-hashed inside the file, or cut at the end, cannot be told from an intact one; keep `slate audit anchor` output elsewhere and pass it with --anchor")
	}
}

func runAuditAnchor(e *env, args []string) error {
	fs := flag.NewFlagSet("audit anchor", flag.ContinueOnError)
	key := fs.String("key", "", "anchor key (default: the user config folder's slate/anchor.key; unsigned when there is none)")
	out := fs.String("o", "", "also write the anchor line to FILE (never overwritten)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *key != "" {
		e.app.SetAnchorKey(*key)
	}
	head, err := e.app.Audit.Anchor()
	if err != nil {
		return err
	}
	an := anchor.Anchor(head)
	line := an.JSON() + "\n"
	if *out != "" {
		f, err := os.OpenFile(*out, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
		_, err = f.WriteString(line)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	if !an.Signed() {
		fmt.Fprintln(e.stderr, "slate: the anchor is unsigned (no anchor key: `slate audit keygen` makes one); it proves only as much as the place you keep it")
	}
	_, err = io.WriteString(e.stdout, line)
	return err
}

func runAuditKeygen(e *env, args []string) error {
	fs := flag.NewFlagSet("audit keygen", flag.ContinueOnError)
	key := fs.String("key", "", "where to write the key (default: the user config folder's slate/anchor.key)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	path := *key
	if path == "" {
		p, err := anchor.DefaultKeyPath()
		if err != nil {
			return err
		}
		path = p
	}
	if db, err := dbFile(e); err == nil && sameFile(db, path) {
		return fmt.Errorf("%s is the database: the anchor key must live outside it", path)
	}
	pub, err := anchor.GenerateKey(path)
	if err != nil {
		return err
	}
	res := map[string]string{"key": path, "public": anchor.PublicPath(path), "key_id": anchor.KeyID(pub)}
	return e.emit(res, func(w io.Writer) {
		fmt.Fprintf(w, "anchor key written: %s (mode 0600; keep it out of backups of the database)\n", path)
		fmt.Fprintf(w, "public key: %s, key id %s — give it to whoever checks your anchors\n", anchor.PublicPath(path), anchor.KeyID(pub))
	})
}

// dbFile is the database path this run would use.
func dbFile(e *env) (string, error) {
	if e.dbPath != "" {
		return e.dbPath, nil
	}
	return storageDefaultPath()
}

func sameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

func runInit(e *env, args []string) error {
	if len(args) > 0 {
		return usageError("unexpected %q (the path is --db PATH)", args[0])
	}
	a, created, err := app.Init(e.dbPath)
	if err != nil {
		return err
	}
	defer a.Close()
	path := a.Store().Path()
	res := map[string]any{"file": path, "created": created}
	return e.emit(res, func(w io.Writer) {
		if created {
			fmt.Fprintf(w, "new workspace: %s\n", path)
		} else {
			fmt.Fprintf(w, "%s is already a workspace; nothing created (it is at the current schema now)\n", path)
		}
	})
}

func runDoctor(e *env, args []string) error {
	fs := flag.NewFlagSet("doctor", flag.ContinueOnError)
	salvage := fs.String("salvage", "", "also copy what can be read (definitions, audit events, original files) into this new folder")
	rebuild := fs.Bool("rebuild-results", false, "then drop the stored results (derived data) and evaluate every SLT again")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usageError("name one database file")
	}
	path := e.dbPath
	if len(pos) == 1 {
		path = pos[0]
	}
	r, err := app.Doctor(path)
	if err != nil {
		return err
	}
	var sres *app.SalvageResult
	if *salvage != "" {
		s, err := app.Salvage(r.File, *salvage)
		if err != nil {
			return fmt.Errorf("salvage: %w", err)
		}
		sres = &s
	}
	var rres *app.ResultsRebuild
	if *rebuild && r.OK {
		e.dbPath = r.File
		a, err := e.open()
		if err != nil {
			return err
		}
		x, err := a.Compliance.RebuildResults()
		if err != nil {
			return fmt.Errorf("rebuild results: %w", err)
		}
		rres = &x
	}
	out := struct {
		app.DoctorReport
		Salvage *app.SalvageResult  `json:"salvage,omitempty"`
		Results *app.ResultsRebuild `json:"results,omitempty"`
	}{r, sres, rres}
	if err := e.emit(out, func(w io.Writer) {
		printDoctor(w, r, sres)
		if rres != nil {
			fmt.Fprintf(w, "results rebuilt: %d SLTs evaluated, %d periods stored (%.1f s)\n", rres.SLTs, rres.Periods, rres.Seconds)
			for _, p := range rres.Problems {
				fmt.Fprintln(w, "  could not evaluate:", p)
			}
		}
	}); err != nil {
		return err
	}
	if !r.OK {
		if *rebuild {
			return fmt.Errorf("%s is damaged or not a Slate database (see above); results were not rebuilt", r.File)
		}
		return fmt.Errorf("%s is damaged or not a Slate database (see above)", r.File)
	}
	if rres != nil && len(rres.Problems) > 0 {
		return errors.New("some SLTs could not be evaluated (see above)")
	}
	return nil
}

func printDoctor(w io.Writer, r app.DoctorReport, s *app.SalvageResult) {
	fmt.Fprintf(w, "%s\n", r.File)
	for _, c := range r.Checks {
		mark := "ok  "
		if !c.OK {
			mark = "FAIL"
		}
		fmt.Fprintf(w, "  %s  %-12s %s\n", mark, c.Name, c.Detail)
	}
	if r.OK {
		fmt.Fprintln(w, "healthy: nothing to do")
	}
	if len(r.Savable) > 0 && !r.OK {
		fmt.Fprintln(w, "can be saved:")
		for _, x := range r.Savable {
			fmt.Fprintf(w, "  - %s\n", x)
		}
	}
	if len(r.Advice) > 0 {
		fmt.Fprintln(w, "what to do:")
		for _, x := range r.Advice {
			fmt.Fprintf(w, "  - %s\n", x)
		}
	}
	if s != nil {
		fmt.Fprintf(w, "salvaged into %s: %s\n", s.Dir, strings.Join(s.Written, ", "))
		for _, f := range s.Failed {
			fmt.Fprintf(w, "  could not read %s\n", f)
		}
	}
}

func runBackup(e *env, args []string) error {
	if len(args) != 1 {
		return usageError("backup needs FILE")
	}
	res, err := e.app.Backup(args[0])
	if err != nil {
		return err
	}
	return e.emit(res, func(w io.Writer) {
		fmt.Fprintf(w, "backup written: %s (%d bytes)\n", res.File, res.Bytes)
	})
}
