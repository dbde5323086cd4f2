package app

import "slate/internal/access"

// Session tells the UI who is signed in and what they may do, so a screen
// offers only the actions that will work (the server checks every call anyway).
type Session struct {
	caller Caller
}

// Me is the signed-in caller with its rights.
type Me struct {
	Name     string  `json:"name"`
	Role     string  `json:"role"`
	Supplier string  `json:"supplier,omitempty"`
	Rights   []Right `json:"rights"`
	// Methods lists the API methods ("Imports/Start") the caller may call.
	Methods []string `json:"methods"`
}

// Me returns the caller: the token's user in the browser, the OS user in the window.
func (s *Session) Me() Me {
	me := Me{Name: s.caller.Name, Role: s.caller.Role, Supplier: s.caller.Supplier,
		Rights: RoleRights(s.caller.Role), Methods: access.MethodsOf(s.caller.Role)}
	if me.Rights == nil {
		me.Rights = []Right{}
	}
	return me
}
