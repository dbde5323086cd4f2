// Package access is who may do what on `slate serve`: the roles, the
// rights each carries, the one table of which right every API method and
// resource route needs (and how large a request body it reads), and the
// users with their tokens. The server refuses to start when a bound method
// has no rule here, so a new method cannot be added unguarded, and checks
// every call against it before the method runs. docs/security.md explains
// the roles.
package access

import (
	"maps"
	"slices"
	"sort"

	"slate/internal/uploads"
)

// Roles of `slate serve` users.
const (
	Viewer   = "viewer"
	Supplier = "supplier"
	Manager  = "manager"
	Approver = "approver"
	Admin    = "admin"
)

// Roles lists every role, least power first.
func Roles() []string {
	return []string{Viewer, Supplier, Manager, Approver, Admin}
}

// Right is what a method needs of its caller.
type Right string

// Rights, each a kind of act; a role is a set of them.
const (
	// RightSession: every signed-in user (who am I, my jobs, sending a file).
	RightSession Right = "session"
	// RightRead: read the workspace (compliance, analysis, definitions, audit, packs).
	RightRead Right = "read"
	// RightFeeds: read feeds, import batches and their rejects; a supplier sees its own only.
	RightFeeds Right = "feeds"
	// RightImport: preview and import data; a supplier only into its own feeds.
	RightImport Right = "import"
	// RightDefine: change definitions.
	RightDefine Right = "define"
	// RightManage: revert batches, request exceptions and false positives,
	// build review packs, keep actions, analyses, reviews, minutes and initiatives.
	RightManage Right = "manage"
	// RightDecide: approve or reject exceptions and four-eyes requests (false positives, pauses).
	RightDecide Right = "decide"
	// RightAdmin: manage users.
	RightAdmin Right = "admin"
)

var roleRights = map[string][]Right{
	Viewer:   {RightSession, RightRead, RightFeeds},
	Supplier: {RightSession, RightFeeds, RightImport},
	Manager:  {RightSession, RightRead, RightFeeds, RightImport, RightDefine, RightManage},
	Approver: {RightSession, RightRead, RightFeeds, RightDecide},
	Admin:    {RightSession, RightRead, RightFeeds, RightImport, RightDefine, RightManage, RightDecide, RightAdmin},
}

// RoleRights lists a role's rights (nil for an unknown role).
func RoleRights(role string) []Right { return slices.Clone(roleRights[role]) }

// Rule is what one API method needs.
type Rule struct {
	Right Right `json:"right"`
	// MaxBody is the largest request body the method reads, in bytes.
	MaxBody int64 `json:"max_body"`
}

// Request body limits: the JSON array of arguments is streamed and refused
// past these, so no call can make the server hold more than a few MiB.
const (
	DefaultMaxBody = 1 << 20
	// uploadBody fits one upload chunk as base64 with its JSON around it.
	uploadBody = uploads.MaxChunk*4/3 + 64<<10
	// applyBody is a definitions YAML text.
	applyBody = 8 << 20
)

var rules = map[string]Rule{
	"Session/Me": {RightSession, DefaultMaxBody},

	"Jobs/Get":    {RightSession, DefaultMaxBody},
	"Jobs/List":   {RightSession, DefaultMaxBody},
	"Jobs/Cancel": {RightSession, DefaultMaxBody},

	"Imports/Upload":        {RightSession, uploadBody},
	"Imports/DiscardUpload": {RightSession, DefaultMaxBody},
	"Imports/Feeds":         {RightFeeds, DefaultMaxBody},
	"Imports/Batches":       {RightFeeds, DefaultMaxBody},
	"Imports/Batch":         {RightFeeds, DefaultMaxBody},
	"Imports/RejectsFile":   {RightFeeds, DefaultMaxBody},
	"Imports/TemplateFile":  {RightFeeds, DefaultMaxBody},
	"Imports/TemplateCSV":   {RightFeeds, DefaultMaxBody},
	"Imports/Layout":        {RightFeeds, DefaultMaxBody},
	"Imports/Suggest":       {RightImport, DefaultMaxBody},
	"Imports/Preview":       {RightImport, DefaultMaxBody},
	"Imports/Import":        {RightImport, DefaultMaxBody},
	"Imports/Start":         {RightImport, DefaultMaxBody},
	"Imports/Revert":        {RightManage, DefaultMaxBody},

	"Workspace/Overview":        {RightRead, DefaultMaxBody},
	"Workspace/Definitions":     {RightRead, DefaultMaxBody},
	"Workspace/DefinitionsYAML": {RightRead, DefaultMaxBody},
	"Workspace/Apply":           {RightDefine, applyBody},
	"Workspace/Delete":          {RightDefine, DefaultMaxBody},
	"Workspace/LoadDemo":        {RightDefine, DefaultMaxBody},

	"Audit/Log":    {RightRead, DefaultMaxBody},
	"Audit/Verify": {RightRead, DefaultMaxBody},
	"Audit/Check":  {RightRead, DefaultMaxBody},
	"Audit/Anchor": {RightRead, DefaultMaxBody},

	"Compliance/Dashboard":      {RightRead, DefaultMaxBody},
	"Compliance/Report":         {RightRead, DefaultMaxBody},
	"Compliance/Rows":           {RightRead, DefaultMaxBody},
	"Compliance/Breaches":       {RightRead, DefaultMaxBody},
	"Compliance/Alerts":         {RightRead, DefaultMaxBody},
	"Compliance/WhatIf":         {RightRead, DefaultMaxBody},
	"Compliance/Rollback":       {RightRead, DefaultMaxBody},
	"Compliance/RebuildResults": {RightAdmin, DefaultMaxBody},

	"Analysis/SLT":       {RightRead, DefaultMaxBody},
	"Analysis/Correlate": {RightRead, DefaultMaxBody},
	"Analysis/Loop":      {RightRead, DefaultMaxBody},
	"Analysis/Excluded":  {RightRead, DefaultMaxBody},

	// The improvement loop: anyone who reads sees it; managers change it;
	// approvers decide what needs a second person.
	"Actions/List":   {RightRead, DefaultMaxBody},
	"Actions/Get":    {RightRead, DefaultMaxBody},
	"Actions/Add":    {RightManage, DefaultMaxBody},
	"Actions/Update": {RightManage, DefaultMaxBody},
	"Actions/Close":  {RightManage, DefaultMaxBody},

	// RCAs/List applies the root-cause rule first, as Slate: a reader's
	// listing may open an analysis, never in the reader's name.
	"RCAs/List":   {RightRead, DefaultMaxBody},
	"RCAs/Get":    {RightRead, DefaultMaxBody},
	"RCAs/Open":   {RightManage, DefaultMaxBody},
	"RCAs/Update": {RightManage, DefaultMaxBody},
	"RCAs/Close":  {RightManage, DefaultMaxBody},

	"Reviews/List":    {RightRead, DefaultMaxBody},
	"Reviews/History": {RightRead, DefaultMaxBody},
	"Reviews/Record":  {RightManage, DefaultMaxBody},

	"Meetings/Agenda":     {RightRead, DefaultMaxBody},
	"Meetings/AgendaFile": {RightRead, DefaultMaxBody},
	"Meetings/List":       {RightRead, DefaultMaxBody},
	"Meetings/Record":     {RightManage, DefaultMaxBody},

	"Improvements/List":     {RightRead, DefaultMaxBody},
	"Improvements/Validate": {RightRead, DefaultMaxBody},
	"Improvements/Add":      {RightManage, DefaultMaxBody},

	"Integrations/Outbox":  {RightRead, DefaultMaxBody},
	"Integrations/Retry":   {RightManage, DefaultMaxBody},
	"Integrations/Deliver": {RightManage, DefaultMaxBody},

	"Approvals/List":                 {RightRead, DefaultMaxBody},
	"Approvals/RequestFalsePositive": {RightManage, DefaultMaxBody},
	"Approvals/RequestPause":         {RightManage, DefaultMaxBody},
	"Approvals/Approve":              {RightDecide, DefaultMaxBody},
	"Approvals/Reject":               {RightDecide, DefaultMaxBody},

	"Exceptions/List":     {RightRead, DefaultMaxBody},
	"Exceptions/Evidence": {RightRead, DefaultMaxBody},
	"Exceptions/Request":  {RightManage, DefaultMaxBody},
	"Exceptions/Approve":  {RightDecide, DefaultMaxBody},
	"Exceptions/Reject":   {RightDecide, DefaultMaxBody},

	"Packs/List":         {RightRead, DefaultMaxBody},
	"Packs/Download":     {RightRead, DefaultMaxBody},
	"Packs/Verify":       {RightRead, DefaultMaxBody},
	"Packs/VerifyStored": {RightRead, DefaultMaxBody},
	"Packs/Build":        {RightManage, DefaultMaxBody},
	"Packs/Start":        {RightManage, DefaultMaxBody},

	"Suppliers/Check":    {RightRead, DefaultMaxBody},
	"Suppliers/Maturity": {RightRead, DefaultMaxBody},
	"Suppliers/Scope":    {RightRead, DefaultMaxBody},
	"Suppliers/DataSet":  {RightFeeds, DefaultMaxBody},

	"Design/Capacity": {RightRead, DefaultMaxBody},
	"Design/Change":   {RightRead, DefaultMaxBody},
	"Design/NewSLT":   {RightDefine, DefaultMaxBody},

	"CMDB/List":   {RightRead, DefaultMaxBody},
	"CMDB/Check":  {RightRead, DefaultMaxBody},
	"CMDB/Import": {RightDefine, DefaultMaxBody},

	"Foresight/Predict":         {RightRead, DefaultMaxBody},
	"Foresight/Backtest":        {RightRead, DefaultMaxBody},
	"Foresight/Calibrate":       {RightRead, DefaultMaxBody},
	"Foresight/CalibratedFeeds": {RightRead, DefaultMaxBody},

	"Users/List":   {RightAdmin, DefaultMaxBody},
	"Users/Add":    {RightAdmin, DefaultMaxBody},
	"Users/Revoke": {RightAdmin, DefaultMaxBody},
}

// routes are the resource routes of /api/v1 (docs/api.md). A route needs
// the right of the method it calls, so the two doors of `slate serve` cannot
// disagree about who may do what; maxBody bounds its request body.
var routes = map[string]struct {
	method  string
	maxBody int64
}{
	"GET /api/v1/slts":                     {"Workspace/Overview", 0},
	"GET /api/v1/slts/{name}/report":       {"Compliance/Report", 0},
	"GET /api/v1/breaches":                 {"Compliance/Breaches", 0},
	"POST /api/v1/feeds/{name}/batches":    {"Imports/Import", uploads.MaxSize},
	"GET /api/v1/batches/{id}":             {"Imports/Batch", 0},
	"GET /api/v1/actions":                  {"Actions/List", 0},
	"GET /api/v1/predictions":              {"Foresight/Predict", 0},
	"GET /api/v1/feeds/{name}/calibration": {"Foresight/Calibrate", 0},
}

// RouteRule is the rule of a resource route ("GET /api/v1/slts") and the
// method whose right it takes; ok is false for a route nobody declared.
func RouteRule(route string) (rule Rule, method string, ok bool) {
	r, ok := routes[route]
	if !ok {
		return Rule{}, "", false
	}
	return Rule{Right: rules[r.method].Right, MaxBody: r.maxBody}, r.method, true
}

// Routes lists every resource route with a rule, sorted.
func Routes() []string {
	return slices.Sorted(maps.Keys(routes))
}

// MethodRule is the rule of an API method ("Imports/Start"); ok is false for
// a method nobody declared, which nobody may call.
func MethodRule(method string) (Rule, bool) {
	r, ok := rules[method]
	return r, ok
}

// Methods lists every method with a rule, sorted (for docs and tests).
func Methods() []string {
	out := make([]string, 0, len(rules))
	for m := range rules {
		out = append(out, m)
	}
	sort.Strings(out)
	return out
}

// Has reports whether role carries right.
func Has(role string, r Right) bool { return slices.Contains(roleRights[role], r) }

// May reports whether role may call an API method.
func May(role, method string) bool {
	r, ok := rules[method]
	return ok && Has(role, r.Right)
}

// MethodsOf lists the API methods role may call, sorted.
func MethodsOf(role string) []string {
	out := []string{}
	for _, m := range Methods() {
		if May(role, m) {
			out = append(out, m)
		}
	}
	return out
}
