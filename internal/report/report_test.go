package report

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"
)

func TestFloatJSON(t *testing.T) {
	in := Floats{1.5, NaN, Float(math.Inf(1))}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != "[1.5,null,null]" {
		t.Fatalf("got %s", b)
	}
	var out Floats
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if out[0] != 1.5 || out[1].Valid() || out[2].Valid() {
		t.Fatalf("round trip %v", out)
	}
}

func TestCellConstructors(t *testing.T) {
	if !Number(math.NaN()).IsNull() || !Percent(math.Inf(-1)).IsNull() || !Date(time.Time{}).IsNull() {
		t.Fatal("non-finite or zero values must give Null")
	}
	c := DateTime(time.Date(2025, 1, 2, 3, 4, 0, 0, time.UTC))
	b, _ := json.Marshal(c)
	var back Cell
	if err := json.Unmarshal(b, &back); err != nil || !back.Time.Equal(*c.Time) || back.Kind != ValueDateTime {
		t.Fatalf("round trip %s → %+v (%v)", b, back, err)
	}
}

func TestNewPareto(t *testing.T) {
	p := NewPareto([]string{"b", "a", "c"}, []float64{1, 3, 1})
	if strings.Join(p.Categories, ",") != "a,b,c" || p.Cumulative[2] != 1 || p.Cumulative[0] != 0.6 {
		t.Fatalf("%+v", p)
	}
}

func TestValidate(t *testing.T) {
	ok := Section{ID: "s", Blocks: []Block{NewParagraph("x")}}
	cases := map[string]Pack{
		"duplicate id":  {Sections: []Section{ok, ok}},
		"empty block":   {Sections: []Section{{ID: "s", Blocks: []Block{{}}}}},
		"two payloads":  {Sections: []Section{{ID: "s", Blocks: []Block{{Paragraph: &Paragraph{}, Note: &Note{Severity: SeverityInfo}}}}}},
		"heading level": {Sections: []Section{{ID: "s", Blocks: []Block{NewHeading(4, "x")}}}},
		"cells":         {Sections: []Section{{ID: "s", Blocks: []Block{NewTable(Table{Columns: []Column{{Header: "a", Kind: ValueText}}, Rows: []Row{{}}})}}}},
		"rag":           {Sections: []Section{{ID: "s", Blocks: []Block{NewTable(Table{Columns: []Column{{Header: "a", Kind: ValueText}}, Rows: []Row{{Cells: []Cell{Null()}, Status: "blue"}}})}}}},
		"flag":          {Sections: []Section{{ID: "s", Blocks: []Block{NewChart(Chart{Kind: ChartControl, Control: &ControlChart{Flags: []Flag{{Index: 0}}}})}}}},
		"chart payload": {Sections: []Section{{ID: "s", Blocks: []Block{NewChart(Chart{Kind: ChartLine})}}}},
		"severity":      {Sections: []Section{{ID: "s", Blocks: []Block{NewNote("loud", "", "x")}}}},
	}
	for name, p := range cases {
		t.Run(name, func(t *testing.T) {
			if err := p.Validate(); !errors.Is(err, ErrInvalid) {
				t.Fatalf("Validate() = %v, want ErrInvalid", err)
			}
		})
	}
	good := Pack{Sections: []Section{ok}}
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
}
