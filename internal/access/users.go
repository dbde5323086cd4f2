package access

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"slate/internal/domain"
	"slate/internal/plain"
	"slate/internal/storage"
)

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

// AddUser adds a user with a role (a supplier user names the Supplier
// definition it speaks for) and a new token, which it returns: only the
// token's hash is stored. Audited as user.add; an active user of the same
// name is refused.
func AddUser(st *storage.Store, name, role, supplier string) (storage.User, string, error) {
	name, role, supplier = strings.TrimSpace(name), strings.ToLower(strings.TrimSpace(role)), strings.TrimSpace(supplier)
	if !userName.MatchString(name) {
		return storage.User{}, "", fmt.Errorf("user name %s: use 1 to 64 letters, digits, '.', '_', '-' or '@', starting with a letter or digit", plain.Clip(name))
	}
	if !slices.Contains(Roles(), role) {
		return storage.User{}, "", fmt.Errorf("role %s: use one of %s", plain.Clip(role), strings.Join(Roles(), ", "))
	}
	if role == Supplier && supplier == "" {
		return storage.User{}, "", domain.FieldErrorf("supplier", "a supplier user needs a supplier: the Supplier definition whose feeds it may send")
	}
	if role != Supplier && supplier != "" {
		return storage.User{}, "", fmt.Errorf("only a supplier user is bound to a supplier (role %s)", role)
	}
	token, err := NewToken()
	if err != nil {
		return storage.User{}, "", err
	}
	u := storage.User{Name: name, Role: role, Supplier: supplier, TokenHash: storage.TokenHash(token),
		Created: st.Now().UTC(), CreatedBy: st.Actor()}
	err = st.Update(func(tx *storage.Tx) error {
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
				return fmt.Errorf("supplier %s is not defined (define it first: kind Supplier)", plain.Clip(supplier))
			}
		}
		if err := tx.PutUser(u); err != nil {
			return err
		}
		_, err := tx.Audit("user.add", "User/"+name, map[string]string{"role": role, "supplier": supplier})
		return err
	})
	if err != nil {
		return storage.User{}, "", err
	}
	return u, token, nil
}

// RevokeUser revokes a user's token (audited as user.revoke); the user
// stays listed as revoked.
func RevokeUser(st *storage.Store, name string) (storage.User, error) {
	var u storage.User
	err := st.Update(func(tx *storage.Tx) error {
		var err error
		if u, err = tx.User(strings.TrimSpace(name)); err != nil {
			if errors.Is(err, storage.ErrNotFound) {
				return fmt.Errorf("no user %s", plain.Clip(name))
			}
			return err
		}
		if !u.Active() {
			return fmt.Errorf("user %s was already revoked", u.Name)
		}
		u.Revoked, u.RevokedBy, u.TokenHash = st.Now().UTC(), st.Actor(), ""
		if err := tx.PutUser(u); err != nil {
			return err
		}
		_, err = tx.Audit("user.revoke", "User/"+u.Name, map[string]string{"role": u.Role})
		return err
	})
	return u, err
}

// HasUsers reports whether any user is active.
func HasUsers(st *storage.Store) (bool, error) {
	var n bool
	err := st.View(func(tx *storage.Tx) error {
		all, err := tx.Users()
		for _, u := range all {
			n = n || u.Active()
		}
		return err
	})
	return n, err
}

// Authenticate finds the active user a token belongs to.
func Authenticate(st *storage.Store, token string) (u storage.User, ok bool, err error) {
	err = st.View(func(tx *storage.Tx) error {
		u, ok, err = tx.UserByToken(token)
		return err
	})
	return u, ok, err
}
