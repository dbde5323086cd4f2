package app

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"slate/internal/domain"
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
const TokenPrefix = "slate_"

// NewToken makes a random 256-bit token.
func NewToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return TokenPrefix + base64.RawURLEncoding.EncodeToString(b), nil
}

var userName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$`)

func info(u storage.User) UserInfo {
	return UserInfo{Name: u.Name, Role: u.Role, Supplier: u.Supplier, Active: u.Active(),
		Created: u.Created, CreatedBy: u.CreatedBy, Revoked: u.Revoked, RevokedBy: u.RevokedBy}
}

// List lists every user, revoked ones included, by name.
func (us *Users) List() ([]UserInfo, error) {
	out := []UserInfo{}
	err := us.store.View(func(tx *storage.Tx) error {
		all, err := tx.Users()
		for _, u := range all {
			out = append(out, info(u))
		}
		return err
	})
	return out, err
}

// Add makes a user and its token. A revoked user's name may be given again;
// an active one's may not.
func (us *Users) Add(r NewUserRequest) (NewUser, error) {
	name, role, supplier := strings.TrimSpace(r.Name), strings.ToLower(strings.TrimSpace(r.Role)), strings.TrimSpace(r.Supplier)
	if !userName.MatchString(name) {
		return NewUser{}, fmt.Errorf("user name %s: use 1 to 64 letters, digits, '.', '_', '-' or '@', starting with a letter or digit", Clip(name))
	}
	if !slices.Contains(Roles(), role) {
		return NewUser{}, fmt.Errorf("role %s: use one of %s", Clip(role), strings.Join(Roles(), ", "))
	}
	if role == RoleSupplier && supplier == "" {
		return NewUser{}, domain.FieldErrorf("supplier", "a supplier user needs a supplier: the Supplier definition whose feeds it may send")
	}
	if role != RoleSupplier && supplier != "" {
		return NewUser{}, fmt.Errorf("only a supplier user is bound to a supplier (role %s)", role)
	}
	token, err := NewToken()
	if err != nil {
		return NewUser{}, err
	}
	u := storage.User{Name: name, Role: role, Supplier: supplier, TokenHash: storage.TokenHash(token),
		Created: us.store.Now().UTC(), CreatedBy: us.store.Actor()}
	err = us.store.Update(func(tx *storage.Tx) error {
		if old, err := tx.User(name); err == nil && old.Active() {
			return fmt.Errorf("user %s already exists (revoke it first to give it a new token)", old.Name)
		} else if err != nil && !errors.Is(err, storage.ErrNotFound) {
			return err
		}
		if supplier != "" {
			ws, err := tx.Workspace()
			if err != nil {
				return err
			}
			if ws.Supplier(supplier) == nil {
				return fmt.Errorf("supplier %s is not defined (define it first: kind Supplier)", Clip(supplier))
			}
		}
		if err := tx.PutUser(u); err != nil {
			return err
		}
		_, err := tx.Audit("user.add", "User/"+name, map[string]string{"role": role, "supplier": supplier})
		return err
	})
	if err != nil {
		return NewUser{}, err
	}
	return NewUser{User: info(u), Token: token}, nil
}

// Revoke withdraws a user's token at once; the record stays for the audit trail.
func (us *Users) Revoke(name string) (UserInfo, error) {
	var u storage.User
	err := us.store.Update(func(tx *storage.Tx) error {
		var err error
		if u, err = tx.User(strings.TrimSpace(name)); err != nil {
			if errors.Is(err, storage.ErrNotFound) {
				return fmt.Errorf("no user %s", Clip(name))
			}
			return err
		}
		if !u.Active() {
			return fmt.Errorf("user %s was already revoked", u.Name)
		}
		u.Revoked, u.RevokedBy, u.TokenHash = us.store.Now().UTC(), us.store.Actor(), ""
		if err := tx.PutUser(u); err != nil {
			return err
		}
		_, err = tx.Audit("user.revoke", "User/"+u.Name, map[string]string{"role": u.Role})
		return err
	})
	return info(u), err
}

// Authenticate finds the active user a token belongs to.
func (a *App) Authenticate(token string) (Caller, bool, error) {
	var c Caller
	var ok bool
	err := a.store.View(func(tx *storage.Tx) error {
		u, found, err := tx.UserByToken(token)
		if found {
			c, ok = Caller{Name: u.Name, Role: u.Role, Supplier: u.Supplier}, true
		}
		return err
	})
	return c, ok, err
}

// HasUsers reports whether any user is active (a shared server needs no admin token then).
func (a *App) HasUsers() (bool, error) {
	var n bool
	err := a.store.View(func(tx *storage.Tx) error {
		all, err := tx.Users()
		for _, u := range all {
			n = n || u.Active()
		}
		return err
	})
	return n, err
}

// Clip quotes a value for an error message, cut to 80 characters: a message
// never echoes a large argument back (plain.Clip).
func Clip(s string) string { return plain.Clip(s) }
