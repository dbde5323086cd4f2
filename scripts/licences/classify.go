package main

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Licence policy. Slate is Apache-2.0 and ships statically linked binaries
// with the UI bundled in: a strong or library copyleft licence on anything
// compiled or bundled in would bind the whole binary (Go links statically, so
// LGPL binds as much as GPL here). File-level copyleft (MPL, EPL, CDDL) and the
// font licence OFL bind only those files and are allowed.
type class int

const (
	unknown    class = iota
	permissive       // notice and licence text travel with the binary
	weak             // file-level copyleft: allowed, those files stay under their licence
	copyleft         // would bind the binary: refused for anything shipped
)

func (c class) String() string {
	return [...]string{"unknown", "permissive", "weak copyleft (file-level)", "copyleft"}[c]
}

var classes = map[string]class{
	"MIT": permissive, "MIT-0": permissive, "BSD-2-Clause": permissive, "BSD-3-Clause": permissive,
	"Apache-2.0": permissive, "ISC": permissive, "0BSD": permissive, "Unlicense": permissive,
	"CC0-1.0": permissive, "CC-BY-3.0": permissive, "CC-BY-4.0": permissive, "Zlib": permissive,
	"BlueOak-1.0.0": permissive, "BSL-1.0": permissive, "Python-2.0": permissive, "PSF-2.0": permissive,
	"FTL": permissive, "Bitstream-Vera": permissive, "WTFPL": permissive, "X11": permissive,
	"MPL-2.0": weak, "EPL-1.0": weak, "EPL-2.0": weak, "CDDL-1.0": weak, "CDDL-1.1": weak, "OFL-1.1": weak,
	"BSD-4-Clause": permissive,
}

// classOf classifies one SPDX licence id: the GPL family and other reciprocal
// licences by prefix, the rest from the table.
func classOf(id string) class {
	id = strings.TrimSuffix(strings.TrimSuffix(id, "+"), "-or-later")
	id = strings.TrimSuffix(id, "-only")
	for _, p := range []string{"GPL-", "LGPL-", "AGPL-", "SSPL-", "EUPL-", "OSL-", "RPL-", "CC-BY-SA-", "CC-BY-NC", "CPAL-", "Sleepycat"} {
		if strings.HasPrefix(id, p) {
			return copyleft
		}
	}
	return classes[id]
}

// rule recognises one licence in a normalised licence file.
type rule struct {
	id   string
	all  []string // every phrase must occur
	any  []string // and at least one of these, if given
	none []string // and none of these
}

// Phrases are in normalised form (see normalise). Order matters only for
// readability: every rule that matches contributes its id.
var rules = []rule{
	{id: "Apache-2.0", all: []string{"apache license", "version 2 0"}},
	{id: "MIT", all: []string{"permission is hereby granted free of charge to any person obtaining a copy of this software", "the above copyright notice and this permission notice shall be included"}},
	{id: "MIT-0", all: []string{"permission is hereby granted free of charge to any person obtaining a copy of this software"}, none: []string{"the above copyright notice and this permission notice shall be included"}},
	{id: "BSD-4-Clause", all: []string{"redistribution and use in source and binary forms", "advertising materials"}},
	{id: "BSD-3-Clause", all: []string{"redistribution and use in source and binary forms"},
		any:  []string{"neither the name", "names of its contributors may not be used", "name of the author may not be used", "names of the copyright holders nor the names", "may not be used to endorse or promote"},
		none: []string{"advertising materials"}},
	{id: "BSD-2-Clause", all: []string{"redistribution and use in source and binary forms"},
		none: []string{"advertising materials", "neither the name", "names of its contributors may not be used", "name of the author may not be used", "names of the copyright holders nor the names", "may not be used to endorse or promote"}},
	{id: "ISC", all: []string{"with or without fee is hereby granted", "provided that the above copyright notice and this permission notice appear in all copies"},
		any: []string{"permission to use copy modify and or distribute this software", "permission to use copy modify and distribute this software"}},
	{id: "0BSD", all: []string{"with or without fee is hereby granted"},
		any:  []string{"permission to use copy modify and or distribute this software", "permission to use copy modify and distribute this software"},
		none: []string{"provided that the above copyright notice and this permission notice appear in all copies"}},
	{id: "MPL-2.0", all: []string{"mozilla public license", "2 0"}},
	{id: "EPL-2.0", all: []string{"eclipse public license", "v 2 0"}},
	{id: "Unlicense", all: []string{"this is free and unencumbered software released into the public domain"}},
	{id: "CC0-1.0", any: []string{"cc0 1 0 universal", "creative commons legal code cc0"}},
	{id: "CC-BY-4.0", all: []string{"creative commons attribution 4 0 international"}, none: []string{"sharealike", "noncommercial"}},
	{id: "OFL-1.1", all: []string{"sil open font license"}},
	{id: "FTL", all: []string{"the freetype project license"}},
	{id: "Zlib", all: []string{"altered source versions must be plainly marked as such"}},
	{id: "BlueOak-1.0.0", all: []string{"blue oak model license"}},
	{id: "BSL-1.0", all: []string{"boost software license"}},
	{id: "Python-2.0", all: []string{"python software foundation license"}},
	{id: "Bitstream-Vera", all: []string{"bitstream vera"}},
	{id: "WTFPL", all: []string{"do what the fuck you want to public license"}},
}

// The GPL family is read from the title or the first notice only: the texts
// of MPL, LGPL and others mention the GPL further down.
var gnuTitle = regexp.MustCompile(`gnu (affero |lesser |library )?general public license(?: as published by the free software foundation)?(?: either)? version (\d)(?: (\d)\b)?`)

var nonWord = regexp.MustCompile(`[^a-z0-9]+`)

func normalise(text string) string {
	return strings.TrimSpace(nonWord.ReplaceAllString(strings.ToLower(text), " "))
}

// classify returns the SPDX expression for one licence file: the ids it
// recognises joined with AND (a file that grants several licences at once,
// like yaml's MIT-and-Apache), or OR when the file offers a choice. "" when it
// recognises nothing.
func classify(text string) string {
	n := normalise(text)
	var ids []string
	for _, r := range rules {
		if matches(n, r) {
			ids = append(ids, r.id)
		}
	}
	head := n[:min(len(n), 600)]
	if !slices.Contains(ids, "MPL-2.0") {
		if m := gnuTitle.FindStringSubmatch(head); m != nil {
			fam := map[string]string{"": "GPL", "affero ": "AGPL", "lesser ": "LGPL", "library ": "LGPL"}[m[1]]
			ver := m[2] + ".0"
			if m[3] != "" {
				ver = m[2] + "." + m[3]
			}
			ids = append(ids, fam+"-"+ver)
		} else if strings.Contains(head, "gnu general public license") {
			ids = append(ids, "GPL")
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	op := " AND "
	if len(ids) > 1 && (strings.Contains(n, "your choice of") || strings.Contains(n, "dual licensed") || strings.Contains(n, "at your option either")) {
		op = " OR "
	}
	return strings.Join(ids, op)
}

func matches(n string, r rule) bool {
	for _, p := range r.all {
		if !strings.Contains(n, p) {
			return false
		}
	}
	for _, p := range r.none {
		if strings.Contains(n, p) {
			return false
		}
	}
	if len(r.any) == 0 {
		return len(r.all) > 0
	}
	for _, p := range r.any {
		if strings.Contains(n, p) {
			return true
		}
	}
	return false
}

// verdict is the class of an SPDX expression: for OR the best alternative
// (the licensee chooses), for AND the worst part (all apply). WITH exceptions
// keep the class of their licence.
func verdict(expr string) (class, error) {
	p := &spdxParser{toks: tokens(expr)}
	if len(p.toks) == 0 {
		return unknown, nil
	}
	c, err := p.or()
	if err == nil && p.i < len(p.toks) {
		err = fmt.Errorf("unexpected %q", p.toks[p.i])
	}
	if err != nil {
		return unknown, fmt.Errorf("licence expression %q: %w", expr, err)
	}
	return c, nil
}

func tokens(expr string) []string {
	expr = strings.NewReplacer("(", " ( ", ")", " ) ").Replace(expr)
	return strings.Fields(expr)
}

type spdxParser struct {
	toks []string
	i    int
}

func (p *spdxParser) peek() string {
	if p.i < len(p.toks) {
		return p.toks[p.i]
	}
	return ""
}

// order ranks classes from best to worst for the licensee; unknown is worst.
func rank(c class) int { return map[class]int{permissive: 0, weak: 1, copyleft: 2, unknown: 3}[c] }

func (p *spdxParser) or() (class, error) {
	c, err := p.and()
	for err == nil && strings.EqualFold(p.peek(), "OR") {
		p.i++
		var d class
		if d, err = p.and(); err == nil && rank(d) < rank(c) {
			c = d
		}
	}
	return c, err
}

func (p *spdxParser) and() (class, error) {
	c, err := p.atom()
	for err == nil && strings.EqualFold(p.peek(), "AND") {
		p.i++
		var d class
		if d, err = p.atom(); err == nil && rank(d) > rank(c) {
			c = d
		}
	}
	return c, err
}

func (p *spdxParser) atom() (class, error) {
	t := p.peek()
	switch {
	case t == "":
		return unknown, fmt.Errorf("expression ends early")
	case t == "(":
		p.i++
		c, err := p.or()
		if err != nil {
			return c, err
		}
		if p.peek() != ")" {
			return c, fmt.Errorf("missing )")
		}
		p.i++
		return c, nil
	}
	p.i++
	if strings.EqualFold(p.peek(), "WITH") {
		p.i += 2 // the exception only widens what the licence allows
	}
	return classOf(t), nil
}
