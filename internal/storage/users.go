package storage

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// User is a person (or a supplier's system) who may call `slate serve`'s API.
// The token itself is never stored: only its SHA-256, which is enough for a
// random 256-bit token (nobody can guess a token from its hash).
type User struct {
	Name string `json:"name"`
	// Role is viewer, supplier, manager, approver or admin (internal/access/access.go).
	Role string `json:"role"`
	// Supplier binds a supplier user to a Supplier definition.
	Supplier  string    `json:"supplier,omitempty"`
	TokenHash string    `json:"token_sha256,omitempty"`
	Created   time.Time `json:"created"`
	CreatedBy string    `json:"created_by"`
	// Revoked is set when the token was withdrawn; the record stays so the
	// name in old audit events keeps its meaning.
	Revoked   time.Time `json:"revoked,omitzero"`
	RevokedBy string    `json:"revoked_by,omitempty"`
}

// Active reports whether the user's token still works.
func (u User) Active() bool { return u.Revoked.IsZero() }

// TokenHash is the stored form of a token.
func TokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

func userKey(name string) []byte { return []byte(strings.ToLower(name)) }

// PutUser stores (replaces) a user; the bucket is made here for databases
// older than it (schema.go).
func (t *Tx) PutUser(u User) error {
	b, err := t.tx.CreateBucketIfNotExists(bucketUsers)
	if err != nil {
		return err
	}
	v, err := json.Marshal(u)
	if err != nil {
		return err
	}
	return b.Put(userKey(u.Name), v)
}

// User reads one user by name (any case); ErrNotFound when there is none.
func (t *Tx) User(name string) (User, error) {
	var u User
	b := t.tx.Bucket(bucketUsers)
	var v []byte
	if b != nil {
		v = b.Get(userKey(name))
	}
	if v == nil {
		return u, fmt.Errorf("user %q: %w", name, ErrNotFound)
	}
	return u, json.Unmarshal(v, &u)
}

// Users lists every user, revoked ones included, by name.
func (t *Tx) Users() ([]User, error) {
	out := []User{}
	b := t.tx.Bucket(bucketUsers)
	if b == nil {
		return out, nil
	}
	err := b.ForEach(func(k, v []byte) error {
		var u User
		if err := json.Unmarshal(v, &u); err != nil {
			return fmt.Errorf("user %s is unreadable: %w", k, err)
		}
		out = append(out, u)
		return nil
	})
	return out, err
}

// UserByToken finds the active user whose token this is. Every stored hash is
// compared in constant time, so the answer's timing tells nothing.
func (t *Tx) UserByToken(token string) (User, bool, error) {
	want := []byte(TokenHash(token))
	us, err := t.Users()
	if err != nil {
		return User{}, false, err
	}
	var found User
	ok := false
	for _, u := range us {
		if subtle.ConstantTimeCompare([]byte(u.TokenHash), want) == 1 && u.Active() {
			found, ok = u, true
		}
	}
	return found, ok, nil
}

// As is a view of the store whose audit events name actor: the API runs each
// call through the view of the token's user. It shares the open database and
// the clock; closing it closes the database, so only the store Open returned
// is ever closed.
func (s *Store) As(actor string) *Store {
	v := *s
	v.actor = actor
	return &v
}
