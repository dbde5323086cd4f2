package storage

// Every bucket and well-known key of the database file is declared here.
//
//	meta                 schema version, audit chain head
//	defs/<Kind>          name → JSON {metadata, spec} of one definition
//	audit                seq (8-byte big-endian) → JSON AuditEvent
//	blocks/<feed>        block key (first time ‖ batch ‖ first row, big-endian) → compressed column block (points.go, pointblock)
//	pointmeta            feed → widest block span and latest block end (time keys)
//	supersede/<feed>     point key (time ‖ batch ‖ row) of a replaced point → batch id that replaced it
//	items/<feed>         item id → list of (point key, point) (item feeds: key lookup for conflicts)
//	batches              batch id → JSON Batch record (batches.go)
//	batchstate           batch id → 1-byte status (fast visibility check for readers)
//	batchsha             feed ‖ 0 ‖ sha256 → batch id (identical files are refused)
//	batchfind/<id>       seq → JSON finding of the batch
//	batchrej/<id>        row → JSON rejected row (cells and findings)
//	batchsrc/<id>        chunk index → gzip bytes of the original file
//	batchlines/<id>      or: the line format, head, tail and the records it does not render (lines.go)
//	exceptions           seq (8-byte big-endian) → JSON Exception (exceptions.go)
//	evidence             sha256 (hex) → bytes of an exception's evidence file
//	breachmarks          breach id (slt[/tier]@period) → JSON BreachMark (breaches.go)
//	batchspan            feed ‖ 0 ‖ batch id → first ‖ last point time of a published batch (results.go)
//	results/<spec>       period key → evaluated figures of a complete period (derived data, results.go)
//	users                user name (lower case) → JSON User: role, supplier, SHA-256 of the token (users.go)
//	cmdb                 CI id → JSON domain.CI, the latest CMDB import (cmdb.go); meta/cmdb_import records it
//	actions, rcas, reviews, meetings, improvements, approvals, outbox
//	                     seq (8-byte big-endian) → JSON record of the improvement loop (records.go)
//	loopindex/<records>  unique key → record id (records.go: one RCA per run of misses)
//
// users needs no migration step: databases made before it get the bucket on
// the first `slate user add` (users.go), and every reader treats it as empty
// until then.
//
// Later features add their buckets to this list and a migration step below.
var (
	bucketMeta  = []byte("meta")
	bucketDefs  = []byte("defs")
	bucketAudit = []byte("audit")

	bucketPoints     = []byte("blocks")
	bucketPointsV1   = []byte("points") // schema 1 (legacy.go)
	bucketPointMeta  = []byte("pointmeta")
	bucketSupersede  = []byte("supersede")
	bucketItems      = []byte("items")
	bucketBatches    = []byte("batches")
	bucketBatchState = []byte("batchstate")
	bucketBatchSHA   = []byte("batchsha")
	bucketBatchFind  = []byte("batchfind")
	bucketBatchRej   = []byte("batchrej")
	bucketBatchSrc   = []byte("batchsrc")
	bucketBatchLines = []byte("batchlines")

	bucketExceptions  = []byte("exceptions")
	bucketEvidence    = []byte("evidence")
	bucketBreachMarks = []byte("breachmarks")
	bucketBatchSpans  = []byte("batchspan")
	bucketResults     = []byte("results")
	bucketUsers       = []byte("users")
	bucketCMDB        = []byte("cmdb")

	bucketActions      = []byte("actions")
	bucketRCAs         = []byte("rcas")
	bucketReviews      = []byte("reviews")
	bucketMeetings     = []byte("meetings")
	bucketImprovements = []byte("improvements")
	bucketApprovals    = []byte("approvals")
	bucketOutbox       = []byte("outbox")
	bucketLoopIndex    = []byte("loopindex")

	keySchema    = []byte("schema")
	keyAuditHead = []byte("audit_head")
	keyCMDB      = []byte("cmdb_import")
)

// topBuckets are created at open, in one transaction.
var topBuckets = [][]byte{bucketMeta, bucketDefs, bucketAudit,
	bucketPoints, bucketPointMeta, bucketSupersede, bucketItems, bucketBatches, bucketBatchState,
	bucketBatchSHA, bucketBatchFind, bucketBatchRej, bucketBatchSrc, bucketBatchLines,
	bucketExceptions, bucketEvidence, bucketBreachMarks, bucketBatchSpans, bucketResults, bucketUsers, bucketCMDB,
	bucketActions, bucketRCAs, bucketReviews, bucketMeetings, bucketImprovements, bucketApprovals, bucketOutbox, bucketLoopIndex}
