package app

import "slate/internal/access"

// Who may call what is internal/access: the roles, their rights and the
// one table of which right every API method and route needs. The names
// below are how the faces and their tests speak of it.

// Roles of `slate serve` users.
const (
	RoleViewer   = access.Viewer
	RoleSupplier = access.Supplier
	RoleManager  = access.Manager
	RoleApprover = access.Approver
	RoleAdmin    = access.Admin
)

// Right is what a method needs of its caller.
type Right access.Right

// Rights, each a kind of act; a role is a set of them (internal/access).
const (
	RightSession = Right(access.RightSession)
	RightRead    = Right(access.RightRead)
	RightFeeds   = Right(access.RightFeeds)
	RightImport  = Right(access.RightImport)
	RightDefine  = Right(access.RightDefine)
	RightManage  = Right(access.RightManage)
	RightDecide  = Right(access.RightDecide)
	RightAdmin   = Right(access.RightAdmin)
)

// Rule is what one API method needs.
type Rule struct {
	Right Right `json:"right"`
	// MaxBody is the largest request body the method reads, in bytes.
	MaxBody int64 `json:"max_body"`
}

// DefaultMaxBody bounds a method's request body unless its rule says more.
const DefaultMaxBody = access.DefaultMaxBody

// Roles lists every role, least power first; RuledMethods and RuledRoutes
// every API method and resource route with a rule, sorted.
var (
	Roles        = access.Roles
	RuledMethods = access.Methods
	RuledRoutes  = access.Routes
)

// RoleRights lists a role's rights (nil for an unknown role).
func RoleRights(role string) []Right {
	var out []Right
	for _, r := range access.RoleRights(role) {
		out = append(out, Right(r))
	}
	return out
}

// AccessRule is the rule of an API method ("Imports/Start"); ok is false for
// a method nobody declared, which nobody may call.
func AccessRule(method string) (Rule, bool) {
	r, ok := access.MethodRule(method)
	return Rule{Right(r.Right), r.MaxBody}, ok
}

// RouteRule is the rule of a resource route ("GET /api/v1/slts") and the
// method whose right it takes; ok is false for a route nobody declared.
func RouteRule(route string) (rule Rule, method string, ok bool) {
	r, method, ok := access.RouteRule(route)
	return Rule{Right(r.Right), r.MaxBody}, method, ok
}

// Caller is who makes a call: the token's user over the API, the OS user in
// the window and the CLI (role admin: the person at their own keyboard).
type Caller struct {
	Name string `json:"name"`
	Role string `json:"role"`
	// Supplier is the Supplier definition a supplier user speaks for.
	Supplier string `json:"supplier,omitempty"`
}

// Has reports whether the caller's role carries right.
func (c Caller) Has(r Right) bool { return access.Has(c.Role, access.Right(r)) }

// May reports whether the caller may call an API method.
func (c Caller) May(method string) bool { return access.May(c.Role, method) }

// scoped reports whether the caller is held to the feeds of one supplier.
func (c Caller) scoped() bool { return c.Role == RoleSupplier }
