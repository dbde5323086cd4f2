// Package assets holds files embedded into the Slate binary.
//
// fonts/ carries the DejaVu TrueType fonts used by the PDF renderer
// (internal/export) so that names in any Latin, Greek or Cyrillic script print
// as glyphs on every machine. Licence: fonts/LICENSE (Bitstream Vera terms;
// DejaVu changes are public domain).
package assets

import _ "embed"

// DejaVuSans is DejaVu Sans Book (regular).
//
//go:embed fonts/DejaVuSans.ttf
var DejaVuSans []byte

// DejaVuSansBold is DejaVu Sans Bold.
//
//go:embed fonts/DejaVuSans-Bold.ttf
var DejaVuSansBold []byte

// DejaVuSansMono is DejaVu Sans Mono (used for fingerprints and identifiers).
//
//go:embed fonts/DejaVuSansMono.ttf
var DejaVuSansMono []byte

// FontLicense is the licence text of the embedded fonts.
//
//go:embed fonts/LICENSE
var FontLicense string
