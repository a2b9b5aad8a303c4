package main

import "github.com/siderolabs/talos/pkg/machinery/config/validation"

// validationOptions: what `talosctl validate` checks off a node (WithLocal: skip checks that need the machine).
func validationOptions() []validation.Option {
	return []validation.Option{validation.WithLocal()}
}
