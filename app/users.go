package app

import (
	"time"

	"slate/internal/access"
	"slate/internal/plain"
	"slate/internal/storage"
)

// Users manages who may call `slate serve`: each user has a role and a token
// that is shown once and stored only as its SHA-256. Every change is audited.
type Users struct {
	store *storage.Store
}

// UserInfo is a user as lists show it (never the token or its hash).
type UserInfo struct {
	Name      string    `json:"name"`
	Role      string    `json:"role"`
	Supplier  string    `json:"supplier,omitempty"`
	Active    bool      `json:"active"`
	Created   time.Time `json:"created"`
	CreatedBy string    `json:"created_by"`
	Revoked   time.Time `json:"revoked,omitzero"`
	RevokedBy string    `json:"revoked_by,omitempty"`
}

// NewUserRequest names a new user, its role and, for role supplier, the
// Supplier definition it speaks for.
type NewUserRequest struct {
	Name     string `json:"name"`
	Role     string `json:"role"`
	Supplier string `json:"supplier,omitempty"`
}

// NewUser is a new user with its token, which is never shown again.
type NewUser struct {
	User  UserInfo `json:"user"`
	Token string   `json:"token"`
}

// TokenPrefix starts every token Slate makes, so secret scanners can spot one.
const TokenPrefix = access.TokenPrefix

// NewToken makes a random 256-bit token.
func NewToken() (string, error) { return access.NewToken() }

func info(u storage.User) UserInfo {
	return UserInfo{Name: u.Name, Role: u.Role, Supplier: u.Supplier, Active: u.Active(),
		Created: u.Created, CreatedBy: u.CreatedBy, Revoked: u.Revoked, RevokedBy: u.RevokedBy}
}

// List lists every user, revoked ones included, by name.
func (us *Users) List() ([]UserInfo, error) {
	all, err := storage.Read(us.store, (*storage.Tx).Users)
	return convert(all, info), err
}

// Add makes a user and its token. A revoked user's name may be given again;
// an active one's may not.
func (us *Users) Add(r NewUserRequest) (NewUser, error) {
	u, token, err := access.AddUser(us.store, r.Name, r.Role, r.Supplier)
	if err != nil {
		return NewUser{}, err
	}
	return NewUser{User: info(u), Token: token}, nil
}

// Revoke withdraws a user's token at once; the record stays for the audit trail.
func (us *Users) Revoke(name string) (UserInfo, error) {
	u, err := access.RevokeUser(us.store, name)
	return info(u), err
}

// Authenticate finds the active user a token belongs to.
func (a *App) Authenticate(token string) (Caller, bool, error) {
	u, ok, err := access.Authenticate(a.store, token)
	if !ok {
		return Caller{}, false, err
	}
	return Caller{Name: u.Name, Role: u.Role, Supplier: u.Supplier}, true, err
}

// HasUsers reports whether any user is active (a shared server needs no admin token then).
func (a *App) HasUsers() (bool, error) { return access.HasUsers(a.store) }

// Clip quotes a value for an error message, cut to 80 characters: a message
// never echoes a large argument back (plain.Clip).
func Clip(s string) string { return plain.Clip(s) }
