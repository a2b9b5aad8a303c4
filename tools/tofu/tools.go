//go:build tools

// Package tools pins OpenTofu's CLI as a dependency of this module so that `go mod tidy` keeps it and
// `go build github.com/opentofu/opentofu/cmd/tofu` builds it (see go.mod for why not `go install`).
package tools

import _ "github.com/opentofu/opentofu/cmd/tofu"
