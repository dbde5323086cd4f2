// Package domain holds Slate's core types: the definitions a workspace is made of
// (services, suppliers, contracts, calendars, feeds, SLTs, maintenance windows),
// the data points feeds carry, and the validation rules that keep them sound.
// It uses the standard library only.
package domain
