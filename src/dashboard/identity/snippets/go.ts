import { TOKEN_LIFETIME_SECONDS } from '../../../shared/identity'
import type { SnippetTarget } from './stacks'
import type { ServerSnippet } from './types'
import { widgetScriptTag } from './widget-tag'

/** Go: a package using golang-jwt/jwt/v5 (builds with Go 1.19), then net/http usage. */
export function goSnippet(target: SnippetTarget): ServerSnippet {
  const mint = `// Package reqio mints the identity token the Reqio widget sends with every request.
// Server only: REQIO_SECRET must never reach the browser.
package reqio

import (
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5" // go get github.com/golang-jwt/jwt/v5
)

const (
	Audience        = "${target.audience}"
	LifetimeSeconds = ${TOKEN_LIFETIME_SECONDS}
)

// User is what the token says about the signed-in person. ADAPT: fill it from your session.
type User struct {
	ID              string // your stable user id, e.g. the database row id
	Email           string // optional
	Name            string // optional: shown beside their comments, at most 100 characters
	Plan            string // optional, e.g. "pro"; empty for users who do not pay
	AmountCents     int64  // as billed, in cents; the yearly total for yearly plans
	BillingInterval string // "month" or "year"
	// B2B (optional): the account the user belongs to. With it, the plan above is the
	// company's and Reqio counts the company's revenue once, however many of its people vote.
	CompanyID   string
	CompanyName string
}

// MintToken signs a token that expires ${TOKEN_LIFETIME_SECONDS} seconds after it is issued.
func MintToken(user User) (string, error) {
	iat := time.Now().Unix()
	claims := jwt.MapClaims{
		"sub": user.ID,
		"aud": Audience,
		"iat": iat,
		"exp": iat + LifetimeSeconds,
	}
	// Send the same claims on every token: each one replaces what Reqio stores about the user,
	// so a claim left out is cleared (the newest token by iat wins).
	if user.Email != "" {
		claims["email"] = user.Email
	}
	if user.Name != "" {
		claims["name"] = user.Name
	}
	if user.Plan != "" {
		claims["traits"] = map[string]interface{}{
			"plan":     user.Plan,
			"amount":   user.AmountCents,
			"interval": user.BillingInterval,
		}
	}
	if user.CompanyID != "" {
		claims["company"] = map[string]interface{}{"id": user.CompanyID, "name": user.CompanyName}
	}
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	return token.SignedString([]byte(os.Getenv("REQIO_SECRET")))
}
`
  const usage = `// main.go: net/http usage. ADAPT: currentUser is your session lookup; "yourapp/reqio" is
// where you put the file above.
package main

import (
	"encoding/json"
	"html/template"
	"net/http"

	"yourapp/reqio"
)

// Server-rendered pages: a fresh token on every render.
var page = template.Must(template.New("page").Parse(\`${widgetScriptTag(target, '{{.ReqioToken}}')}\`))

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		token, _ := reqio.MintToken(currentUser(r))
		page.Execute(w, map[string]string{"ReqioToken": token})
	})
	// Single-page apps fetch this after sign-in, then call window.Reqio.identify(token).
	http.HandleFunc("/api/reqio-token", func(w http.ResponseWriter, r *http.Request) {
		token, err := reqio.MintToken(currentUser(r))
		if err != nil {
			http.Error(w, "could not mint token", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		json.NewEncoder(w).Encode(map[string]string{"token": token})
	})
	http.ListenAndServe(":8080", nil)
}
`
  return {
    stack: 'go',
    files: [
      { path: 'reqio/token.go', language: 'go', code: mint, role: 'mint' },
      { path: 'main.go', language: 'go', code: usage, role: 'usage' },
    ],
  }
}
