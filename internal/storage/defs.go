package storage

import (
	"encoding/json"
	"fmt"

	"slate/internal/domain"
)

type storedDef struct {
	Metadata *domain.Meta `json:"metadata"`
	Spec     any          `json:"spec"`
}

// PutDefinition stores or replaces a definition.
func (t *Tx) PutDefinition(d domain.Definition) error {
	meta, spec := d.Parts()
	v, err := json.Marshal(storedDef{meta, spec})
	if err != nil {
		return err
	}
	b, err := t.tx.Bucket(bucketDefs).CreateBucketIfNotExists([]byte(d.Kind()))
	if err != nil {
		return err
	}
	return b.Put([]byte(d.Name()), v)
}

// DeleteDefinition removes a definition; it reports whether it existed.
func (t *Tx) DeleteDefinition(k domain.Kind, name string) (bool, error) {
	b := t.tx.Bucket(bucketDefs).Bucket([]byte(k))
	if b == nil || b.Get([]byte(name)) == nil {
		return false, nil
	}
	return true, b.Delete([]byte(name))
}

// Workspace loads every definition.
func (t *Tx) Workspace() (*domain.Workspace, error) {
	w := domain.NewWorkspace()
	for _, k := range domain.Kinds {
		b := t.tx.Bucket(bucketDefs).Bucket([]byte(k))
		if b == nil {
			continue
		}
		err := b.ForEach(func(name, v []byte) error {
			d := domain.New(k)
			meta, spec := d.Parts()
			if err := json.Unmarshal(v, &storedDef{meta, spec}); err != nil {
				return fmt.Errorf("stored %s/%s is unreadable: %w", k, name, err)
			}
			w.Put(d)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return w, nil
}
