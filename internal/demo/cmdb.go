package demo

import (
	"fmt"
	"strings"
	"time"
)

// CMDB is the demo's CMDB export as of now (CSV): the configuration items the
// service desk's incidents name, and a few more. Two were last verified long
// ago (payment-gw, warehouse-wms) and one is missing (crm), so the incident
// SLT's rows from them are flagged.
func CMDB(now time.Time) []byte {
	day := now.UTC().Truncate(24 * time.Hour)
	rows := []struct {
		id, name, class, owner, status string
		verifiedDaysAgo                int
	}{
		{"web-shop", "Web shop front end", "application", "Amélie Laurent", "operational", 20},
		{"checkout-api", "Checkout API", "application", "Jonas Weber", "operational", 45},
		{"payment-gw", "Payment gateway adapter", "interface", "Jonas Weber", "operational", 200},
		{"warehouse-wms", "Warehouse management system", "application", "Søren Madsen", "operational", 130},
		{"hosting-fra2", "CloudHost data centre FRA-2", "facility", "Dana Fischer", "operational", 10},
		{"shop-probe-eu", "Synthetic probe (EU)", "monitoring", "Dana Fischer", "operational", 60},
	}
	var b strings.Builder
	b.WriteString("ci_id,name,class,owner,status,verified_at\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s,%s\n", r.id, r.name, r.class, r.owner, r.status, day.AddDate(0, 0, -r.verifiedDaysAgo).Format(time.DateOnly))
	}
	return []byte(b.String())
}
