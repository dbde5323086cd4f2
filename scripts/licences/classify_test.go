package main

import "testing"

// Distinctive passages of each licence, as they appear in real licence files
// (line breaks and punctuation included: the classifier must see through them).
const (
	mitText = `MIT License

Copyright (c) 2020 Someone

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction...

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.`
	bsd3Text = `Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:
   * Neither the name of Google Inc. nor the names of its
contributors may be used to endorse or promote products derived from
this software without specific prior written permission.`
	bsd2Text = `Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:
1. Redistributions of source code must retain the above copyright notice.
2. Redistributions in binary form must reproduce the above copyright notice.`
	apacheText = `                                 Apache License
                           Version 2.0, January 2004
                        http://www.apache.org/licenses/`
	apacheHeader = `Copyright 2011-2016 Canonical Ltd.

Licensed under the Apache License, Version 2.0 (the "License");`
	iscText = `Permission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted, provided that the above
copyright notice and this permission notice appear in all copies.`
	gpl2Text = `                    GNU GENERAL PUBLIC LICENSE
                       Version 2, June 1991

 Copyright (C) 1989, 1991 Free Software Foundation, Inc.
 ...
the GNU Lesser General Public License instead of this License.`
	lgpl3Text = `                   GNU LESSER GENERAL PUBLIC LICENSE
                       Version 3, 29 June 2007
  This version of the GNU Lesser General Public License incorporates
the terms and conditions of version 3 of the GNU General Public License`
	agplNotice = `This program is free software: you can redistribute it and/or modify
it under the terms of the GNU Affero General Public License as published by
the Free Software Foundation, either version 3 of the License, or
(at your option) any later version.`
	mplText = `Mozilla Public License Version 2.0
==================================
1.12. "Secondary License"
    means either the GNU General Public License, Version 2.0, the GNU Lesser
    General Public License, Version 2.1...`
	oflText = `This Font Software is licensed under the SIL Open Font License, Version 1.1.
Permission is hereby granted, free of charge, to any person obtaining
a copy of the Font Software, to use, study, copy, merge, embed, modify,`
	freetypeDual = `Use of the Freetype-Go software is subject to your choice of exactly one of
the following two licenses:
  * The FreeType License, which is similar to the original BSD license with
    an advertising clause, or
  * The GNU General Public License (GPL), version 2 or later.

The FreeType Project LICENSE`
)

func TestClassify(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"MIT", mitText, "MIT"},
		{"BSD-3-Clause", bsd3Text, "BSD-3-Clause"},
		{"BSD-2-Clause", bsd2Text, "BSD-2-Clause"},
		{"Apache-2.0 text", apacheText, "Apache-2.0"},
		{"Apache-2.0 header", apacheHeader, "Apache-2.0"},
		{"ISC", iscText, "ISC"},
		{"GPL-2.0 text that mentions the LGPL", gpl2Text, "GPL-2.0"},
		{"LGPL-3.0 text that mentions the GPL", lgpl3Text, "LGPL-3.0"},
		{"AGPL notice", agplNotice, "AGPL-3.0"},
		{"MPL-2.0 that mentions GPL and LGPL", mplText, "MPL-2.0"},
		{"OFL is not MIT", oflText, "OFL-1.1"},
		{"MIT and Apache in one file", mitText + "\n\n" + apacheHeader, "Apache-2.0 AND MIT"},
		{"a choice offered", freetypeDual, "FTL OR GPL"},
		{"nothing known", "All rights reserved.", ""},
	} {
		if got := classify(c.text); got != c.want {
			t.Errorf("%s: classify = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestVerdict(t *testing.T) {
	for _, c := range []struct {
		expr string
		want class
	}{
		{"MIT", permissive},
		{"(MIT OR Apache-2.0)", permissive},
		{"MIT AND Zlib", permissive},
		{"MPL-2.0", weak},
		{"BSD-3-Clause AND OFL-1.1", weak},
		{"GPL-2.0", copyleft},
		{"GPL-2.0-or-later", copyleft},
		{"LGPL-2.1-only", copyleft},
		{"AGPL-3.0", copyleft},
		{"MIT AND LGPL-3.0", copyleft},
		{"FTL OR GPL", permissive},
		{"(GPL-2.0 OR MIT) AND Apache-2.0", permissive},
		{"GPL-2.0 WITH Classpath-exception-2.0", copyleft},
		{"Apache-2.0 WITH LLVM-exception", permissive},
		{"SEE LICENSE IN LICENSE.txt", unknown},
		{"", unknown},
	} {
		got, err := verdict(c.expr)
		if got != c.want {
			t.Errorf("verdict(%q) = %v (%v), want %v", c.expr, got, err, c.want)
		}
	}
	if _, err := verdict("(MIT"); err == nil {
		t.Error("verdict of an unbalanced expression: no error")
	}
}

func TestPolicyRefusesShippedCopyleft(t *testing.T) {
	gpl := &component{kind: "npm", name: "some-widget", version: "1.0.0", licence: "GPL-3.0", shipped: true}
	if err := settle(gpl); err == nil {
		t.Fatal("a shipped GPL-3.0 package passed the check")
	}
	tool := &component{kind: "npm", name: "some-linter", version: "1.0.0", licence: "GPL-3.0", shipped: false}
	if err := settle(tool); err != nil {
		t.Fatalf("a GPL build tool that ships nothing was refused: %v", err)
	}
	odd := &component{kind: "npm", name: "odd", version: "1.0.0", licence: "SEE LICENSE IN EULA", shipped: true}
	if err := settle(odd); err == nil {
		t.Fatal("a shipped package under an unrecognised licence passed the check")
	}
	none := &component{kind: "npm", name: "bare", version: "1.0.0", shipped: true}
	if err := settle(none); err == nil {
		t.Fatal("a shipped package without a licence passed the check")
	}
}
