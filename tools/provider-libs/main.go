// provider-libs renders what the pinned Terraform providers render, with the Go libraries those providers link
// (see go.mod for the versions and where they come from). tools/tf-schema-provider (the offline, schema-only
// Terraform provider of this project) calls it for poseidon/ct's ct_config and for siderolabs/talos' secrets,
// machine configurations and client configuration, so that `npm run validate` and the tests check our
// configuration against the real Butane translator and the real Talos config generator/patcher/validator.
//
// Protocol: one JSON request per line on stdin, one JSON response per line on stdout:
//
//	{"op": "ct_config", ...}  ->  {"result": {...}}  or  {"error": {"summary": "...", "detail": "..."}}
//
// With no argument it answers every line until stdin closes (a long-running helper); `provider-libs version`
// prints the library versions it was built with.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"runtime/debug"
)

// providerError is a diagnostic as the real provider reports it: summary and detail.
type providerError struct {
	Summary string `json:"summary"`
	Detail  string `json:"detail"`
}

func (e *providerError) Error() string { return e.Summary + ": " + e.Detail }

func fail(summary string, err error) error {
	return &providerError{Summary: summary, Detail: err.Error()}
}

type request struct {
	Op string `json:"op"`
	// ProviderVersion selects version-specific provider behaviour (e.g. "0.10.0" of siderolabs/talos).
	ProviderVersion string          `json:"provider_version"`
	Args            json.RawMessage `json:"args"`
}

type response struct {
	Result any            `json:"result,omitempty"`
	Error  *providerError `json:"error,omitempty"`
}

var ops = map[string]func(req request) (any, error){
	"ct_config":                               ctConfig,
	"ignition_parse":                          ignitionParse,
	"talos_machine_secrets":                   talosMachineSecrets,
	"talos_machine_configuration_validate":    talosMachineConfigurationValidate,
	"talos_machine_configuration":             talosMachineConfiguration,
	"talos_client_configuration":              talosClientConfiguration,
	"talos_machine_configuration_apply":       talosMachineConfigurationApply,
	"talos_machine_configuration_apply_check": talosMachineConfigurationApplyCheck,
}

func handle(line []byte) (out response) {
	defer func() {
		if r := recover(); r != nil {
			out = response{Error: &providerError{Summary: "provider-libs: panic", Detail: fmt.Sprint(r)}}
		}
	}()

	var req request
	if err := json.Unmarshal(line, &req); err != nil {
		return response{Error: &providerError{Summary: "provider-libs: bad request", Detail: err.Error()}}
	}

	op, ok := ops[req.Op]
	if !ok {
		return response{Error: &providerError{Summary: "provider-libs: unknown op", Detail: req.Op}}
	}

	result, err := op(req)
	if err != nil {
		if pe, ok := err.(*providerError); ok {
			return response{Error: pe}
		}

		return response{Error: &providerError{Summary: req.Op + " failed", Detail: err.Error()}}
	}

	return response{Result: result}
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "version" {
		if info, ok := debug.ReadBuildInfo(); ok {
			for _, d := range info.Deps {
				switch d.Path {
				case "github.com/coreos/butane", "github.com/coreos/ignition/v2", "github.com/siderolabs/talos/pkg/machinery":
					fmt.Printf("%s %s\n", d.Path, d.Version)
				}
			}
		}

		return
	}

	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(out)

	for {
		line, err := in.ReadBytes('\n')
		if len(line) > 0 {
			if encErr := enc.Encode(handle(line)); encErr != nil {
				fmt.Fprintln(os.Stderr, encErr)
				os.Exit(1)
			}

			out.Flush() //nolint:errcheck
		}

		if err != nil {
			return
		}
	}
}

func decode[T any](req request) (T, error) {
	var v T
	if err := json.Unmarshal(req.Args, &v); err != nil {
		return v, fmt.Errorf("bad arguments for %s: %w", req.Op, err)
	}

	return v, nil
}
