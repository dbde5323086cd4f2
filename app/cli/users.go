package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"slate/app"
)

func init() {
	roles := strings.Join(app.Roles(), "|")
	register(
		command{name: "user add", args: "NAME --role " + roles + " [--supplier NAME]",
			summary: "give someone access to `slate serve`: prints their token once (only its hash is kept)", run: runUserAdd},
		command{name: "user list", summary: "list the users of `slate serve`, their roles and whether their token works", run: runUserList, readOnly: true},
		command{name: "user revoke", args: "NAME", summary: "withdraw a user's token at once (the user stays in the list and the audit trail)", run: runUserRevoke},
	)
}

func runUserAdd(e *env, args []string) error {
	fs := flag.NewFlagSet("user add", flag.ContinueOnError)
	var r app.NewUserRequest
	fs.StringVar(&r.Role, "role", "", strings.Join(app.Roles(), ", "))
	fs.StringVar(&r.Supplier, "supplier", "", "for role supplier: the Supplier definition whose feeds the user may send")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || r.Role == "" {
		return usageError("give one NAME and --role")
	}
	r.Name = pos[0]
	u, err := e.app.Users.Add(r)
	if err != nil {
		return err
	}
	return e.emit(u, func(w io.Writer) {
		fmt.Fprintf(w, "user %s added, role %s%s. Their token, shown only now:\n\n  %s\n\n", u.User.Name, u.User.Role, supplierText(u.User.Supplier), u.Token)
		fmt.Fprintln(w, "Hand it over privately; Slate keeps only its hash. They open the address `slate serve` prints, with #token=<token> at its end.")
	})
}

func supplierText(s string) string {
	if s == "" {
		return ""
	}
	return " for supplier " + s
}

func runUserList(e *env, args []string) error {
	if len(args) > 0 {
		return usageError("unexpected %q", args[0])
	}
	us, err := e.app.Users.List()
	if err != nil {
		return err
	}
	return e.emit(us, func(w io.Writer) {
		if len(us) == 0 {
			fmt.Fprintln(w, "no users yet: add one with `slate user add NAME --role ROLE`")
			return
		}
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tROLE\tSUPPLIER\tTOKEN\tADDED\tBY")
		for _, u := range us {
			state := "active"
			if !u.Active {
				state = "revoked " + u.Revoked.Format("2006-01-02") + " by " + u.RevokedBy
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", u.Name, u.Role, dash(u.Supplier), state, u.Created.Format("2006-01-02"), u.CreatedBy)
		}
		tw.Flush()
	})
}

func runUserRevoke(e *env, args []string) error {
	fs := flag.NewFlagSet("user revoke", flag.ContinueOnError)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError("give one NAME")
	}
	u, err := e.app.Users.Revoke(pos[0])
	if err != nil {
		return err
	}
	return e.emit(u, func(w io.Writer) { fmt.Fprintf(w, "user %s revoked: their token no longer works\n", u.Name) })
}
